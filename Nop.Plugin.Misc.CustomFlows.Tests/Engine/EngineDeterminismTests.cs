using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine;

/// <summary>
/// A replay of the engine must give the same answer, so no I/O, no wall clock and no unseeded
/// randomness. (Architecture/EngineIsolationTests keeps nopCommerce and Quartz out.)
/// </summary>
[TestFixture]
public class EngineDeterminismTests
{
    private static readonly string[] ForbiddenNamespaces = ["System.IO", "System.Net", "Microsoft.Data", "System.Data"];
    private static readonly string[] ForbiddenMembers = ["DateTime.UtcNow", "DateTime.Now", "DateTime.Today", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "Guid.NewGuid", "Random.Shared", "new Random", "Environment.TickCount", "File.ReadAll", "File.WriteAll", "File.Open", "Directory.Enumerate", "new HttpClient"];

    private static IEnumerable<string> EngineSources()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Nop.Plugin.Misc.CustomFlows.sln")))
            directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, "the repository root was not found above the test output");
        var engine = Path.Combine(directory!.FullName, "Nop.Plugin.Misc.CustomFlows.Engine");
        return Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(engine, file).Split(Path.DirectorySeparatorChar)[0].Equals("obj", StringComparison.Ordinal)
                && !Path.GetRelativePath(engine, file).Split(Path.DirectorySeparatorChar)[0].Equals("bin", StringComparison.Ordinal));
    }

    [Test]
    public void No_engine_file_uses_file_network_or_database_namespaces()
    {
        var offenders = new List<string>();
        foreach (var file in EngineSources())
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var names = root.DescendantNodes().OfType<UsingDirectiveSyntax>().Select(u => u.Name?.ToString())
                .Concat(root.DescendantNodes().OfType<QualifiedNameSyntax>().Select(q => q.ToString()));
            offenders.AddRange(names
                .Where(name => name != null && ForbiddenNamespaces.Any(ns => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal)))
                .Select(name => $"{Path.GetFileName(file)}: {name}"));
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void No_engine_file_reads_the_wall_clock_or_unseeded_randomness()
    {
        var offenders = new List<string>();
        foreach (var file in EngineSources())
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var code = string.Join("\n", root.DescendantNodes().OfType<ExpressionSyntax>().Select(e => e.ToString()));
            offenders.AddRange(ForbiddenMembers.Where(code.Contains).Select(member => $"{Path.GetFileName(file)}: {member}"));
        }

        Assert.That(offenders, Is.Empty);
    }
}
