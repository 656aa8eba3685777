using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Reports;

/// <summary>
/// A known flow with known statistics and runs, whose report numbers are worked out by hand in the tests (and
/// written to tests/fixtures/admin-api/report-flow.json). Range: 1 to 3 March 2026; 2 March has no statistics.
/// </summary>
internal sealed class ReportDataset
{
    public static readonly DateTime March1 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime March2 = March1.AddDays(1);
    public static readonly DateTime March3 = March1.AddDays(2);

    //start -> filter (yes: split, no: end) -> split A / control (holdout) -> e-mail -> wait 1 day -> end
    public const string Definition = """
        {
          "schemaVersion": 1, "id": "1", "version": 1, "name": "Cart reminder",
          "goal": { "name": "purchased", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "nodes": [
            { "type": "start", "id": "start", "title": "Cart left", "trigger": { "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60 }, "next": "big" },
            { "type": "filter", "id": "big", "title": "Big cart?", "condition": { "type": "cartValue", "op": "gte", "value": 100 }, "yes": "split", "no": "end" },
            { "type": "split", "id": "split", "branches": [
              { "name": "A", "weight": 1, "next": "mail" },
              { "name": "control", "weight": 1, "holdout": true, "next": "mail" } ] },
            { "type": "action", "id": "mail", "title": "Reminder, \"soft\"", "action": { "type": "sendEmail", "template": "CustomFlows.CartReminder", "category": "marketing" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1d", "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    public InMemoryRepository<Flow> Flows { get; } = new();
    public InMemoryRepository<FlowVersion> Versions { get; } = new();
    public InMemoryRepository<FlowNodeDailyStat> Stats { get; } = new();
    public InMemoryRepository<FlowRun> Runs { get; } = new();

    public Flow Flow { get; private set; }
    public FlowVersion Version { get; private set; }
    public Flow OtherFlow { get; private set; }

    public InMemoryRepository<FlowAttribution> Attributions { get; } = new();

    public FlowReportService Service => new(Attributions, Flows, Stats, Runs, Versions);

    public static async Task<ReportDataset> CreateAsync()
    {
        var data = new ReportDataset();
        await data.SeedAsync();
        return data;
    }

    private async Task SeedAsync()
    {
        Flow = new Flow { Name = "Cart reminder", StatusId = (int)FlowStatus.Active };
        OtherFlow = new Flow { Name = "Other", StatusId = (int)FlowStatus.Active };
        await Flows.InsertAsync(Flow);
        await Flows.InsertAsync(OtherFlow);
        Version = new FlowVersion { FlowId = Flow.Id, VersionNumber = 1, DefinitionJson = Definition };
        await Versions.InsertAsync(Version);
        Flow.PublishedVersionId = Version.Id;
        await Flows.UpdateAsync(Flow);

        await StatAsync(March1, "start", entered: 10);
        await StatAsync(March1, "big", entered: 10, yes: 6, no: 4);
        await StatAsync(March1, "mail", entered: 6, sent: 5, opened: 3, clicked: 1, channel: FlowChannel.Email);
        await StatAsync(March3, "start", entered: 4);
        //the revenue column versions before 4.90.5 wrote at the goal: the reports no longer read it
        await StatAsync(March3, "wait", entered: 5, converted: 2, revenue: 999m);
        await StatAsync(March3, "mail", opened: 1, clicked: 1, channel: FlowChannel.Email);
        //orders credited to the e-mail by the attribution rule, on the days they were placed
        await OrderAsync(101, "mail", March1.AddHours(16), 100m);
        await OrderAsync(102, "mail", March3.AddHours(0.5), 50.50m);
        //outside the range, and another flow's: neither counts
        await OrderAsync(100, "mail", March1.AddHours(-2), 70m);
        await Attributions.InsertAsync(new FlowAttribution { OrderId = 101, FlowId = OtherFlow.Id, FlowVersionId = 99, NodeId = "mail", PlacedOnUtc = March1.AddHours(16), OrderTotal = 100m });
        await StatAsync(March1.AddDays(-1), "start", entered: 100);
        await Stats.InsertAsync(new FlowNodeDailyStat { FlowId = OtherFlow.Id, FlowVersionId = 99, NodeId = "start", DayOnUtc = March1, Entered = 50 });

        var entered = March1.AddHours(10);
        await RunAsync(FlowRunStatus.Waiting, "wait", "A", entered);
        await RunAsync(FlowRunStatus.Waiting, "wait", "A", entered);
        await RunAsync(FlowRunStatus.Waiting, "wait", "A", entered);
        await RunAsync(FlowRunStatus.Running, "mail", "control", entered, holdout: true);
        await RunAsync(FlowRunStatus.Completed, "wait", "A", entered, converted: true, revenue: 100m);
        await RunAsync(FlowRunStatus.Completed, "wait", "A", March3.AddHours(23), converted: true, revenue: 50.50m);
        await RunAsync(FlowRunStatus.Completed, "wait", "control", entered, holdout: true, converted: true);
        await RunAsync(FlowRunStatus.Completed, "end", "control", entered, holdout: true);
        //said no at the filter: never reached the split
        await RunAsync(FlowRunStatus.Completed, "end", null, entered, converted: true);
        //entered before the range
        await RunAsync(FlowRunStatus.Completed, "wait", "A", March1.AddDays(-9), converted: true);
        //another flow's open run at a step of the same name
        await RunAsync(FlowRunStatus.Waiting, "wait", "A", entered, flowId: OtherFlow.Id, versionId: 99);
    }

    public async Task StatAsync(DateTime day, string nodeId, int entered = 0, int yes = 0, int no = 0, int sent = 0,
        int opened = 0, int clicked = 0, int converted = 0, decimal revenue = 0, FlowChannel channel = FlowChannel.None, int? versionId = null)
    {
        await Stats.InsertAsync(new FlowNodeDailyStat
        {
            FlowId = Flow.Id, FlowVersionId = versionId ?? Version.Id, NodeId = nodeId, DayOnUtc = day, Channel = channel,
            Entered = entered, PassedYes = yes, PassedNo = no, Sent = sent, Opened = opened, Clicked = clicked,
            Converted = converted, Revenue = revenue
        });
    }

    public async Task OrderAsync(int orderId, string nodeId, DateTime placedOnUtc, decimal total)
    {
        await Attributions.InsertAsync(new FlowAttribution
        {
            OrderId = orderId, FlowId = Flow.Id, FlowVersionId = Version.Id, NodeId = nodeId, FlowRunId = 1, CustomerId = 1,
            OrderTotal = total, PlacedOnUtc = placedOnUtc, MessageSentOnUtc = placedOnUtc.AddHours(-3)
        });
    }

    public async Task RunAsync(FlowRunStatus status, string nodeId, string variant, DateTime startedOnUtc,
        bool holdout = false, bool converted = false, decimal revenue = 0, int? flowId = null, int? versionId = null)
    {
        //the state as the run store writes it, so the split counts read what a shop stores
        var state = new FlowRunState
        {
            FlowId = (flowId ?? Flow.Id).ToString(), FlowVersion = 1, CustomerId = 1, StoreId = 1, NodeId = nodeId,
            Status = RunStatus.Waiting, EnteredOnUtc = startedOnUtc, Variant = variant, Holdout = holdout,
            Visits = variant == null
                ? new Dictionary<string, int> { ["start"] = 1, ["big"] = 1, ["end"] = 1 }
                : new Dictionary<string, int> { ["start"] = 1, ["big"] = 1, ["split"] = 1, ["mail"] = 1, ["wait"] = 1 }
        };
        var run = new FlowRun
        {
            FlowId = flowId ?? Flow.Id,
            FlowVersionId = versionId ?? Version.Id,
            CustomerId = 1000 + await CountAsync(),
            Status = status,
            CurrentNodeId = nodeId,
            StartedOnUtc = startedOnUtc,
            Converted = converted,
            Revenue = revenue,
            StateJson = JsonSerializer.Serialize(state, FlowJson.Options)
        };
        run.ActiveKey = $"test|{run.CustomerId}";
        await Runs.InsertAsync(run);
    }

    private async Task<int> CountAsync() => (await Runs.GetAllAsync(query => query)).Count;
}
