using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// Loads flow files for commands that run them: validated first, every problem reported.
/// </summary>
internal static class FlowFiles
{
    /// <summary>
    /// The compiled flows, or null (after writing the problems to <paramref name="error"/>) when any is invalid.
    /// </summary>
    public static List<CompiledFlow> Load(IEnumerable<string> paths, TextWriter error)
    {
        var flows = new List<CompiledFlow>();
        var valid = true;
        foreach (var path in paths)
        {
            var result = new FlowValidator().Validate(File.ReadAllBytes(path));
            if (!result.IsValid)
            {
                valid = false;
                error.WriteLine($"{path}: not a valid flow:");
                foreach (var problem in result.Problems)
                    error.WriteLine($"  {problem}");
                continue;
            }

            flows.Add(CompiledFlow.Compile(result.Definition));
        }

        return valid ? flows : null;
    }
}
