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
    /// The usage text.
    /// </summary>
    public const string Usage = """
        customflows: the Custom Flows engine on the command line (no shop needed)

        Usage:
          customflows validate <flow.json>...
              Prints every problem with its step id and JSON path. Exit code 1 when a flow is invalid.
          customflows simulate <flow.json>... --events <events.jsonl> [--customers <file>]
                     [--guardrails <file.json>] [--format text|json] [--attribution 7d] [--horizon 60d]
                     [--time-zone <IANA id>] [--no-timelines]
              Replays the events through the flows on a virtual clock and prints each customer's
              timeline and per-step statistics. File formats: docs/simulator.md.
          customflows templates list
          customflows templates export <name>
              Lists the template library, or prints one template's flow JSON.
          customflows demo [--customers 3000] [--days 30] [--seed 42] [--details]
              Generates a sample shop history and runs every template against it (the bundled
              sample flows while the template library is not in the build), one summary row each.

        Exit codes: 0 success, 1 invalid flow or input, 2 wrong command line.
        """;

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
