using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services;

[TestFixture]
public class CustomerFlowProfileServiceTests
{
    private InMemoryRepository<CustomerFlowState> _states;
    private InMemoryRepository<FlowRun> _runs;
    private CustomerFlowProfileService _service;

    [SetUp]
    public void SetUp()
    {
        _states = new InMemoryRepository<CustomerFlowState>();
        _runs = new InMemoryRepository<FlowRun>();
        _service = new CustomerFlowProfileService(_states, _runs);
    }

    private Task AddRunAsync(int customerId, FlowRunStatus status, int id) => _runs.InsertAsync(new FlowRun
    {
        FlowId = 1,
        CustomerId = customerId,
        StatusId = (int)status,
        EntryKey = id.ToString(),
        ActiveKey = $"key-{customerId}-{id}",
        CurrentNodeId = "n"
    });

    [Test]
    public async Task Profile_shows_sorted_tags_score_stage_and_the_flows_in_progress()
    {
        await _states.InsertAsync(new CustomerFlowState { CustomerId = 5, TagsJson = "[\"vip\",\"Bought-coffee\"]", Score = 40, FunnelStage = "customer" });
        await AddRunAsync(5, FlowRunStatus.Waiting, 1);
        await AddRunAsync(5, FlowRunStatus.Running, 2);
        await AddRunAsync(5, FlowRunStatus.Completed, 3);
        await AddRunAsync(6, FlowRunStatus.Waiting, 4);

        var profile = await _service.GetProfileAsync(5);

        Assert.That(profile.Tags, Is.EqualTo(new[] { "Bought-coffee", "vip" }));
        Assert.That((profile.Score, profile.FunnelStage, profile.ActiveRuns), Is.EqualTo((40, "customer", 2)));
    }

    [Test]
    public async Task A_customer_flows_know_nothing_about_gets_an_empty_profile()
    {
        var profile = await _service.GetProfileAsync(77);

        Assert.That(profile.Tags, Is.Empty);
        Assert.That((profile.Score, profile.FunnelStage, profile.ActiveRuns), Is.EqualTo((0, string.Empty, 0)));
    }

    [Test]
    public async Task Damaged_tags_do_not_break_the_customer_page()
    {
        await _states.InsertAsync(new CustomerFlowState { CustomerId = 5, TagsJson = "vip,", Score = 3 });

        var profile = await _service.GetProfileAsync(5);

        Assert.That(profile.Tags, Is.Empty);
        Assert.That(profile.Score, Is.EqualTo(3));
    }

    [Test]
    public async Task Profile_lists_the_consent_seen_per_store()
    {
        var snapshot = new CustomerConsentSnapshot(new CustomerStateRows(new CustomerStateGate(), _states, TimeProvider.System), TimeProvider.System);
        await snapshot.RecordAsync(5, 2, false, CustomerConsentSnapshot.UNSUBSCRIBED);
        await snapshot.RecordAsync(5, 1, true, CustomerConsentSnapshot.SUBSCRIBED);

        var profile = await _service.GetProfileAsync(5);

        Assert.That(profile.Consent.Select(c => (c.StoreId, c.Consent.MarketingEmail, c.Consent.Source)),
            Is.EqualTo(new[] { (1, true, "subscribed"), (2, false, "unsubscribed") }));
    }

    [Test]
    public void Every_consent_source_has_english_and_polish_text()
    {
        foreach (var source in new[] { CustomerConsentSnapshot.NEWSLETTER, CustomerConsentSnapshot.SUBSCRIBED, CustomerConsentSnapshot.UNSUBSCRIBED })
        {
            var key = $"Plugins.Misc.CustomFlows.CustomerBlock.ConsentSource.{source}";
            Assert.That(Nop.Plugin.Misc.CustomFlows.Localization.CustomFlowsLocales.English.Keys, Does.Contain(key));
            Assert.That(Nop.Plugin.Misc.CustomFlows.Localization.CustomFlowsLocales.Polish.Keys, Does.Contain(key));
        }
    }
}
