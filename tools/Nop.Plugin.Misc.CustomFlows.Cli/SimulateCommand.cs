using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// <c>simulate &lt;flow.json&gt;... --events &lt;file&gt;</c>: replays a history through the flows and prints the report.
/// </summary>
internal static class SimulateCommand
{
    public const string Usage = """
          customflows simulate <flow.json>... --events <events.jsonl> [--customers <file>]
                     [--guardrails <file.json>] [--format text|json] [--attribution 7d] [--horizon 60d]
                     [--time-zone <IANA id>] [--daily-job-at 09:00] [--no-timelines]
              Replays the events through the flows on a virtual clock and prints each customer's
              timeline and per-step statistics. Every bad event line is reported (the first 20 and
              how many more) and nothing is simulated. --daily-job-at: store time of the daily
              date job (birthdays), default 09:00 as in the shop. File formats: docs/simulator.md.
        """;

    /// <summary>Bad event lines shown; the rest are counted.</summary>
    private const int MaxBadLinesShown = 20;

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
            DailyJobAt = line.TimeOfDay("--daily-job-at", new SimulationOptions().DailyJobAt),
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
                using var guardrails = InputFiles.OpenText(guardrailsPath);
                GuardrailFileReader.Read(guardrails, options, guardrailsPath);
            }

            IReadOnlyList<SimulatedCustomer> customers = [];
            if (customersPath != null)
            {
                using var customerFile = InputFiles.OpenText(customersPath);
                customers = CustomerFileReader.Read(customerFile, customersPath);
            }

            if (!EventsAreGood(eventsPath, error))
                return CliApp.Failed;

            using var events = InputFiles.OpenText(eventsPath);
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

    /// <summary>
    /// Reads the event file once before simulating, so every bad line is reported at once and a file
    /// without events is called that rather than simulated over a period that never was.
    /// </summary>
    private static bool EventsAreGood(string path, TextWriter error)
    {
        EventFileCheck check;
        using (var events = InputFiles.OpenText(path))
            check = EventLineReader.Check(events, path, MaxBadLinesShown);

        foreach (var problem in check.Problems)
            error.WriteLine($"error: {problem.Message}");
        if (check.MoreBadLines > 0)
            error.WriteLine($"error: {path}: and {check.MoreBadLines} more bad line{(check.MoreBadLines == 1 ? string.Empty : "s")}.");
        if (check.IsValid && check.Events == 0)
            error.WriteLine($"error: {path} holds no events (only blank or comment lines); there is nothing to simulate.");

        return check.IsValid && check.Events > 0;
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
