using System.Text.Json;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Runs;

/// <summary>
/// The inspector over in-memory tables, with one customer (jane@example.com) whose cart-reminder run sent an
/// e-mail (opened, then clicked) and now waits a day
/// </summary>
internal sealed class RunInspectorHarness
{
    public static readonly DateTime Entered = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    public const string Email = "jane@example.com";
    public const int CustomerId = 7;

    public const string Definition = """
        {
          "schemaVersion": 1, "id": "1", "version": 1, "name": "Cart reminder",
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "cart_updated" }, "next": "mail" },
            { "type": "action", "id": "mail", "title": "Reminder", "action": { "type": "sendEmail", "template": "CustomFlows.CartReminder", "category": "marketing" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1d", "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    public InMemoryRepository<Flow> Flows { get; } = new();
    public InMemoryRepository<FlowVersion> Versions { get; } = new();
    public InMemoryRepository<FlowRun> Runs { get; } = new();
    public InMemoryRepository<FlowActionLog> Logs { get; } = new();
    public TestClock Clock { get; } = new(Entered.AddHours(5));
    public Mock<ICustomerService> Customers { get; } = new();

    public InMemoryRepository<FlowAttribution> Attributions { get; } = new();

    public Flow Flow { get; private set; }
    public FlowVersion Version { get; private set; }
    public FlowRun WaitingRun { get; private set; }

    //a new store per call, as each admin request and job firing gets its own scope
    public FlowRunInspector Inspector => new(Customers.Object, Flows, Logs, Attributions, Runs, Versions, new FlowRunGate(),
        new FlowRunStore(Mock.Of<Nop.Plugin.Misc.CustomFlows.Services.Actions.IFlowActionExecutor>(), Mock.Of<IFlowCatalog>(), Runs), Clock);

    public static async Task<RunInspectorHarness> CreateAsync()
    {
        var harness = new RunInspectorHarness();
        await harness.SeedAsync();
        return harness;
    }

    private async Task SeedAsync()
    {
        Customers.Setup(service => service.GetCustomerByEmailAsync(Email)).ReturnsAsync(new Customer { Id = CustomerId, Email = Email });

        (Flow, Version) = await FlowAsync("Cart reminder", 1, Definition);

        var waitStarted = Entered.AddSeconds(2);
        WaitingRun = await RunAsync(Flow, Version, CustomerId, Entered, new FlowRunState
        {
            Status = RunStatus.Waiting, NodeId = "wait", DueOnUtc = Entered.AddDays(1),
            WaitReason = WaitReason.WaitStep, WaitStartedOnUtc = waitStarted,
            Visits = new Dictionary<string, int> { ["start"] = 1, ["mail"] = 1, ["wait"] = 1 },
            Trigger = new TriggerSnapshot { OccurredOnUtc = Entered, Value = 180m, ProductIds = [101] }
        });

        await Logs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = $"{WaitingRun.Id}:mail:1", FlowRunId = WaitingRun.Id, NodeId = "mail", CustomerId = CustomerId,
            Channel = FlowChannel.Email, Status = FlowActionStatus.Succeeded, CreatedOnUtc = waitStarted,
            Details = (FlowActionResult.Succeeded("Queued to jane@example.com") with { QueuedEmailId = 42 }).ToDetails(),
            OpenedOnUtc = Entered.AddHours(2), ClickedOnUtc = Entered.AddHours(2).AddMinutes(5)
        });
    }

    public async Task<(Flow Flow, FlowVersion Version)> FlowAsync(string name, int number, string definition)
    {
        var flow = new Flow { Name = name, StatusId = (int)FlowStatus.Active };
        await Flows.InsertAsync(flow);
        var version = new FlowVersion { FlowId = flow.Id, VersionNumber = number, DefinitionJson = definition };
        await Versions.InsertAsync(version);
        return (flow, version);
    }

    /// <summary>
    /// Stores a run the way the run store does: the engine's state as JSON, the columns taken from it
    /// </summary>
    public async Task<FlowRun> RunAsync(Flow flow, FlowVersion version, int customerId, DateTime startedOnUtc, FlowRunState state,
        bool converted = false, decimal revenue = 0)
    {
        state.FlowId = flow.Id.ToString();
        state.FlowVersion = version.VersionNumber;
        state.CustomerId = customerId;
        state.StoreId = 1;
        state.EnteredOnUtc = startedOnUtc;

        var run = new FlowRun
        {
            FlowId = flow.Id, FlowVersionId = version.Id, CustomerId = customerId, StoreId = 1, EntryKey = string.Empty,
            ActiveKey = FlowRunActiveKey.ForActive(flow.Id, customerId, string.Empty),
            CurrentNodeId = state.NodeId, DueOnUtc = state.DueOnUtc, StartedOnUtc = startedOnUtc, EndedOnUtc = state.EndedOnUtc,
            ExitReason = state.EndReason, Converted = converted, Revenue = revenue,
            Status = state.Status switch
            {
                RunStatus.Waiting => FlowRunStatus.Waiting,
                RunStatus.Active => FlowRunStatus.Running,
                RunStatus.Exited => FlowRunStatus.Exited,
                _ => FlowRunStatus.Completed
            },
            TriggerContextJson = JsonSerializer.Serialize(state.Trigger, FlowJson.Options)
        };
        await Runs.InsertAsync(run);
        if (state.IsEnded)
            run.ActiveKey = FlowRunActiveKey.ForEnded(run.Id);
        state.RunId = run.Id;
        run.StateJson = JsonSerializer.Serialize(state, FlowJson.Options);
        await Runs.UpdateAsync(run);
        return run;
    }
}
