using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// <c>templates list</c> and <c>templates export &lt;name&gt;</c>.
/// </summary>
internal static class TemplatesCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var line = new CommandLine(args, new HashSet<string>());
        line.RefuseUnknownOptions();
        var templates = TemplateShelf.Library();
        switch (line.Positional.FirstOrDefault())
        {
            case "list" when line.Positional.Count == 1:
                if (templates.Count == 0)
                {
                    error.WriteLine("The template library is not in this build; `demo` runs the bundled sample flows instead.");
                    return CliApp.Failed;
                }

                var rows = new List<string[]> { new[] { "name", "goal", "description" } };
                rows.AddRange(templates.Select(t => new[] { t.Name, t.Goal ?? string.Empty, t.Description ?? string.Empty }));
                Simulation.SimulationReportWriter.WriteTable(rows, output);
                return CliApp.Ok;
            case "export" when line.Positional.Count == 2:
                var name = line.Positional[1];
                var template = templates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
                if (template == null)
                {
                    error.WriteLine($"error: no template \"{name}\"; `customflows templates list` shows the names.");
                    return CliApp.Failed;
                }

                output.WriteLine(FlowJson.Serialize(template.Definition, indented: true));
                return CliApp.Ok;
            default:
                throw new UsageException("templates takes \"list\" or \"export <name>\".");
        }
    }
}
