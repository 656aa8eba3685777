using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>
/// Writes the public and protected declarations of C# source in the normalized one-line form of
/// the api.txt listings (see ../shared/nopcommerce-4.90/README.md). Syntax only, like the tool that
/// produced the listings: nothing is compiled, types are written as in the source.
/// </summary>
public static class ApiDeclarationEmitter
{
    /// <summary>
    /// Preprocessor symbols of a net9.0 build, so <c>#if NET...</c> regions read the way the
    /// listings (generated for the net9.0 / netstandard builds) read them.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Preview,
        DocumentationMode.None,
        SourceCodeKind.Regular,
        [
            "NET", "NET9_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER",
            "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER"
        ]);

    // The modifiers the listing keeps, in the order it writes them ("static new" reads "new static").
    private static readonly string[] _keptModifiers =
        ["new", "static", "abstract", "virtual", "sealed", "override", "required"];

    /// <summary>Parses one source text the way the emitter expects.</summary>
    public static SyntaxTree Parse(string source, string path = "") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>Emits the declarations of all given trees, which together make up one assembly.</summary>
    public static IReadOnlyList<ApiDeclaration> Emit(string assembly, IEnumerable<SyntaxTree> trees)
    {
        // Partial parts of one type are collected first, so the type appears once with merged base lists.
        var types = new Dictionary<string, TypeGroup>(StringComparer.Ordinal);
        var order = new List<TypeGroup>();
        foreach (var tree in trees)
            CollectTypes(tree.GetRoot().ChildNodes(), @namespace: string.Empty, parent: null, tree.FilePath, types, order);

        var declarations = new List<ApiDeclaration>();
        foreach (var group in order.Where(IsVisible))
            EmitType(assembly, group, declarations);

        return declarations;
    }

    /// <summary>Emits the declarations of a single source text (for tests and tools).</summary>
    public static IReadOnlyList<ApiDeclaration> Emit(string assembly, string source) =>
        Emit(assembly, [Parse(source, "source.cs")]);

    #region Collecting types

    private sealed class TypeGroup
    {
        public string Key { get; init; }
        public TypeGroup Parent { get; init; }
        public List<(MemberDeclarationSyntax Node, string File)> Parts { get; } = [];
        public bool? VisibleMemo { get; set; }
    }

    private static void CollectTypes(IEnumerable<SyntaxNode> nodes, string @namespace, TypeGroup parent, string file,
        Dictionary<string, TypeGroup> types, List<TypeGroup> order)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    var name = Flat(ns.Name);
                    CollectTypes(ns.Members, @namespace.Length == 0 ? name : $"{@namespace}.{name}", parent, file, types, order);
                    break;

                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    var member = (MemberDeclarationSyntax)node;
                    var segment = TypeSegment(member);
                    var key = parent != null ? $"{parent.Key}.{segment}"
                        : @namespace.Length == 0 ? segment : $"{@namespace}.{segment}";

                    if (!types.TryGetValue(key, out var group))
                    {
                        group = new TypeGroup { Key = key, Parent = parent };
                        types.Add(key, group);
                        order.Add(group);
                    }
                    group.Parts.Add((member, file));

                    if (member is TypeDeclarationSyntax typeDeclaration)
                        CollectTypes(typeDeclaration.Members, @namespace, group, file, types, order);
                    break;
            }
        }
    }

    private static string TypeSegment(MemberDeclarationSyntax type)
    {
        var (identifier, typeParameters) = type switch
        {
            TypeDeclarationSyntax t => (t.Identifier.Text, t.TypeParameterList),
            DelegateDeclarationSyntax d => (d.Identifier.Text, d.TypeParameterList),
            BaseTypeDeclarationSyntax b => (b.Identifier.Text, null),
            _ => throw new ArgumentOutOfRangeException(nameof(type))
        };
        var arity = typeParameters?.Parameters.Count ?? 0;
        return arity == 0 ? identifier : $"{identifier}`{arity}";
    }

    private static bool IsVisible(TypeGroup group)
    {
        if (group.VisibleMemo is bool known)
            return known;

        var containerKind = group.Parent == null ? Container.Namespace : ContainerOf(group.Parent);
        var explicitModifiers = group.Parts.Select(p => p.Node.Modifiers).FirstOrDefault(HasAccessModifier);
        var visible = AccessOf(explicitModifiers, containerKind) != Access.Hidden
            && (group.Parent == null || IsVisible(group.Parent));

        group.VisibleMemo = visible;
        return visible;
    }

    private static Container ContainerOf(TypeGroup group) => group.Parts[0].Node switch
    {
        InterfaceDeclarationSyntax => Container.Interface,
        EnumDeclarationSyntax => Container.Enum,
        _ => Container.ClassOrStruct
    };

    #endregion

    #region Types

    private static void EmitType(string assembly, TypeGroup group, List<ApiDeclaration> output)
    {
        var first = group.Parts[0].Node;
        var containerKind = group.Parent == null ? Container.Namespace : ContainerOf(group.Parent);
        var modifiers = group.Parts.SelectMany(p => p.Node.Modifiers).ToList();
        var access = AccessOf(group.Parts.Select(p => p.Node.Modifiers).FirstOrDefault(HasAccessModifier), containerKind);

        void Add(string kind, string signature, SyntaxNode node, string file) =>
            output.Add(new ApiDeclaration(assembly, group.Key, kind, signature, file, LineOf(node)));

        var prefix = Prefix(access, modifiers, keepReadonly: false);

        if (first is DelegateDeclarationSyntax @delegate)
        {
            Add(ApiKinds.Delegate,
                $"{prefix}delegate {Flat(@delegate.ReturnType)} {@delegate.Identifier.Text}{TypeParameters(@delegate.TypeParameterList)}" +
                $"{Parameters(@delegate.ParameterList)}{Constraints(@delegate.ConstraintClauses)}",
                @delegate, group.Parts[0].File);
            return;
        }

        var (kind, keyword) = first switch
        {
            ClassDeclarationSyntax => (ApiKinds.Class, "class"),
            InterfaceDeclarationSyntax => (ApiKinds.Interface, "interface"),
            StructDeclarationSyntax => (ApiKinds.Struct, "struct"),
            EnumDeclarationSyntax => (ApiKinds.Enum, "enum"),
            RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => (ApiKinds.Record, "record struct"),
            RecordDeclarationSyntax => (ApiKinds.Record, "record"),
            _ => throw new NotSupportedException($"Unexpected type declaration {first.Kind()}")
        };

        var typeDeclarations = group.Parts.Select(p => p.Node).OfType<TypeDeclarationSyntax>().ToList();
        var name = ((BaseTypeDeclarationSyntax)first).Identifier.Text;
        var typeParameters = TypeParameters(typeDeclarations.FirstOrDefault()?.TypeParameterList);
        var positional = typeDeclarations.Select(t => t.ParameterList).FirstOrDefault(p => p != null);
        var bases = group.Parts
            .Select(p => ((BaseTypeDeclarationSyntax)p.Node).BaseList)
            .Where(b => b != null)
            .SelectMany(b => b.Types.Select(t => Flat(t.Type)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var constraints = typeDeclarations.Select(t => t.ConstraintClauses).FirstOrDefault(c => c.Count > 0);

        Add(kind,
            $"{prefix}{keyword} {name}{typeParameters}{(positional != null ? Parameters(positional) : string.Empty)}" +
            $"{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}{Constraints(constraints)}",
            first, group.Parts[0].File);

        if (first is RecordDeclarationSyntax && positional != null)
            EmitPositionalRecordMembers(name, positional, typeDeclarations, keyword == "record struct" && !modifiers.Any(m => m.IsKind(SyntaxKind.ReadOnlyKeyword)), Add, group.Parts[0].File);

        var memberContainer = ContainerOf(group);
        foreach (var (part, file) in group.Parts)
        {
            if (part is EnumDeclarationSyntax @enum)
            {
                foreach (var value in @enum.Members)
                    Add(ApiKinds.EnumValue,
                        value.EqualsValue == null ? value.Identifier.Text : $"{value.Identifier.Text} = {Flat(value.EqualsValue.Value)}",
                        value, file);
                continue;
            }

            foreach (var member in ((TypeDeclarationSyntax)part).Members)
            {
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                    continue; // nested types are groups of their own

                var memberAccess = AccessOf(member.Modifiers, memberContainer);
                if (memberAccess == Access.Hidden)
                    continue;

                foreach (var (memberKind, signature) in EmitMember(member, memberAccess, name))
                    Add(memberKind, signature, member, file);
            }
        }
    }

    private static void EmitPositionalRecordMembers(string name, ParameterListSyntax parameters, List<TypeDeclarationSyntax> parts,
        bool mutable, Action<string, string, SyntaxNode, string> add, string file)
    {
        add(ApiKinds.Ctor, $"{name}{Parameters(parameters)}", parameters, file);

        var declaredNames = parts.SelectMany(p => p.Members)
            .Select(m => m switch
            {
                PropertyDeclarationSyntax p => p.Identifier.Text,
                FieldDeclarationSyntax f => f.Declaration.Variables.FirstOrDefault()?.Identifier.Text,
                _ => null
            })
            .Where(n => n != null)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var parameter in parameters.Parameters.Where(p => !declaredNames.Contains(p.Identifier.Text)))
            add(ApiKinds.Property, $"{Flat(parameter.Type)} {parameter.Identifier.Text} {{ get; {(mutable ? "set" : "init")}; }}", parameter, file);
    }

    #endregion

    #region Members

    private static IEnumerable<(string Kind, string Signature)> EmitMember(MemberDeclarationSyntax member, Access access, string typeName)
    {
        var isField = member is BaseFieldDeclarationSyntax;
        var prefix = Prefix(access, member.Modifiers, keepReadonly: isField);

        switch (member)
        {
            case ConstructorDeclarationSyntax ctor when !ctor.Modifiers.Any(SyntaxKind.StaticKeyword):
                yield return (ApiKinds.Ctor, $"{prefix}{ctor.Identifier.Text}{Parameters(ctor.ParameterList)}");
                break;

            case MethodDeclarationSyntax method when method.ExplicitInterfaceSpecifier == null:
                yield return (ApiKinds.Method,
                    $"{prefix}{Flat(method.ReturnType)} {method.Identifier.Text}{TypeParameters(method.TypeParameterList)}" +
                    $"{Parameters(method.ParameterList)}{Constraints(method.ConstraintClauses)}");
                break;

            case PropertyDeclarationSyntax property when property.ExplicitInterfaceSpecifier == null:
                var isStatic = property.Modifiers.Any(SyntaxKind.StaticKeyword);
                var body = property.ExpressionBody != null && isStatic ? $" => {Flat(property.ExpressionBody.Expression)}" : string.Empty;
                yield return (ApiKinds.Property,
                    $"{prefix}{Flat(property.Type)} {property.Identifier.Text} {Accessors(property.AccessorList, property.ExpressionBody != null)}{body}");
                break;

            case IndexerDeclarationSyntax indexer when indexer.ExplicitInterfaceSpecifier == null:
                yield return (ApiKinds.Indexer,
                    $"{prefix}{Flat(indexer.Type)} this[{string.Join(", ", indexer.ParameterList.Parameters.Select(Parameter))}] " +
                    Accessors(indexer.AccessorList, indexer.ExpressionBody != null));
                break;

            case FieldDeclarationSyntax field:
                var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                foreach (var variable in field.Declaration.Variables)
                {
                    yield return isConst
                        ? (ApiKinds.Const, $"{prefix}{Flat(field.Declaration.Type)} {variable.Identifier.Text} = {Flat(variable.Initializer?.Value)}")
                        : (ApiKinds.Field, $"{prefix}{Flat(field.Declaration.Type)} {variable.Identifier.Text}");
                }
                break;

            case EventFieldDeclarationSyntax eventField:
                foreach (var variable in eventField.Declaration.Variables)
                    yield return (ApiKinds.Event, $"{prefix}{Flat(eventField.Declaration.Type)} {variable.Identifier.Text}");
                break;

            case EventDeclarationSyntax @event when @event.ExplicitInterfaceSpecifier == null:
                yield return (ApiKinds.Event, $"{prefix}{Flat(@event.Type)} {@event.Identifier.Text}");
                break;

            case OperatorDeclarationSyntax @operator when @operator.ExplicitInterfaceSpecifier == null:
                var @checked = @operator.CheckedKeyword.IsKind(SyntaxKind.CheckedKeyword) ? "checked " : string.Empty;
                yield return (ApiKinds.Operator,
                    $"{prefix}{Flat(@operator.ReturnType)} operator {@checked}{@operator.OperatorToken.Text}{Parameters(@operator.ParameterList)}");
                break;

            case ConversionOperatorDeclarationSyntax conversion when conversion.ExplicitInterfaceSpecifier == null:
                yield return (ApiKinds.Operator,
                    $"{prefix}{conversion.ImplicitOrExplicitKeyword.Text} operator {Flat(conversion.Type)}{Parameters(conversion.ParameterList)}");
                break;

            // destructors, static constructors and explicit interface implementations are not API
        }
    }

    private static string Accessors(AccessorListSyntax accessors, bool expressionBodied)
    {
        if (expressionBodied || accessors == null)
            return "{ get; }";

        // private, internal and private protected accessors are invisible from outside the assembly
        var visible = accessors.Accessors
            .Where(a => !a.Modifiers.Any(SyntaxKind.PrivateKeyword)
                && !(a.Modifiers.Any(SyntaxKind.InternalKeyword) && !a.Modifiers.Any(SyntaxKind.ProtectedKeyword)))
            .Select(a => a.Modifiers.Any(SyntaxKind.ProtectedKeyword) ? $"protected {a.Keyword.Text};" : $"{a.Keyword.Text};");

        return $"{{ {string.Join(" ", visible)} }}";
    }

    #endregion

    #region Pieces

    private enum Access { Public, Protected, Hidden }

    private enum Container { Namespace, ClassOrStruct, Interface, Enum }

    private static bool HasAccessModifier(SyntaxTokenList modifiers) => modifiers.Any(m =>
        m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.PrivateKeyword)
        || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.FileKeyword));

    private static Access AccessOf(SyntaxTokenList modifiers, Container container)
    {
        if (modifiers.Any(SyntaxKind.PublicKeyword))
            return Access.Public;

        if (modifiers.Any(SyntaxKind.ProtectedKeyword))
            return modifiers.Any(SyntaxKind.PrivateKeyword) ? Access.Hidden : Access.Protected; // private protected is not visible outside

        if (HasAccessModifier(modifiers))
            return Access.Hidden;

        // no access modifier: interface and enum members are public, everything else private or internal
        return container is Container.Interface or Container.Enum ? Access.Public : Access.Hidden;
    }

    private static string Prefix(Access access, IEnumerable<SyntaxToken> modifiers, bool keepReadonly)
    {
        var present = modifiers.Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        var builder = new StringBuilder();
        if (access == Access.Protected)
            builder.Append("protected ");
        foreach (var modifier in _keptModifiers.Where(present.Contains))
            builder.Append(modifier).Append(' ');
        if (keepReadonly && present.Contains("readonly"))
            builder.Append("readonly ");
        return builder.ToString();
    }

    private static string TypeParameters(TypeParameterListSyntax list) => list == null || list.Parameters.Count == 0
        ? string.Empty
        : $"<{string.Join(", ", list.Parameters.Select(p => p.VarianceKeyword.IsKind(SyntaxKind.None) ? p.Identifier.Text : $"{p.VarianceKeyword.Text} {p.Identifier.Text}"))}>";

    private static string Parameters(BaseParameterListSyntax list) =>
        $"({string.Join(", ", list.Parameters.Select(Parameter))})";

    private static string Parameter(ParameterSyntax parameter)
    {
        var parts = parameter.Modifiers.Select(m => m.Text).ToList();
        if (parameter.Type != null)
            parts.Add(Flat(parameter.Type));
        parts.Add(parameter.Identifier.Text);
        var text = string.Join(" ", parts.Where(p => p.Length > 0));
        return parameter.Default == null ? text : $"{text} = {Flat(parameter.Default.Value)}";
    }

    private static string Constraints(SyntaxList<TypeParameterConstraintClauseSyntax> clauses) =>
        string.Concat(clauses.Select(c => $" where {c.Name.Identifier.Text} : {string.Join(", ", c.Constraints.Select(Flat))}"));

    /// <summary>
    /// The text of a node on one line: tokens as written, a single space wherever the source had
    /// whitespace, a line break or a comment between two tokens. String literals stay untouched.
    /// </summary>
    public static string Flat(SyntaxNode node)
    {
        if (node == null)
            return string.Empty;

        var builder = new StringBuilder();
        SyntaxToken previous = default;
        foreach (var token in node.DescendantTokens())
        {
            if (token.Text.Length == 0)
                continue;
            if (builder.Length > 0 && (previous.TrailingTrivia.Count > 0 || token.LeadingTrivia.Count > 0))
                builder.Append(' ');
            builder.Append(token.Text);
            previous = token;
        }
        return builder.ToString();
    }

    private static int LineOf(SyntaxNode node)
    {
        // The line of the declaration itself, not of the attributes or doc comment above it.
        var anchor = node switch
        {
            MemberDeclarationSyntax member when member.Modifiers.Count > 0 => member.Modifiers[0],
            _ => node.GetFirstToken()
        };
        return anchor.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
    }

    #endregion
}
