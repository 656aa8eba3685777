using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// <c>demo</c>: a generated shop history, every template run against it alone and then all together
/// (where the shared message budget shows), one summary row each.
/// </summary>
internal static class DemoCommand
{
    public const string Usage = """
          customflows demo [--customers 3000] [--days 30] [--seed 42] [--daily-job-at 09:00] [--details]
              Generates a sample shop history and runs every template of the library against it,
              alone and then all together, one summary row each. --daily-job-at: store time of
              the daily date job (birthdays), default 09:00 as in the shop.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var line = new CommandLine(args, new HashSet<string> { "--details" });
        var customerCount = line.Int("--customers", 3000, 1, 1_000_000);
        var days = line.Int("--days", 30, 1, 366);
        var seed = line.Int("--seed", 42, 0, int.MaxValue);
        var details = line.Flag("--details");
        var dailyJobAt = line.TimeOfDay("--daily-job-at", new SimulationOptions().DailyJobAt);
        line.RefuseUnknownOptions();
        if (line.Positional.Count > 0)
            throw new UsageException("demo takes no file names.");

        var templates = TemplateShelf.Library();
        var flows = new List<(string Name, CompiledFlow Flow)>();
        foreach (var template in templates)
        {
            try
            {
                flows.Add((template.Name, CompiledFlow.Compile(template.Definition)));
            }
            catch (FlowValidationException ex)
            {
                error.WriteLine($"error: template {template.Name} is not valid: {ex.Message}");
                return CliApp.Failed;
            }
        }

        var shop = SampleShop.Generate(seed, customerCount, days);
        output.WriteLine($"Sample shop: {shop.Customers.Count} customers, {shop.Events.Count} events over {days} days (seed {seed}).");
        output.WriteLine($"Flows: the template library ({templates.Count}). Guardrails: at most 1 marketing e-mail per 24h and 3 per 7d, quiet hours 21:00-08:00; daily date job at {dailyJobAt:HH\\:mm} (Europe/Warsaw).");
        output.WriteLine();

        var rows = new List<string[]>
        {
            new[] { "flow", "entered", "email", "popup", "other", "goal", "goal%", "converted", "revenue", "uplift pts", "uplift/run" }
        };
        var reports = new List<(string, SimulationReport)>();
        foreach (var (name, flow) in flows)
        {
            var report = Simulate([flow], seed, customerCount, days, dailyJobAt);
            reports.Add((name, report));
            rows.Add(Row(name, report.Flows[0]));
        }

        if (flows.Count > 1)
        {
            var together = Simulate(flows.Select(f => f.Flow).ToList(), seed, customerCount, days, dailyJobAt);
            reports.Add(("all together", together));
            foreach (var flow in together.Flows)
                rows.Add(Row("(together) " + flow.FlowId, flow));
        }

        SimulationReportWriter.WriteTable(rows, output);
        output.WriteLine();
        output.WriteLine("goal: runs that met the flow's goal. converted / revenue: the orders placed within 7 days after one of the flow's messages, and their total (one rule with the shop's reports). uplift: treated branches against the holdout of the flow's first split (goal points; revenue per run within 7 days after the split).");
        if (details)
        {
            foreach (var (name, report) in reports)
            {
                output.WriteLine();
                output.WriteLine($"=== {name}");
                SimulationReportWriter.WriteText(report, output, includeTimelines: false);
            }
        }

        return CliApp.Ok;
    }

    /// <summary>
    /// Each simulation gets its own copy of the shop, because a simulation changes customers' facts.
    /// </summary>
    private static SimulationReport Simulate(List<CompiledFlow> flows, int seed, int customerCount, int days, TimeOnly dailyJobAt)
    {
        var shop = SampleShop.Generate(seed, customerCount, days);
        var options = new SimulationOptions
        {
            Guardrails = DemoGuardrails(),
            StoreTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw"),
            DailyJobAt = dailyJobAt,
            Responder = new SampleShopResponder(),
            RecordTimelines = false,
            // long enough for the longest waits of the templates (win-back waits two months)
            Horizon = TimeSpan.FromDays(90)
        };
        return new FlowSimulator(flows, options).Run(shop.Events, shop.Customers);
    }

    private static GuardrailSettings DemoGuardrails() => new()
    {
        MessageBudget =
        [
            new MessageBudgetRule { Channel = ActionChannel.Email, Max = 1, Period = TimeSpan.FromHours(24) },
            new MessageBudgetRule { Channel = ActionChannel.Email, Max = 3, Period = TimeSpan.FromDays(7) }
        ],
        QuietHours = new QuietHours { Start = new TimeOnly(21, 0), End = new TimeOnly(8, 0) }
    };

    private static string[] Row(string name, FlowReport flow)
    {
        var email = flow.Sent.GetValueOrDefault("email");
        var popup = flow.Sent.GetValueOrDefault("popup");
        var other = flow.Sent.Values.Sum() - email - popup;
        var uplift = flow.Splits.Select(s => s.Uplift).FirstOrDefault(u => u != null);
        return
        [
            name,
            N(flow.Entered), N(email), N(popup), N(other), N(flow.GoalReached),
            flow.Entered == 0 ? "-" : ((double)flow.GoalReached / flow.Entered).ToString("P1", CultureInfo.InvariantCulture),
            N(flow.Converted),
            flow.Revenue.ToString("0.00", CultureInfo.InvariantCulture),
            uplift == null ? "-" : uplift.ConversionUpliftPoints.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
            uplift == null ? "-" : uplift.RevenueUpliftPerRun.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)
        ];
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
