namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// The command line: parses the command and hands it to its command class. Output goes to
/// <c>output</c>, errors to <c>error</c>, so tests run it in-process with string writers.
/// </summary>
public static class CliApp
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An invalid flow, a bad input line, or a file that could not be read.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// The usage text: every command's own usage, which <c>&lt;command&gt; --help</c> prints alone.
    /// </summary>
    public static readonly string Usage = string.Join(Environment.NewLine,
        "customflows: the Custom Flows engine on the command line (no shop needed)",
        string.Empty,
        "Usage:",
        ValidateCommand.Usage.TrimEnd(),
        SimulateCommand.Usage.TrimEnd(),
        TemplatesCommand.Usage.TrimEnd(),
        DemoCommand.Usage.TrimEnd(),
        string.Empty,
        ExitCodes);

    private const string ExitCodes = "Exit codes: 0 success, 1 invalid flow or input, 2 wrong command line.";

    /// <summary>
    /// Runs a command.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Normal output.</param>
    /// <param name="error">Errors and usage hints.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
            return UsageProblem(error, "No command given.");

        try
        {
            var rest = args[1..];
            if (rest.Any(arg => arg is "--help" or "-h") && CommandUsage(args[0]) is { } usage)
            {
                output.WriteLine(usage.TrimEnd());
                output.WriteLine();
                output.WriteLine(ExitCodes);
                return Ok;
            }

            return args[0] switch
            {
                "validate" => ValidateCommand.Run(rest, output, error),
                "simulate" => SimulateCommand.Run(rest, output, error),
                "templates" => TemplatesCommand.Run(rest, output, error),
                "demo" => DemoCommand.Run(rest, output, error),
                "help" or "--help" or "-h" => Help(output),
                _ => UsageProblem(error, $"Unknown command \"{args[0]}\".")
            };
        }
        catch (UsageException ex)
        {
            return UsageProblem(error, ex.Message);
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return Failed;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return Failed;
        }
    }

    private static string CommandUsage(string command) => command switch
    {
        "validate" => ValidateCommand.Usage,
        "simulate" => SimulateCommand.Usage,
        "templates" => TemplatesCommand.Usage,
        "demo" => DemoCommand.Usage,
        _ => null
    };

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return Ok;
    }

    private static int UsageProblem(TextWriter error, string problem)
    {
        error.WriteLine($"error: {problem}");
        error.WriteLine();
        error.WriteLine(Usage);
        return UsageError;
    }
}

/// <summary>
/// The command line is wrong; the message says how.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
