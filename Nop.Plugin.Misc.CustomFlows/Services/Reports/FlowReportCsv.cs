using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// The steps of a report as CSV text (RFC 4180), for spreadsheets
/// </summary>
public static class FlowReportCsv
{
    /// <summary>
    /// The header row's column names, in order
    /// </summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "NodeId", "Type", "Step", "Channel", "Entered", "WaitingNow", "PassedYes", "PassedNo",
        "Sent", "Opened", "Clicked", "GoalReached", "Converted", "Revenue"
    ];

    /// <summary>
    /// Writes the header and one row per step
    /// </summary>
    /// <param name="report">The report</param>
    /// <param name="writer">Where to write</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public static async Task WriteAsync(FlowReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        await WriteRowAsync(writer, Columns);
        foreach (var step in report.Steps)
        {
            await WriteRowAsync(writer,
            [
                step.NodeId, step.NodeType, step.Label, step.Channel == FlowChannel.None ? string.Empty : step.Channel.ToString(),
                Number(step.Entered), Number(step.WaitingNow), Number(step.PassedYes), Number(step.PassedNo),
                Number(step.Sent), Number(step.Opened), Number(step.Clicked), Number(step.GoalReached), Number(step.Converted),
                step.Revenue.ToString(CultureInfo.InvariantCulture)
            ]);
        }
    }

    /// <summary>
    /// Quotes a field when RFC 4180 requires it: a comma, a double quote or a line break inside; quotes inside are doubled
    /// </summary>
    /// <param name="field">The field; null is written as empty</param>
    /// <returns>The field as it goes into the row</returns>
    public static string Quote(string field)
    {
        field ??= string.Empty;
        return field.IndexOfAny([',', '"', '\r', '\n']) < 0
            ? field
            : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    //RFC 4180 ends every record, the last one too, with CRLF whatever the platform's newline is
    private static Task WriteRowAsync(TextWriter writer, IEnumerable<string> fields) =>
        writer.WriteAsync(string.Join(',', fields.Select(Quote)) + "\r\n");
}
