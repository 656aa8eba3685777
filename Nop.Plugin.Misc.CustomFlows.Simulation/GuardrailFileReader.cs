using System.Globalization;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// Reads the simulator's guardrails file (see docs/simulator.md) into the options: message budget,
/// quiet hours, blackout dates, pause and pause periods, in the flow JSON's duration and time formats.
/// </summary>
public static class GuardrailFileReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16
    };

    /// <summary>
    /// Reads the file and sets <see cref="SimulationOptions.Guardrails"/> and <see cref="SimulationOptions.Pauses"/>.
    /// </summary>
    /// <exception cref="SimulationInputException">The file is not valid.</exception>
    public static void Read(TextReader reader, SimulationOptions options, string source = "guardrails")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        GuardrailFile file;
        var content = reader.ReadToEnd();
        try
        {
            file = JsonSerializer.Deserialize<GuardrailFile>(content, Options);
        }
        catch (JsonException ex)
        {
            throw new SimulationInputException(source, 0, $"not a valid guardrails file: {JsonShape.Describe(content, typeof(GuardrailFile), Options, ex)}", ex);
        }

        string Fail(string problem) => throw new SimulationInputException(source, 0, problem);
        if (file == null)
            Fail("the file is empty.");

        var settings = new GuardrailSettings { PauseAll = file.PauseAll };
        foreach (var (rule, i) in (file.MessageBudget ?? []).Select((r, i) => (r, i)))
        {
            if (rule == null || rule.Max < 0 || !FlowDuration.TryParse(rule.Period, out var period) || period <= TimeSpan.Zero)
                Fail($"messageBudget[{i}] needs \"max\" (0 or more) and a \"period\" such as \"24h\".");
            ActionChannel? channel = null;
            if (rule.Channel == "email")
                channel = ActionChannel.Email;
            else if (rule.Channel == "popup")
                channel = ActionChannel.Popup;
            else if (rule.Channel == "webhook")
                channel = ActionChannel.Webhook;
            else if (rule.Channel != null)
                Fail($"messageBudget[{i}].channel must be \"email\", \"popup\" or \"webhook\".");
            settings.MessageBudget.Add(new MessageBudgetRule { Channel = channel, Max = rule.Max, Period = period });
        }

        if (file.QuietHours != null)
        {
            if (!TimeOfDayText.TryParse(file.QuietHours.Start, out var start) || !TimeOfDayText.TryParse(file.QuietHours.End, out var end))
                Fail("quietHours needs \"start\" and \"end\" as \"HH:mm\".");
            settings.QuietHours = new QuietHours { Start = start, End = end };
        }

        foreach (var (text, i) in (file.BlackoutDates ?? []).Select((d, i) => (d, i)))
        {
            if (!DateOnly.TryParseExact(text ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Fail($"blackoutDates[{i}] must be a date (yyyy-MM-dd).");
            settings.BlackoutDates.Add(date);
        }

        options.Guardrails = settings;
        foreach (var (pause, i) in (file.Pauses ?? []).Select((p, i) => (p, i)))
        {
            if (pause == null || !Utc(pause.From, out var from) || !Utc(pause.To, out var to) || to <= from)
                Fail($"pauses[{i}] needs \"from\" and a later \"to\" (ISO 8601).");
            options.Pauses.Add(new PausePeriod(from, to));
        }
    }

    private static bool Utc(string text, out DateTime utc) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    private sealed class GuardrailFile
    {
        public bool PauseAll { get; set; }
        public List<BudgetLine> MessageBudget { get; set; }
        public QuietLine QuietHours { get; set; }
        public List<string> BlackoutDates { get; set; }
        public List<PauseLine> Pauses { get; set; }
    }

    private sealed class BudgetLine
    {
        public string Channel { get; set; }
        public int Max { get; set; }
        public string Period { get; set; }
    }

    private sealed class QuietLine
    {
        public string Start { get; set; }
        public string End { get; set; }
    }

    private sealed class PauseLine
    {
        public string From { get; set; }
        public string To { get; set; }
    }
}
