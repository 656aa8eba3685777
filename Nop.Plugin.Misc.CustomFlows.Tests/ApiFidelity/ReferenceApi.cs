namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>
/// The real listings and the real reference projects, read once per test run (api.txt has some
/// 25,000 lines) and shared by the fixtures that need them.
/// </summary>
public static class ReferenceApi
{
    private static readonly Lazy<(ApiListing Listing, string MissingReason)> _listing = new(LoadListing);

    /// <summary>
    /// The combined nopCommerce and FluentMigrator listing. Ends the calling test as inconclusive
    /// (never as a silent pass) when a listing file is not there.
    /// </summary>
    public static ApiListing ListingOrInconclusive()
    {
        var (listing, missingReason) = _listing.Value;
        if (listing == null)
            Assert.Inconclusive(missingReason);
        return listing;
    }

    /// <summary>Declarations of every reference project, by assembly (an empty project gives an empty list).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ApiDeclaration>> DeclarationsByAssembly()
    {
        var root = RepositoryLayout.RepositoryRoot;
        return RepositoryLayout.ReferenceProjects(root).ToDictionary(
            project => project.AssemblyName,
            project => ApiDeclarationEmitter.Emit(project.AssemblyName, project.Parse(root)));
    }

    private static (ApiListing, string) LoadListing()
    {
        var shared = RepositoryLayout.SharedFolder;
        var paths = RepositoryLayout.ListingFiles.Select(file => Path.Combine(shared, file)).ToList();
        var missing = paths.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            return (null,
                $"API listing not found: {string.Join(", ", missing)}. The reference projects cannot be checked without it; " +
                $"put the shared folder beside the repository or set {RepositoryLayout.SharedFolderVariable} to it.");
        }
        return (ApiListing.Load(paths), null);
    }
}
