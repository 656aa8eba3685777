using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// Loads flow files for commands that run them: validated first, every problem reported, each flow
/// once (a simulation, like a shop, has one live version per flow id).
/// </summary>
internal static class FlowFiles
{
    /// <summary>
    /// The compiled flows, or null (after writing the problems to <paramref name="error"/>) when any
    /// file cannot be read, is invalid, is given twice or holds a flow id another file holds.
    /// </summary>
    public static List<CompiledFlow> Load(IEnumerable<string> paths, TextWriter error)
    {
        var flows = new List<CompiledFlow>();
        var valid = true;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileOfFlow = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!files.TryAdd(Path.GetFullPath(path), path))
            {
                valid = false;
                error.WriteLine($"error: {path} is given twice; a simulation takes each flow once.");
                continue;
            }

            ValidationResult result;
            try
            {
                result = new FlowValidator().Validate(InputFiles.ReadAllBytes(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                valid = false;
                error.WriteLine($"error: {ex.Message}");
                continue;
            }

            if (!result.IsValid)
            {
                valid = false;
                error.WriteLine($"{path}: not a valid flow:");
                foreach (var problem in result.Problems)
                    error.WriteLine($"  {problem}");
                continue;
            }

            var id = result.Definition.Id;
            if (!fileOfFlow.TryAdd(id, path))
            {
                valid = false;
                error.WriteLine($"error: {fileOfFlow[id]} and {path} both hold flow \"{id}\"; a simulation runs one version of each flow, so give one of them another id.");
                continue;
            }

            flows.Add(CompiledFlow.Compile(result.Definition));
        }

        return valid ? flows : null;
    }
}
