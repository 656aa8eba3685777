using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine;

/// <summary>
/// The engine must stay pure C#: the simulator, the CLI and the benchmarks host it without nopCommerce,
/// and a replay must give the same answer, so no shop types, no scheduler, no I/O and no wall clock.
/// </summary>
[TestFixture]
public class EngineBoundaryTests
{
    private static readonly string[] ForbiddenNamespaces = ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web", "Quartz", "System.IO", "System.Net", "FluentMigrator"];
    private static readonly string[] ForbiddenMembers = ["DateTime.UtcNow", "DateTime.Now", "DateTime.Today", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "Guid.NewGuid", "Random.Shared", "new Random", "Environment.TickCount", "File.ReadAll", "File.WriteAll", "File.Open", "Directory.Enumerate", "new HttpClient"];

    private static IEnumerable<string> EngineSources()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Nop.Plugin.Misc.CustomFlows.sln")))
            directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, "the repository root was not found above the test output");
        return Directory.EnumerateFiles(Path.Combine(directory!.FullName, "Nop.Plugin.Misc.CustomFlows", "Engine"), "*.cs", SearchOption.AllDirectories);
    }

    [Test]
    public void No_engine_file_uses_nopcommerce_quartz_or_io_namespaces()
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
