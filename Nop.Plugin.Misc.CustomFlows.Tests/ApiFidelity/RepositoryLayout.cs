using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>Where the repository, the shared API listings and the reference projects are.</summary>
public static class RepositoryLayout
{
    /// <summary>Environment variable that points at the shared folder holding the listings.</summary>
    public const string SharedFolderVariable = "CUSTOMFLOWS_SHARED";

    public const string SolutionFileName = "Nop.Plugin.Misc.CustomFlows.sln";
    public const string ReferenceFolderName = "nopcommerce-4.90-reference";
    public const string PluginFolderName = "Nop.Plugin.Misc.CustomFlows";

    /// <summary>The listings the reference projects are checked against, relative to the shared folder.</summary>
    public static readonly IReadOnlyList<string> ListingFiles =
    [
        Path.Combine("nopcommerce-4.90", "api.txt"),
        Path.Combine("fluentmigrator-7.1", "api.txt")
    ];

    /// <summary>The folder holding the solution file, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                    return directory.FullName;
            }
            throw new InvalidOperationException(
                $"No {SolutionFileName} above {TestContext.CurrentContext.TestDirectory}: run the tests from the repository.");
        }
    }

    /// <summary>The shared folder: <see cref="SharedFolderVariable"/> if set, else the repository root's sibling "shared".</summary>
    public static string SharedFolder
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(SharedFolderVariable);
            return string.IsNullOrWhiteSpace(overridden)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
                : Path.GetFullPath(overridden);
        }
    }

    /// <summary>One hand-declared reference project: its assembly name and source files.</summary>
    public sealed record ReferenceProject(string AssemblyName, string Folder, IReadOnlyList<string> SourceFiles)
    {
        /// <summary>Parses the source files, with paths relative to the repository root for messages.</summary>
        public IReadOnlyList<SyntaxTree> Parse(string repositoryRoot) => SourceFiles
            .Select(file => ApiDeclarationEmitter.Parse(File.ReadAllText(file), Path.GetRelativePath(repositoryRoot, file)))
            .ToList();
    }

    /// <summary>Every project folder under the reference folder, whatever is declared in it so far.</summary>
    public static IReadOnlyList<ReferenceProject> ReferenceProjects(string repositoryRoot)
    {
        var referenceFolder = Path.Combine(repositoryRoot, ReferenceFolderName);
        if (!Directory.Exists(referenceFolder))
            return [];

        return Directory.GetDirectories(referenceFolder)
            .Select(folder => (Folder: folder, Project: Directory.GetFiles(folder, "*.csproj").SingleOrDefault()))
            .Where(p => p.Project != null)
            .Select(p => new ReferenceProject(AssemblyNameOf(p.Project), p.Folder, SourceFilesOf(p.Folder)))
            .OrderBy(p => p.AssemblyName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The C# files of a project folder, leaving out build output.</summary>
    public static IReadOnlyList<string> SourceFilesOf(string folder) => Directory
        .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(file => !Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar)
            .Any(segment => segment is "bin" or "obj"))
        .OrderBy(file => file, StringComparer.Ordinal)
        .ToList();

    private static string AssemblyNameOf(string projectFile)
    {
        var declared = XDocument.Load(projectFile).Descendants()
            .FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
        return string.IsNullOrEmpty(declared) || declared.Contains("$(")
            ? Path.GetFileNameWithoutExtension(projectFile)
            : declared;
    }
}
