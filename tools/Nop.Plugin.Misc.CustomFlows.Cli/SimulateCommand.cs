using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// <c>simulate &lt;flow.json&gt;... --events &lt;file&gt;</c>: replays a history through the flows and prints the report.
/// </summary>
internal static class SimulateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var line = new CommandLine(args, new HashSet<string> { "--no-timelines" });
        var eventsPath = line.Option("--events") ?? throw new UsageException("simulate needs --events <events.jsonl>.");
        var customersPath = line.Option("--customers");
        var guardrailsPath = line.Option("--guardrails");
        var format = line.Option("--format") ?? "text";
        if (format is not ("text" or "json"))
            throw new UsageException($"--format must be text or json, not \"{format}\".");

        var options = new SimulationOptions
        {
            AttributionWindow = line.Duration("--attribution", TimeSpan.FromDays(7)),
            Horizon = line.Duration("--horizon", TimeSpan.FromDays(60)),
            RecordTimelines = !line.Flag("--no-timelines")
        };
        var zone = line.Option("--time-zone");
        line.RefuseUnknownOptions();
        if (line.Positional.Count == 0)
            throw new UsageException("simulate needs at least one flow file.");
        if (zone != null)
            options.StoreTimeZone = FindZone(zone);

        var flows = FlowFiles.Load(line.Positional, error);
        if (flows == null)
            return CliApp.Failed;

        try
        {
            if (guardrailsPath != null)
            {
                using var guardrails = File.OpenText(guardrailsPath);
                GuardrailFileReader.Read(guardrails, options, guardrailsPath);
            }

            IReadOnlyList<SimulatedCustomer> customers = [];
            if (customersPath != null)
            {
                using var customerFile = File.OpenText(customersPath);
                customers = CustomerFileReader.Read(customerFile, customersPath);
            }

            using var events = File.OpenText(eventsPath);
            var report = new FlowSimulator(flows, options).Run(EventLineReader.Read(events, eventsPath), customers);
            if (format == "json")
                SimulationReportWriter.WriteJson(report, output);
            else
                SimulationReportWriter.WriteText(report, output, options.RecordTimelines);
            return CliApp.Ok;
        }
        catch (SimulationInputException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return CliApp.Failed;
        }
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new UsageException($"--time-zone: unknown time zone \"{id}\".");
        }
    }
}
