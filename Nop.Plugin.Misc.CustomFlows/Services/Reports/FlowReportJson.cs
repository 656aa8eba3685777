using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// The JSON the admin returns for reports: System.Text.Json's web defaults (camelCase), enums as camelCase names
/// so a chart reads "email" rather than 10. The fixture tests/fixtures/admin-api/report-flow.json is written with it.
/// </summary>
public static class FlowReportJson
{
    /// <summary>
    /// The serializer options
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Writes a value (a report, a customer's runs, a run timeline) as indented JSON
    /// </summary>
    /// <typeparam name="T">Value type</typeparam>
    /// <param name="value">The value</param>
    /// <returns>The JSON text, "\n" line ends</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NewLine = "\n" };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
