using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// Writes a <see cref="SimulationReport"/> for people (text) or programs (JSON).
/// </summary>
public static class SimulationReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    /// <summary>
    /// Writes the report as one indented JSON document.
    /// </summary>
    public static void WriteJson(SimulationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
    }

    /// <summary>
    /// Writes the report as text: a block per flow with its step table and splits, then the timelines.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="includeTimelines">Whether to write every customer's timeline.</param>
    public static void WriteText(SimulationReport report, TextWriter writer, bool includeTimelines = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(report.Events == 0
            ? Invariant($"There were no events, so nothing happened ({report.Customers} customers, {report.Runs} runs).")
            : Invariant($"Simulated {report.Events} events ({report.DateEvents} date events) for {report.Customers} customers, {Time(report.StartedOnUtc)} to {Time(report.EndedOnUtc)} UTC; {report.Runs} runs; attribution window {report.AttributionWindow}."));
        if (report.StoppedAtHorizon)
            writer.WriteLine("The horizon stopped the clock while runs were still waiting.");

        foreach (var flow in report.Flows)
            WriteFlow(flow, writer);

        if (!includeTimelines || report.Timelines.Count == 0)
            return;

        writer.WriteLine();
        writer.WriteLine("Timelines");
        foreach (var timeline in report.Timelines)
        {
            writer.WriteLine(Invariant($"customer {timeline.CustomerId}"));
            foreach (var entry in timeline.Entries)
            {
                var detail = string.IsNullOrEmpty(entry.Detail) ? string.Empty : " " + entry.Detail;
                writer.WriteLine(Invariant($"  {Time(entry.At)}  {entry.FlowId} #{entry.RunId}  {entry.NodeId}: {entry.What}{detail}"));
            }
        }
    }

    private static void WriteFlow(FlowReport flow, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine(Invariant($"Flow {flow.FlowId} v{flow.Version}{(string.IsNullOrEmpty(flow.Name) ? string.Empty : $" \"{flow.Name}\"")}"));
        writer.WriteLine(Invariant($"  entered {flow.Entered}; goal reached {flow.GoalReached} ({Percent(flow.GoalReached, flow.Entered)}), exited {flow.Exited}, completed {flow.Completed}, still waiting {flow.StillWaiting}"));
        writer.WriteLine("  sent: " + Counts(flow.Sent));
        if (flow.NotEntered.Count > 0)
            writer.WriteLine("  not entered: " + Counts(flow.NotEntered));
        writer.WriteLine(Invariant($"  converted {flow.Converted} orders within the attribution window after a message, revenue {Money(flow.Revenue)}"));

        var table = new List<string[]>
        {
            new[] { "step", "type", "entered", "waiting", "yes", "no", "sent", "postponed", "skipped", "heldOut", "goal", "exited", "ended", "converted", "revenue" }
        };
        foreach (var node in flow.Nodes)
        {
            table.Add(new[]
            {
                node.NodeId, node.Type, Num(node.Entered), Num(node.Waiting), Num(node.PassedYes), Num(node.PassedNo),
                node.Sent.Count == 0 ? "0" : Counts(node.Sent), Num(node.Postponed), Num(node.Skipped), Num(node.HeldOut),
                Num(node.GoalReached), Num(node.Exited), Num(node.Completed), Num(node.Converted), Money(node.Revenue)
            });
        }

        WriteTable(table, writer, "  ");
        foreach (var split in flow.Splits)
        {
            writer.WriteLine(Invariant($"  split {split.NodeId}:"));
            foreach (var branch in split.Branches)
                writer.WriteLine(Invariant($"    {branch.Name}{(branch.Holdout ? " (holdout)" : string.Empty)}: runs {branch.Runs}, goal reached {branch.Converted} ({branch.ConversionRate:P1}), revenue {Money(branch.Revenue)} ({Money(branch.RevenuePerRun)} per run)"));
            if (split.Uplift is { } uplift)
                writer.WriteLine(Invariant($"    uplift against holdout: goal {uplift.TreatedConversionRate:P1} vs {uplift.HoldoutConversionRate:P1} ({uplift.ConversionUpliftPoints:+0.0;-0.0;0.0} points), revenue per run {Money(uplift.TreatedRevenuePerRun)} vs {Money(uplift.HoldoutRevenuePerRun)} ({uplift.RevenueUpliftPerRun:+0.00;-0.00;0.00})"));
        }
    }

    /// <summary>
    /// Writes rows as columns padded to the widest cell, first column left-aligned, the rest right-aligned.
    /// </summary>
    public static void WriteTable(IReadOnlyList<string[]> rows, TextWriter writer, string indent = "")
    {
        var widths = new int[rows.Max(r => r.Length)];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
                widths[i] = Math.Max(widths[i], row[i]?.Length ?? 0);
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == 0 ? (cell ?? string.Empty).PadRight(widths[i]) : (cell ?? string.Empty).PadLeft(widths[i]));
            writer.WriteLine((indent + string.Join("  ", cells)).TrimEnd());
        }
    }

    private static string Counts(IDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => Invariant($"{c.Key} {c.Value}")));

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
