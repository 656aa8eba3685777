using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>
/// The hand-declared nopCommerce / FluentMigrator reference projects must declare nothing that the
/// real API (the shared api.txt listings) does not have, with the identical signature, assembly
/// and namespace; otherwise the plugin built here would not bind to the real assemblies in a shop.
/// </summary>
[TestFixture]
public class ReferenceProjectFidelityTests
{
    [Test]
    public void Every_public_declaration_of_the_reference_projects_is_in_the_real_api_listing()
    {
        var listing = ReferenceApi.ListingOrInconclusive();
        var declarationsByAssembly = ReferenceApi.DeclarationsByAssembly();

        foreach (var (assembly, declarations) in declarationsByAssembly.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var types = declarations.Count(d => d.IsTypeLine);
            TestContext.Out.WriteLine($"{assembly}: {declarations.Count} declarations checked ({types} types)");
        }

        var all = declarationsByAssembly.Values.SelectMany(d => d).ToList();
        var total = $"API fidelity: {all.Count} declarations of {declarationsByAssembly.Count} reference projects checked against {listing.LineCount} listing lines";
        TestContext.Out.WriteLine(total);
        TestContext.Progress.WriteLine(total);

        Assert.That(declarationsByAssembly, Is.Not.Empty,
            $"no reference projects found under {RepositoryLayout.ReferenceFolderName}; nothing would be checked");
        Assert.That(all, Is.Not.Empty,
            "the reference projects declare nothing public: either they are empty or the emitter is broken");

        var problems = ApiFidelityChecker.Check(all, listing);
        Assert.That(problems, Is.Empty, () => ApiFidelityChecker.Describe(problems));
    }

    [Test]
    public void Every_reference_project_is_an_assembly_the_listings_cover()
    {
        var listing = ReferenceApi.ListingOrInconclusive();
        var uncovered = ReferenceApi.DeclarationsByAssembly().Keys.Where(a => !listing.Assemblies.Contains(a)).ToList();

        Assert.That(uncovered, Is.Empty,
            $"reference projects named after no assembly of the listings: {string.Join(", ", uncovered)}; " +
            $"the listings cover {string.Join(", ", listing.Assemblies.Order(StringComparer.Ordinal))}");
    }

    [Test]
    public void A_real_reference_type_moved_to_another_assembly_fails_naming_the_assembly_the_listing_has_it_in()
    {
        var listing = ReferenceApi.ListingOrInconclusive();
        var (project, tree, type) = FirstConfirmedReferenceType(listing);
        var otherAssembly = listing.Assemblies.First(a => a != project.AssemblyName);

        var problems = ApiFidelityChecker.Check(ApiDeclarationEmitter.Emit(otherAssembly, [tree]), listing);

        Assert.That(problems.Select(p => p.Reason), Has.Some.Contain($"in assembly {project.AssemblyName}, not {otherAssembly}"),
            $"{type} declared in {otherAssembly} must fail");
    }

    [Test]
    public void A_real_reference_type_moved_to_another_namespace_fails_naming_the_namespace_the_listing_has_it_in()
    {
        var listing = ReferenceApi.ListingOrInconclusive();
        var (project, tree, type) = FirstConfirmedReferenceType(listing);

        var @namespace = tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().First();
        var moved = tree.GetRoot().ReplaceNode(@namespace.Name, SyntaxFactory.ParseName(@namespace.Name + ".Moved"));
        var problems = ApiFidelityChecker.Check(
            ApiDeclarationEmitter.Emit(project.AssemblyName, [tree.WithRootAndOptions(moved, tree.Options)]), listing);

        Assert.That(problems.Select(p => p.Reason), Has.Some.Contain(type).And.Contain("wrong namespace"),
            $"{type} declared in namespace {@namespace.Name}.Moved must fail");
    }

    /// <summary>A reference file in a namespace whose declarations all pass today, so a failure after moving it is the move's.</summary>
    private static (RepositoryLayout.ReferenceProject Project, SyntaxTree Tree, string TypeKey) FirstConfirmedReferenceType(ApiListing listing)
    {
        var root = RepositoryLayout.RepositoryRoot;
        foreach (var project in RepositoryLayout.ReferenceProjects(root))
        {
            foreach (var tree in project.Parse(root))
            {
                var declarations = ApiDeclarationEmitter.Emit(project.AssemblyName, [tree]);
                var type = declarations.FirstOrDefault(d => d.IsTypeLine && !d.TypeKey.Contains('`'));
                if (type != null && declarations.All(listing.Contains)
                    && tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any())
                    return (project, tree, type.TypeKey);
            }
        }
        Assert.Inconclusive("no reference type passes the check yet; nothing to move");
        return default;
    }

    [Test]
    public void Renaming_one_parameter_of_a_real_reference_declaration_fails_the_check_naming_that_declaration()
    {
        var listing = ReferenceApi.ListingOrInconclusive();
        var root = RepositoryLayout.RepositoryRoot;

        var mutation = RepositoryLayout.ReferenceProjects(root)
            .SelectMany(project => project.Parse(root).Select(tree => (project.AssemblyName, Tree: tree)))
            .SelectMany(p => p.Tree.GetRoot().DescendantNodes().OfType<ParameterSyntax>()
                .Select(parameter => RenameParameter(p.AssemblyName, p.Tree, parameter)))
            .FirstOrDefault(m => m != null && m.Before.All(listing.Contains));
        if (mutation == null)
            Assert.Inconclusive("no public reference declaration with a parameter passes the check yet; nothing to mutate");

        var problems = ApiFidelityChecker.Check(mutation.After, listing);

        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => p.Declaration), Is.EqualTo(new[] { mutation.Mutated }),
                $"renaming a parameter to '{mutation.NewName}' must make exactly that declaration fail");
            Assert.That(ApiFidelityChecker.Describe(problems), Does.Contain(mutation.Mutated.ListingLine)
                .And.Contain($"{mutation.Mutated.File}:{mutation.Mutated.Line}"));
        });
    }

    private sealed record ParameterMutation(
        IReadOnlyList<ApiDeclaration> Before, IReadOnlyList<ApiDeclaration> After, ApiDeclaration Mutated, string NewName);

    /// <summary>Renames one parameter in memory; null when that changes no public declaration (e.g. a private method).</summary>
    private static ParameterMutation RenameParameter(string assembly, SyntaxTree tree, ParameterSyntax parameter)
    {
        var newName = parameter.Identifier.Text + "Renamed";
        var mutatedRoot = tree.GetRoot().ReplaceToken(parameter.Identifier, SyntaxFactory.Identifier(newName));
        var mutatedTree = tree.WithRootAndOptions(mutatedRoot, tree.Options);

        var before = ApiDeclarationEmitter.Emit(assembly, [tree]);
        var after = ApiDeclarationEmitter.Emit(assembly, [mutatedTree]);
        var changed = after.Except(before).ToList();
        return changed.Count == 1 ? new ParameterMutation(before, after, changed[0], newName) : null;
    }
}
