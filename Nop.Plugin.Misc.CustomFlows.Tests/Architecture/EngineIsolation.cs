using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Architecture;

/// <summary>A place under Engine/ that reaches outside pure C#.</summary>
public sealed record EngineViolation(string File, int Line, string What)
{
    public override string ToString() => $"{File}:{Line}: {What}";
}

/// <summary>
/// The rule of ARCHITECTURE.md section 2: nothing under the plugin's Engine/ folder uses a Nop.* type
/// (other than the engine's own Nop.Plugin.Misc.CustomFlows.Engine*) or a Quartz type. Three
/// independent checks: the folder compiles alone against the base class library, no name written in
/// it (using directive or qualified name) points at a forbidden namespace, and no name in it binds
/// to a forbidden symbol when everything the test run can load is referenced.
/// </summary>
public static class EngineIsolation
{
    public const string EngineNamespace = "Nop.Plugin.Misc.CustomFlows.Engine";

    // what `<ImplicitUsings>enable</ImplicitUsings>` adds in a Microsoft.NET.Sdk project
    private static readonly string[] _sdkImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"
    ];

    private static readonly Regex _dottedPrefix = new(@"^@?[A-Za-z_]\w*(\s*\.\s*@?[A-Za-z_]\w*)*", RegexOptions.Compiled);

    /// <summary>True for namespaces Engine/ must not use: Nop.* except the engine's own, and Quartz.*.</summary>
    public static bool IsForbiddenNamespace(string name)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        if (name == EngineNamespace || name.StartsWith(EngineNamespace + ".", StringComparison.Ordinal))
            return false;
        return name is "Nop" or "Quartz"
            || name.StartsWith("Nop.", StringComparison.Ordinal)
            || name.StartsWith("Quartz.", StringComparison.Ordinal);
    }

    #region Sources

    /// <summary>The plugin's Engine/ folder.</summary>
    public static string EngineFolder(string repositoryRoot) =>
        Path.Combine(repositoryRoot, RepositoryLayout.PluginFolderName, "Engine");

    /// <summary>Parses every C# file under Engine/ (none when the folder does not exist yet).</summary>
    public static IReadOnlyList<SyntaxTree> ParseEngine(string repositoryRoot)
    {
        var folder = EngineFolder(repositoryRoot);
        if (!Directory.Exists(folder))
            return [];

        return RepositoryLayout.SourceFilesOf(folder)
            .Select(file => Parse(File.ReadAllText(file), Path.GetRelativePath(repositoryRoot, file)))
            .ToList();
    }

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ApiDeclarationEmitter.ParseOptions, path);

    /// <summary>Only the SDK's implicit global usings, for samples that are not plugin files.</summary>
    public static SyntaxTree SdkGlobalUsings() =>
        Parse(string.Join(Environment.NewLine, _sdkImplicitUsings.Select(ns => $"global using {ns};")), "SdkGlobalUsings.g.cs");

    /// <summary>
    /// The global usings the plugin's Engine files get in the real build: the SDK's implicit usings
    /// (when enabled), the csproj's Using items and global using directives in other plugin files,
    /// minus anything forbidden, so "compiles alone" fails only for a real dependency.
    /// </summary>
    public static SyntaxTree PluginGlobalUsings(string repositoryRoot)
    {
        var pluginFolder = Path.Combine(repositoryRoot, RepositoryLayout.PluginFolderName);
        var directives = new List<string>();

        var project = Directory.GetFiles(pluginFolder, "*.csproj").SingleOrDefault();
        if (project != null)
        {
            var document = XDocument.Load(project);
            var implicitUsings = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "ImplicitUsings")?.Value.Trim();
            if (implicitUsings is "enable" or "true")
                directives.AddRange(_sdkImplicitUsings.Select(ns => $"global using {ns};"));

            foreach (var item in document.Descendants().Where(e => e.Name.LocalName == "Using" && e.Attribute("Include") != null))
            {
                var target = item.Attribute("Include")!.Value;
                var alias = item.Attribute("Alias")?.Value;
                var isStatic = string.Equals(item.Attribute("Static")?.Value, "true", StringComparison.OrdinalIgnoreCase);
                if (!IsForbiddenNamespace(target))
                    directives.Add(alias != null ? $"global using {alias} = {target};" : isStatic ? $"global using static {target};" : $"global using {target};");
            }
        }

        var engineFolder = EngineFolder(repositoryRoot);
        foreach (var file in RepositoryLayout.SourceFilesOf(pluginFolder).Where(f => !f.StartsWith(engineFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            var root = Parse(File.ReadAllText(file), file).GetCompilationUnitRoot();
            directives.AddRange(root.Usings
                .Where(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && !IsForbiddenNamespace(WrittenName(u.NamespaceOrType)))
                .Select(u => u.ToString().Trim()));
        }

        return Parse(string.Join(Environment.NewLine, directives.Distinct()), "PluginGlobalUsings.g.cs");
    }

    #endregion

    #region Checks

    /// <summary>
    /// Compiles the files alone against the .NET base class library only. Code that compiles there
    /// cannot reference nopCommerce, Quartz or the rest of the plugin. Returns the compile errors.
    /// </summary>
    public static IReadOnlyList<EngineViolation> CompileAlone(IReadOnlyList<SyntaxTree> engine, SyntaxTree globalUsings)
    {
        var compilation = CSharpCompilation.Create("CustomFlows.EngineAlone",
            engine.Append(globalUsings),
            BaseClassLibrary(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return new EngineViolation(span.Path, span.StartLinePosition.Line + 1, $"{d.Id} {d.GetMessage()}");
            })
            .Distinct()
            .ToList();
    }

    /// <summary>Using directives and qualified names written in the files that point at a forbidden namespace.</summary>
    public static IReadOnlyList<EngineViolation> ForbiddenNames(IEnumerable<SyntaxTree> engine)
    {
        var violations = new List<EngineViolation>();
        foreach (var tree in engine)
        {
            var root = tree.GetRoot();

            foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                var name = WrittenName(directive.NamespaceOrType);
                if (IsForbiddenNamespace(name))
                    violations.Add(At(tree, directive, $"using directive imports {name}"));
            }

            // outermost dotted names in code: Nop.Core.BaseEntity as a type, Quartz.JobKey.Create(...) as an expression
            var dotted = root.DescendantNodes()
                .Where(n => n is QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax)
                .Where(n => n.Parent is not (QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax))
                .Where(n => !IsInUsingOrNamespaceName(n));

            foreach (var node in dotted)
            {
                var name = WrittenName(node);
                if (IsForbiddenNamespace(name))
                    violations.Add(At(tree, node, $"refers to {name}"));
            }
        }
        return violations.Distinct().ToList();
    }

    /// <summary>
    /// Binds every name in the files with all assemblies of the test run referenced (the nopCommerce
    /// reference assemblies, Quartz, the plugin itself) and reports names that resolve to a symbol in a
    /// forbidden namespace, however they were written (simple name after a using, alias, lookup through a parent namespace).
    /// </summary>
    public static IReadOnlyList<EngineViolation> ForbiddenSymbols(IReadOnlyList<SyntaxTree> engine, SyntaxTree globalUsings)
    {
        var compilation = CSharpCompilation.Create("CustomFlows.EngineBound",
            engine.Append(globalUsings),
            EverythingLoadable(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        var violations = new List<EngineViolation>();
        foreach (var tree in engine)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (IsInUsingOrNamespaceName(name))
                    continue; // using directives are the name check's; namespace names are declarations

                var info = model.GetSymbolInfo(name);
                var symbols = info.Symbol != null ? [info.Symbol] : info.CandidateSymbols;
                // a namespace is only the way to a type; the type at the end of the name is what gets reported
                foreach (var symbol in symbols.Where(s => s is not INamespaceSymbol))
                {
                    var ns = NamespaceOf(symbol);
                    if (IsForbiddenNamespace(ns))
                        violations.Add(At(tree, name, $"uses {symbol.ToDisplayString()} from namespace {ns}"));
                }

            }
        }
        return violations.Distinct().ToList();
    }

    #endregion

    #region Helpers

    /// <summary>The .NET runtime's own assemblies (Microsoft.NETCore.App), nothing from NuGet or the repository.</summary>
    public static IReadOnlyList<MetadataReference> BaseClassLibrary() => _baseClassLibrary.Value;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> _baseClassLibrary = new(() =>
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return TrustedPlatformAssemblies()
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    // every assembly the test run can load: the BCL, the nopCommerce reference assemblies, Quartz, the plugin
    private static IReadOnlyList<MetadataReference> EverythingLoadable() => _everythingLoadable.Value;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> _everythingLoadable = new(() => TrustedPlatformAssemblies()
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToList());

    private static IEnumerable<string> TrustedPlatformAssemblies() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));

    private static string NamespaceOf(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => ns.ToDisplayString(),
        IArrayTypeSymbol array => NamespaceOf(array.ElementType),
        IPointerTypeSymbol pointer => NamespaceOf(pointer.PointedAtType),
        ITypeParameterSymbol => null,
        INamedTypeSymbol type => type.ContainingNamespace?.ToDisplayString(),
        IMethodSymbol { ReducedFrom: { } extension } => NamespaceOf(extension.ContainingType),
        _ when symbol.ContainingType != null => NamespaceOf(symbol.ContainingType),
        _ => null
    };

    /// <summary>A name as written, without global:: and generic arguments: global::Nop.Core.IPagedList&lt;T&gt; gives Nop.Core.IPagedList.</summary>
    private static string WrittenName(SyntaxNode node)
    {
        var text = ApiDeclarationEmitter.Flat(node).Replace("global::", string.Empty, StringComparison.Ordinal);
        return Regex.Replace(_dottedPrefix.Match(text).Value, @"\s+", string.Empty).Replace("@", string.Empty, StringComparison.Ordinal);
    }

    private static bool IsInUsingOrNamespaceName(SyntaxNode node) => node.Ancestors().Any(a =>
        a is UsingDirectiveSyntax || a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span));

    private static EngineViolation At(SyntaxTree tree, SyntaxNode node, string what) =>
        new(tree.FilePath, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, what);

    #endregion
}
