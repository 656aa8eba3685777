using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Runs;

/// <summary>
/// The admin's JSON for a customer's runs and for a run timeline of the known harness, kept as files beside the
/// report's so the admin's script tests read what the service returns; rewritten on purpose with
/// CUSTOMFLOWS_WRITE_FIXTURES=1 (then review the diff)
/// </summary>
[TestFixture]
public class RunInspectorFixtureTests
{
    private static async Task AssertMatchesFixtureAsync(object value, string fileName)
    {
        var path = Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", fileName);
        var json = FlowReportJson.Serialize(value) + "\n";
        if (Environment.GetEnvironmentVariable("CUSTOMFLOWS_WRITE_FIXTURES") == "1")
            await File.WriteAllTextAsync(path, json);

        Assert.That(json, Is.EqualTo(await File.ReadAllTextAsync(path)), fileName);
    }

    [Test]
    public async Task A_customers_runs_serialize_exactly_as_the_admin_api_fixture()
    {
        var harness = await RunInspectorHarness.CreateAsync();

        await AssertMatchesFixtureAsync(await harness.Inspector.FindCustomerRunsAsync(RunInspectorHarness.Email), "customer-runs.json");
    }

    [Test]
    public async Task A_run_timeline_serializes_exactly_as_the_admin_api_fixture()
    {
        var harness = await RunInspectorHarness.CreateAsync();

        await AssertMatchesFixtureAsync(await harness.Inspector.GetRunTimelineAsync(harness.WaitingRun.Id), "run-timeline.json");
    }
}
