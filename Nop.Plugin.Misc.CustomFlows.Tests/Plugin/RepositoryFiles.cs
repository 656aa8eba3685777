namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// Finds the repository's files from the test's output folder
/// </summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PluginFolder => Path.Combine(Root, "Nop.Plugin.Misc.CustomFlows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nop.Plugin.Misc.CustomFlows.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (with Nop.Plugin.Misc.CustomFlows.sln) was not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
