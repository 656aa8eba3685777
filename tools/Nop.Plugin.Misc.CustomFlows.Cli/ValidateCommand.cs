using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// <c>validate &lt;flow.json&gt;...</c>: every problem of each flow with its step id and JSON path.
/// Every file is checked, also after one that could not be read.
/// </summary>
internal static class ValidateCommand
{
    public const string Usage = """
          customflows validate <flow.json>...
              Prints every problem of each flow with its step id and JSON path. Exit code 1 when a
              flow is invalid or a file cannot be read; every file is checked either way.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var line = new CommandLine(args, new HashSet<string>());
        line.RefuseUnknownOptions();
        if (line.Positional.Count == 0)
            throw new UsageException("validate needs at least one flow file.");

        var exitCode = CliApp.Ok;
        foreach (var path in line.Positional)
        {
            byte[] bytes;
            try
            {
                bytes = InputFiles.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                exitCode = CliApp.Failed;
                error.WriteLine($"error: {ex.Message}");
                continue;
            }

            var result = new FlowValidator().Validate(bytes);
            if (result.IsValid)
            {
                output.WriteLine($"{path}: valid ({result.Definition.Id} v{result.Definition.Version}, {result.Definition.Nodes.Count} steps)");
                continue;
            }

            exitCode = CliApp.Failed;
            output.WriteLine($"{path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? string.Empty : "s")}");
            foreach (var problem in result.Problems)
                output.WriteLine($"  {problem}");
        }

        return exitCode;
    }
}
