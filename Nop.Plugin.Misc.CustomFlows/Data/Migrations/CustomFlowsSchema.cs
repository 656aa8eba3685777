using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Every table the plugin owns and the indexes behind its hot queries, in creation order
/// </summary>
public static class CustomFlowsSchema
{
    /// <summary>
    /// Flows and their versions
    /// </summary>
    public static IReadOnlyList<PluginTable> Foundation { get; } =
    [
        PluginTable.For<Flow>(),
        PluginTable.For<FlowVersion>(
            //a flow's versions are numbered once each; also serves "versions of a flow"
            PluginIndex.UniqueOn(nameof(FlowVersion.FlowId), nameof(FlowVersion.VersionNumber)))
    ];

    /// <summary>
    /// What running flows need: runs, the event inbox, the action log, pending pop-ups, per-customer state and statistics
    /// </summary>
    public static IReadOnlyList<PluginTable> RunStorage { get; } =
    [
        PluginTable.For<FlowRun>(
            //the due-runs job: status = Waiting and DueOnUtc <= now
            PluginIndex.On(nameof(FlowRun.StatusId), nameof(FlowRun.DueOnUtc)),
            //one active run per (flow, customer, entry key); see FlowRunActiveKey
            PluginIndex.UniqueOn(nameof(FlowRun.ActiveKey)),
            //a customer's runs: goals, exits, unsubscribe, guest-to-registered merge
            PluginIndex.On(nameof(FlowRun.CustomerId), nameof(FlowRun.StatusId)),
            //retention deletes finished runs by age
            PluginIndex.On(nameof(FlowRun.EndedOnUtc))),
        PluginTable.For<FlowInboxEvent>(
            //the inbox job: unprocessed, not quarantined, oldest id first (IS NULL seeks work on all three databases)
            PluginIndex.On(nameof(FlowInboxEvent.ProcessedOnUtc), nameof(FlowInboxEvent.QuarantinedOnUtc), nameof(FlowInboxEvent.Id))),
        PluginTable.For<FlowActionLog>(
            //exactly once: a second action under the same key fails on insert
            PluginIndex.UniqueOn(nameof(FlowActionLog.IdempotencyKey)),
            //a run's history for the admin
            PluginIndex.On(nameof(FlowActionLog.FlowRunId)),
            //retention deletes old log rows by age
            PluginIndex.On(nameof(FlowActionLog.CreatedOnUtc))),
        PluginTable.For<PendingPopup>(
            //the widget on every page view: this customer's pop-ups in this store
            PluginIndex.On(nameof(PendingPopup.CustomerId), nameof(PendingPopup.StoreId)),
            //maintenance removes expired pop-ups
            PluginIndex.On(nameof(PendingPopup.ExpiresOnUtc))),
        PluginTable.For<CustomerFlowState>(
            //one state row per customer
            PluginIndex.UniqueOn(nameof(CustomerFlowState.CustomerId))),
        PluginTable.For<FlowNodeDailyStat>(
            //the roll-up upserts one row per version, node and day
            PluginIndex.UniqueOn(nameof(FlowNodeDailyStat.FlowVersionId), nameof(FlowNodeDailyStat.NodeId), nameof(FlowNodeDailyStat.DayOnUtc)),
            //reports of a flow over a date range
            PluginIndex.On(nameof(FlowNodeDailyStat.FlowId), nameof(FlowNodeDailyStat.DayOnUtc)))
    ];

    /// <summary>
    /// Columns added to run storage after it first shipped (plugin 4.90.2): the keys of applied score changes (exactly
    /// once after a crash), how often and when a pop-up was shown (its display rules), the first open and click of a
    /// message, and the opens and clicks counted per step and day
    /// </summary>
    public static IReadOnlyList<PluginColumn> AppliedChangesAndPopupShows { get; } =
    [
        PluginColumn.Of<CustomerFlowState>(nameof(CustomerFlowState.AppliedChangesJson), column => column.AsString(int.MaxValue).Nullable()),
        PluginColumn.Of<PendingPopup>(nameof(PendingPopup.ShowCount), column => column.AsInt32().NotNullable().WithDefaultValue(0)),
        PluginColumn.Of<PendingPopup>(nameof(PendingPopup.LastShownOnUtc), column => column.AsDateTime2().Nullable()),
        PluginColumn.Of<FlowActionLog>(nameof(FlowActionLog.OpenedOnUtc), column => column.AsDateTime2().Nullable()),
        PluginColumn.Of<FlowActionLog>(nameof(FlowActionLog.ClickedOnUtc), column => column.AsDateTime2().Nullable()),
        PluginColumn.Of<FlowNodeDailyStat>(nameof(FlowNodeDailyStat.Opened), column => column.AsInt32().NotNullable().WithDefaultValue(0)),
        PluginColumn.Of<FlowNodeDailyStat>(nameof(FlowNodeDailyStat.Clicked), column => column.AsInt32().NotNullable().WithDefaultValue(0))
    ];

    /// <summary>
    /// Indexes added after their tables first shipped (plugin 4.90.3), each with its table: a flow's open runs by
    /// version and step, which the flow pages count (waiting now, the migration preview, deleting a flow with open
    /// runs) and the migration of waiting runs walks
    /// </summary>
    public static IReadOnlyList<PluginTable> RunsByFlow { get; } =
    [
        PluginTable.For<FlowRun>(
            PluginIndex.On(nameof(FlowRun.FlowId), nameof(FlowRun.StatusId), nameof(FlowRun.FlowVersionId), nameof(FlowRun.CurrentNodeId)))
    ];

    /// <summary>
    /// Columns added with the action outbox (plugin 4.90.4): each effect is written with the step that produced it,
    /// before it is performed
    /// </summary>
    public static IReadOnlyList<PluginColumn> ActionOutbox { get; } =
    [
        PluginColumn.Of<FlowActionLog>(nameof(FlowActionLog.EffectJson), column => column.AsString(int.MaxValue).Nullable())
    ];

    /// <summary>
    /// Indexes added with the action outbox (plugin 4.90.4): the due-runs job finds the effects left unperformed by status and age
    /// </summary>
    public static IReadOnlyList<PluginTable> ActionOutboxIndexes { get; } =
    [
        PluginTable.For<FlowActionLog>(
            PluginIndex.On(nameof(FlowActionLog.StatusId), nameof(FlowActionLog.CreatedOnUtc)))
    ];

    /// <summary>
    /// Orders credited to flows by the attribution rule (plugin 4.90.5)
    /// </summary>
    public static IReadOnlyList<PluginTable> Attribution { get; } =
    [
        PluginTable.For<FlowAttribution>(
            //an order is credited once per flow, also when its inbox event is handled again
            PluginIndex.UniqueOn(nameof(FlowAttribution.OrderId), nameof(FlowAttribution.FlowId)),
            //reports and the flow list: a flow's orders over a date range
            PluginIndex.On(nameof(FlowAttribution.FlowId), nameof(FlowAttribution.PlacedOnUtc)),
            //the run inspector: a run's orders
            PluginIndex.On(nameof(FlowAttribution.FlowRunId)),
            //erasure and the guest-to-account merge: a customer's rows
            PluginIndex.On(nameof(FlowAttribution.CustomerId)))
    ];

    /// <summary>
    /// Every index added to a shipped table since, in the order they came; a fresh install creates them too
    /// </summary>
    public static IReadOnlyList<PluginTable> LaterIndexes { get; } = [.. RunsByFlow, .. ActionOutboxIndexes];

    /// <summary>
    /// All tables of the current schema
    /// </summary>
    public static IReadOnlyList<PluginTable> All { get; } = [.. Foundation, .. RunStorage, .. Attribution];
}
