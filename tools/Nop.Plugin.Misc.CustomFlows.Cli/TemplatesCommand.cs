using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// <c>templates list</c> and <c>templates export &lt;name&gt;</c>.
/// </summary>
internal static class TemplatesCommand
{
    public const string Usage = """
          customflows templates list
          customflows templates export <name>
              Lists the template library (name and what each does), or prints one template's flow JSON.
        """;

    /// <summary>Widest line of the list; descriptions wrap onto further lines.</summary>
    private const int Width = 100;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var line = new CommandLine(args, new HashSet<string>());
        line.RefuseUnknownOptions();
        var templates = TemplateShelf.Library();
        switch (line.Positional.FirstOrDefault())
        {
            case "list" when line.Positional.Count == 1:
                WriteList(templates, output);
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

    /// <summary>
    /// A name column, then each description wrapped to the width under its own column.
    /// </summary>
    private static void WriteList(IReadOnlyList<ShelfTemplate> templates, TextWriter output)
    {
        var nameWidth = templates.Select(t => t.Name.Length).Append("name".Length).Max();
        var textWidth = Math.Max(Width - nameWidth - 2, 30);
        output.WriteLine($"{"name".PadRight(nameWidth)}  description");
        foreach (var template in templates)
        {
            var lines = Wrap(template.Description ?? string.Empty, textWidth);
            for (var i = 0; i < lines.Count; i++)
                output.WriteLine($"{(i == 0 ? template.Name : string.Empty).PadRight(nameWidth)}  {lines[i]}".TrimEnd());
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
                current.Append(' ');
            current.Append(word);
        }

        lines.Add(current.ToString());
        return lines;
    }
}
