namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// A command's arguments split into positional values and "--name value" options (or "--flag").
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandLine(string[] args, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }

            if (flags.Contains(arg))
            {
                _options[arg] = "true";
                continue;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"{arg} needs a value.");
            _options[arg] = args[++i];
        }
    }

    public List<string> Positional { get; } = new();

    public string Option(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public bool Flag(string name) => Option(name) == "true";

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Option(name);
        if (text == null)
            return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new UsageException($"{name} must be a whole number from {min} to {max}, not \"{text}\".");
        return value;
    }

    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        var text = Option(name);
        if (text == null)
            return fallback;
        if (!Engine.Time.FlowDuration.TryParse(text, out var value))
            throw new UsageException($"{name} must be a duration such as 7d or 12h, not \"{text}\".");
        return value;
    }

    public TimeOnly TimeOfDay(string name, TimeOnly fallback)
    {
        var text = Option(name);
        if (text == null)
            return fallback;
        if (!Engine.Time.TimeOfDayText.TryParse(text, out var value))
            throw new UsageException($"{name} must be a time of day as HH:mm (24-hour), such as 09:00, not \"{text}\".");
        return value;
    }

    /// <summary>Refuses options the command did not ask for, so a typo is not silently ignored.</summary>
    public void RefuseUnknownOptions()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"Unknown option {string.Join(", ", unknown)}.");
    }
}
