using System.Text.Json.Nodes;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Logging;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Flows;

/// <summary>
/// The flow lifecycle over in-memory tables: creating, the draft and its revision, publishing versions, pausing,
/// archiving and deleting, each refusal, and the activity log
/// </summary>
[TestFixture]
public class FlowLifecycleServiceTests
{
    internal sealed class Shop
    {
        public readonly InMemoryRepository<Flow> Flows = new();
        public readonly InMemoryRepository<FlowVersion> Versions = new();
        public readonly InMemoryRepository<FlowAttribution> Attributions = new();
        public readonly InMemoryRepository<FlowRun> Runs = new();
        public readonly InMemoryRepository<FlowActionLog> Logs = new();
        public readonly InMemoryRepository<FlowNodeDailyStat> Stats = new();
        public readonly InMemoryRepository<PendingPopup> Popups = new();
        public readonly List<(string Type, string Comment)> Activities = new();
        public readonly TestClock Clock = new(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        public readonly FlowRunGate Gate = new();
        public readonly Mock<ICustomerActivityService> Activity = new();
        public readonly Mock<IMessageTemplateService> MessageTemplates = new();

        public Shop()
        {
            Activity.Setup(a => a.InsertActivityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BaseEntity>()))
                .Callback<string, string, BaseEntity>((type, comment, _) => Activities.Add((type, comment)))
                .ReturnsAsync((Nop.Core.Domain.Logging.ActivityLog)null);
            //the shop has the library's message templates, as the install puts them there
            MessageTemplates.Setup(m => m.GetAllMessageTemplatesAsync(0, null, null, 0)).ReturnsAsync(FlowTemplateLibrary.All
                .SelectMany(template => template.Messages).Select(message => new MessageTemplate { Name = message.Reference }).ToList());
            MessageTemplates.Setup(m => m.GetMessageTemplatesByNameAsync(It.IsAny<string>(), null))
                .ReturnsAsync<string, int?, IMessageTemplateService, IList<MessageTemplate>>((name, _) => new List<MessageTemplate> { new() { Id = 41, Name = name } });
        }

        /// <summary>
        /// An e-mail template the shop has (the library's, which the install adds)
        /// </summary>
        public string KnownEmailTemplate => FlowTemplateLibrary.All.SelectMany(t => t.Messages).First(m => m.Kind == Nop.Plugin.Misc.CustomFlows.Engine.Ports.TemplateKind.Email).Reference;

        public FlowLifecycleService Lifecycle()
        {
            var work = new Mock<IWorkContext>();
            work.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer { Id = 5 });
            return new FlowLifecycleService(Gate, Catalog, Activity.Object, Flows, Logs, Stats, Runs, Versions, Popups, work.Object,
                new MessageTemplateLookup(MessageTemplates.Object), Clock);
        }

        /// <summary>
        /// The shop's flow catalog over the same tables, with a cache that keeps what it read until the lifecycle resets it
        /// </summary>
        public FlowCatalog Catalog => _catalog ??= new FlowCatalog(Flows, Versions, new InMemoryStaticCache());

        private FlowCatalog _catalog;

        public WaitingRunMigrationService Migration() => new(Gate, Activity.Object, Flows, Runs, Versions, Clock);

        public async Task<FlowRun> AddRunAsync(int flowId, int versionNumber, string nodeId, FlowRunStatus status = FlowRunStatus.Waiting, DateTime? dueOnUtc = null)
        {
            var version = (await Versions.GetAllAsync(query => query.Where(v => v.FlowId == flowId && v.VersionNumber == versionNumber))).Single();
            var state = new FlowRunState
            {
                FlowId = flowId.ToString(), FlowVersion = versionNumber, CustomerId = 7, StoreId = 1, NodeId = nodeId,
                Status = status == FlowRunStatus.Waiting ? RunStatus.Waiting : RunStatus.Active,
                EnteredOnUtc = Clock.UtcNow.AddDays(-1), DueOnUtc = dueOnUtc ?? Clock.UtcNow.AddDays(2), WaitReason = WaitReason.WaitStep
            };
            var run = new FlowRun
            {
                FlowId = flowId, FlowVersionId = version.Id, CustomerId = 7, StoreId = 1, CurrentNodeId = nodeId, Status = status,
                DueOnUtc = state.DueOnUtc, ActiveKey = Guid.NewGuid().ToString("N"), EntryKey = string.Empty, StartedOnUtc = state.EnteredOnUtc,
                StateJson = "{}", TriggerContextJson = "{}"
            };
            await Runs.InsertAsync(run);
            state.RunId = run.Id;
            run.StateJson = System.Text.Json.JsonSerializer.Serialize(state, FlowJson.Options);
            await Runs.UpdateAsync(run);
            return run;
        }
    }

    private Shop _shop;

    [SetUp]
    public void SetUp() => _shop = new Shop();

    internal static string TwoStepFlow(string mailTemplate = "CustomFlows.OrderThankYou") => $$"""
        { "schemaVersion": 1, "name": "Thank you", "settings": {},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "mail" },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "{{mailTemplate}}" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "2d", "next": "end" },
            { "type": "end", "id": "end" } ] }
        """;

    private static string KnownTemplate() => FlowTemplateLibrary.All.SelectMany(t => t.Messages).First(m => m.Kind == Nop.Plugin.Misc.CustomFlows.Engine.Ports.TemplateKind.Email).Reference;

    [Test]
    public async Task A_blank_flow_is_a_draft_with_a_start_and_an_end_that_validates_and_is_logged()
    {
        var result = await _shop.Lifecycle().CreateBlankAsync("Welcome", FlowEventType.CustomerRegistered);

        Assert.That(result.Succeeded, Is.True);
        var flow = await _shop.Flows.GetByIdAsync(result.FlowId);
        Assert.That(flow.Status, Is.EqualTo(FlowStatus.Draft));
        Assert.That(flow.PublishedVersionId, Is.Null, "a draft is never live");
        var draft = await _shop.Lifecycle().GetDraftAsync(result.FlowId);
        var definition = FlowJson.Deserialize(draft.Json);
        Assert.That(definition.Id, Is.EqualTo(result.FlowId.ToString()), "the draft carries the shop's integer id, which the run store needs");
        Assert.That(definition.Nodes.Select(n => n.Id), Is.EqualTo(new[] { "start", "end" }));
        Assert.That(draft.Problems, Is.Empty);
        Assert.That(_shop.Activities.Single().Type, Is.EqualTo(CustomFlowsDefaults.ActivityLogTypes.FLOW_CREATED));
    }

    [Test]
    public async Task A_saved_draft_keeps_its_problems_and_a_stale_revision_is_refused_without_writing()
    {
        var created = await _shop.Lifecycle().ImportAsync(TwoStepFlow(KnownTemplate()));
        var broken = TwoStepFlow("No.Such.Template");

        var saved = await _shop.Lifecycle().SaveDraftAsync(created.FlowId, broken, created.Revision);

        Assert.That(saved.Succeeded, Is.True, "an invalid draft is still stored");
        Assert.That(saved.Problems.Single().Code, Is.EqualTo(ProblemCodes.UnknownTemplate));
        Assert.That(saved.Problems.Single().NodeId, Is.EqualTo("mail"));
        var stale = await _shop.Lifecycle().SaveDraftAsync(created.FlowId, TwoStepFlow(KnownTemplate()), created.Revision);
        Assert.That(stale.Status, Is.EqualTo(FlowOperationStatus.Conflict));
        Assert.That(stale.Revision, Is.EqualTo(saved.Revision), "the conflict names the revision that is there");
        Assert.That((await _shop.Lifecycle().GetDraftAsync(created.FlowId)).Json, Does.Contain("No.Such.Template"), "the other admin's save stands");
    }

    [Test]
    public async Task Publishing_is_refused_while_the_draft_has_problems_and_nothing_goes_live()
    {
        var created = await _shop.Lifecycle().ImportAsync(TwoStepFlow("No.Such.Template"));

        var result = await _shop.Lifecycle().PublishAsync(created.FlowId, null);

        Assert.That(result.Status, Is.EqualTo(FlowOperationStatus.Invalid));
        Assert.That(result.Problems, Is.Not.Empty);
        Assert.That((await _shop.Flows.GetByIdAsync(created.FlowId)).PublishedVersionId, Is.Null);
        Assert.That(await _shop.Lifecycle().GetVersionsAsync(created.FlowId), Is.Empty);
    }

    [Test]
    public async Task Each_publish_adds_the_next_immutable_version_and_makes_it_live()
    {
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(TwoStepFlow(KnownTemplate()));
        var first = await lifecycle.PublishAsync(created.FlowId, created.Revision);
        var firstText = (await lifecycle.GetVersionsAsync(created.FlowId)).Single().DefinitionJson;

        var changed = JsonNode.Parse((await lifecycle.GetDraftAsync(created.FlowId)).Json)!.AsObject();
        changed["nodes"]![2]!["delay"] = "3d";
        var saved = await lifecycle.SaveDraftAsync(created.FlowId, changed.ToJsonString(), first.Revision);
        var second = await lifecycle.PublishAsync(created.FlowId, saved.Revision);

        Assert.That((first.VersionNumber, second.VersionNumber), Is.EqualTo((1, 2)));
        var versions = await lifecycle.GetVersionsAsync(created.FlowId);
        Assert.That(versions.Select(v => v.VersionNumber), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(versions[1].DefinitionJson, Is.EqualTo(firstText), "a published version never changes");
        var flow = await _shop.Flows.GetByIdAsync(created.FlowId);
        Assert.That(flow.Status, Is.EqualTo(FlowStatus.Active));
        Assert.That(flow.PublishedVersionId, Is.EqualTo(versions[0].Id), "new entries go to the newest version");
        Assert.That(FlowJson.Deserialize(versions[0].DefinitionJson).Version, Is.EqualTo(2));
        var diff = FlowVersionDiff.Between(versions[1].DefinitionJson, versions[0].DefinitionJson);
        Assert.That(diff.Changed.Select(step => step.Id), Is.EqualTo(new[] { "wait" }));
        Assert.That(diff.Added, Is.Empty);
    }

    [Test]
    public async Task Pause_and_resume_follow_the_status_and_resuming_spreads_the_runs_that_came_due()
    {
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(TwoStepFlow(KnownTemplate()));
        Assert.That((await lifecycle.PauseAsync(created.FlowId)).Refusal, Is.EqualTo("NotLive"), "a draft cannot be paused");
        await lifecycle.PublishAsync(created.FlowId, null);
        Assert.That((await lifecycle.PauseAsync(created.FlowId)).Succeeded, Is.True);
        var runs = new List<FlowRun>();
        for (var i = 0; i < 3; i++)
            runs.Add(await _shop.AddRunAsync(created.FlowId, 1, "wait", dueOnUtc: _shop.Clock.UtcNow.AddHours(-i - 1)));

        Assert.That((await lifecycle.ResumeAsync(created.FlowId)).Succeeded, Is.True);

        var due = (await _shop.Runs.GetAllAsync(query => query)).OrderBy(run => run.DueOnUtc).Select(run => run.DueOnUtc!.Value).ToList();
        var spacing = TimeSpan.FromMinutes(1) / FlowLifecycleService.CatchUpRunsPerMinute;
        Assert.That(due[0], Is.EqualTo(_shop.Clock.UtcNow + spacing), "the longest waiting goes first, right away");
        Assert.That(due[2] - due[0], Is.EqualTo(spacing * 2));
        Assert.That((await _shop.Runs.GetByIdAsync(runs[2].Id)).DueOnUtc, Is.EqualTo(due[0]), "the one due three hours ago is served first");
        Assert.That((await _shop.Flows.GetByIdAsync(created.FlowId)).Status, Is.EqualTo(FlowStatus.Active));
        Assert.That((await lifecycle.ResumeAsync(created.FlowId)).Refusal, Is.EqualTo("NotPaused"));
    }

    [Test]
    public async Task Deleting_a_flow_with_open_runs_is_refused_unless_they_are_ended_and_then_nothing_of_it_remains()
    {
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(TwoStepFlow(KnownTemplate()));
        await lifecycle.PublishAsync(created.FlowId, null);
        var run = await _shop.AddRunAsync(created.FlowId, 1, "wait");
        await _shop.Popups.InsertAsync(new PendingPopup { FlowRunId = run.Id, CustomerId = 7, StoreId = 1, NodeId = "p", ContentJson = "{}" });

        var refused = await lifecycle.DeleteAsync(created.FlowId, endOpenRuns: false);
        Assert.That(refused.Refusal, Is.EqualTo("OpenRuns"));
        Assert.That(await _shop.Flows.GetByIdAsync(created.FlowId), Is.Not.Null);

        Assert.That((await lifecycle.DeleteAsync(created.FlowId, endOpenRuns: true)).Succeeded, Is.True);
        Assert.That(await _shop.Flows.GetAllAsync(query => query), Is.Empty);
        Assert.That(await _shop.Versions.GetAllAsync(query => query), Is.Empty);
        Assert.That(await _shop.Runs.GetAllAsync(query => query), Is.Empty);
        Assert.That(await _shop.Popups.GetAllAsync(query => query), Is.Empty);
        Assert.That(_shop.Activities.Last().Type, Is.EqualTo(CustomFlowsDefaults.ActivityLogTypes.FLOW_DELETED));
    }

    [Test]
    public async Task Archiving_ends_the_open_runs_when_asked_and_keeps_the_history()
    {
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(TwoStepFlow(KnownTemplate()));
        await lifecycle.PublishAsync(created.FlowId, null);
        var run = await _shop.AddRunAsync(created.FlowId, 1, "wait");

        Assert.That((await lifecycle.ArchiveAsync(created.FlowId, endOpenRuns: false)).Refusal, Is.EqualTo("OpenRuns"));
        Assert.That((await lifecycle.ArchiveAsync(created.FlowId, endOpenRuns: true)).Succeeded, Is.True);

        var ended = await _shop.Runs.GetByIdAsync(run.Id);
        Assert.That(ended.Status, Is.EqualTo(FlowRunStatus.Exited));
        Assert.That(ended.ExitReason, Is.EqualTo(CustomFlowsDefaults.EndReasons.FLOW_RETIRED));
        Assert.That(ended.DueOnUtc, Is.Null);
        Assert.That(FlowRunStore.ToState(ended).Status, Is.EqualTo(RunStatus.Exited), "the state says what the row says");
        Assert.That((await _shop.Flows.GetByIdAsync(created.FlowId)).Status, Is.EqualTo(FlowStatus.Archived));
        Assert.That((await lifecycle.PublishAsync(created.FlowId, null)).Refusal, Is.EqualTo("Archived"));
    }

    [Test]
    public async Task Importing_text_that_is_not_a_flow_reports_every_problem_and_stores_nothing()
    {
        var notJson = await _shop.Lifecycle().ImportAsync("{ \"schemaVersion\": 1, ");
        var notAnObject = await _shop.Lifecycle().ImportAsync("[1, 2]");

        Assert.That(notJson.Status, Is.EqualTo(FlowOperationStatus.Invalid));
        Assert.That(notJson.Problems.Single().Code, Is.EqualTo(ProblemCodes.JsonSyntax));
        Assert.That(notAnObject.Status, Is.EqualTo(FlowOperationStatus.Invalid));
        Assert.That(await _shop.Flows.GetAllAsync(query => query), Is.Empty);
        Assert.That(await _shop.Versions.GetAllAsync(query => query), Is.Empty);
    }

    [Test]
    public async Task An_imported_flow_with_problems_becomes_a_draft_reporting_every_one_and_is_never_live()
    {
        var result = await _shop.Lifecycle().ImportAsync("""{ "schemaVersion": 1, "name": "x", "settings": {}, "nodes": [ { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "e", "colour": "red" }, { "type": "end", "id": "e" } ], "extra": 1 }""");

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Problems.Count, Is.GreaterThanOrEqualTo(2), "each unknown property is reported, not only the first");
        var flow = await _shop.Flows.GetByIdAsync(result.FlowId);
        Assert.That((flow.Status, flow.PublishedVersionId), Is.EqualTo((FlowStatus.Draft, (int?)null)));
        Assert.That((await _shop.Lifecycle().PublishAsync(result.FlowId, null)).Status, Is.EqualTo(FlowOperationStatus.Invalid));
    }

    [Test]
    public async Task A_template_needs_the_shops_own_values_and_then_runs_with_integer_ids()
    {
        var template = FlowTemplateLibrary.Find("browse-abandonment-category");
        var parameters = TemplateParameters.Find(JsonNode.Parse(template.DefinitionJson)!.AsObject());
        Assert.That(parameters.Select(p => p.Key), Does.Contain("category:12"));

        var missing = await _shop.Lifecycle().CreateFromTemplateAsync(template.Name, "Browse", new Dictionary<string, string>());
        Assert.That(missing.Status, Is.EqualTo(FlowOperationStatus.Invalid));
        Assert.That(await _shop.Flows.GetAllAsync(query => query), Is.Empty);

        var values = parameters.ToDictionary(p => p.Key, p => p.Kind == TemplateParameterKind.WebhookUrl ? "https://crm.shop.test/hook" : "31");
        var created = await _shop.Lifecycle().CreateFromTemplateAsync(template.Name, "Browse", values);
        var published = await _shop.Lifecycle().PublishAsync(created.FlowId, null);

        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Problems));
        var live = (await _shop.Lifecycle().GetVersionsAsync(created.FlowId)).Single().DefinitionJson;
        Assert.That(live, Does.Contain("\"id\": 31").And.Not.Contain("\"id\": 12,"));
        var compiled = CompiledFlow.Compile(FlowJson.Deserialize(live));
        Assert.That(int.TryParse(compiled.Id, out _), Is.True, "the run store accepts the flow id");
    }

    [Test]
    public async Task Paused_flows_runs_are_not_claimed_by_the_due_runs_job()
    {
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(TwoStepFlow(KnownTemplate()));
        await lifecycle.PublishAsync(created.FlowId, null);
        await _shop.AddRunAsync(created.FlowId, 1, "wait", dueOnUtc: _shop.Clock.UtcNow.AddMinutes(-5));
        var store = new FlowRunStore(Mock.Of<IFlowActionExecutor>(), _shop.Catalog, _shop.Runs);

        await lifecycle.PauseAsync(created.FlowId);
        var whilePaused = await store.ClaimDueRunsAsync(_shop.Clock.UtcNow, 10);
        await lifecycle.ResumeAsync(created.FlowId);
        //resuming spreads the overdue runs from now on, this one first
        var afterResume = await store.ClaimDueRunsAsync(_shop.Clock.UtcNow.AddMinutes(1), 10);

        Assert.That(whilePaused, Is.Empty);
        Assert.That(afterResume, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_jobs_catalog_is_cached_until_a_publish_pause_or_resume_and_then_says_so()
    {
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(TwoStepFlow(KnownTemplate()));
        var id = created.FlowId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((await _shop.Catalog.GetCatalogAsync()).Live, Is.Empty, "a draft is not live");

        await lifecycle.PublishAsync(created.FlowId, null);
        var published = await _shop.Catalog.GetCatalogAsync();
        Assert.That(published.Live.Select(flow => (flow.Id, flow.Version)), Is.EqualTo(new[] { (id, 1) }));
        Assert.That(await _shop.Catalog.GetCatalogAsync(), Is.SameAs(published), "read again without a change: the same compiled catalog");

        await lifecycle.PauseAsync(created.FlowId);
        Assert.That((await _shop.Catalog.GetCatalogAsync()).IsPaused(id), Is.True);

        await lifecycle.ResumeAsync(created.FlowId);
        var resumed = await _shop.Catalog.GetCatalogAsync();
        Assert.That((resumed.IsPaused(id), resumed.Live.Count), Is.EqualTo((false, 1)));
        Assert.That(resumed.Find(id, 1), Is.Not.Null, "a version with runs pinned to it stays findable");
    }
}
