namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>
/// One public or protected declaration in the normalized one-line form of the api.txt listings:
/// <c>&lt;Assembly&gt; | &lt;Namespace&gt;.&lt;Type&gt;[`N] | &lt;kind&gt; | &lt;signature&gt;</c>.
/// </summary>
/// <param name="Assembly">Assembly name, e.g. <c>Nop.Core</c>.</param>
/// <param name="TypeKey">Namespace-qualified type with arity suffixes, e.g. <c>Nop.Core.Events.EntityInsertedEvent`1</c>.</param>
/// <param name="Kind">class, interface, struct, enum, record, delegate, ctor, method, property, field,
/// const, event, enumvalue, indexer or operator.</param>
/// <param name="Signature">The normalized signature.</param>
/// <param name="File">Where it was declared (path as given to the parser).</param>
/// <param name="Line">1-based line of the declaration.</param>
public sealed record ApiDeclaration(string Assembly, string TypeKey, string Kind, string Signature, string File, int Line)
{
    /// <summary>The declaration exactly as a line of api.txt would read.</summary>
    public string ListingLine => $"{Assembly} | {TypeKey} | {Kind} | {Signature}";

    /// <summary>Kind and signature: what identifies a member within its type.</summary>
    public string MemberPart => $"{Kind} | {Signature}";

    /// <summary>True for the line that declares the type itself rather than one of its members.</summary>
    public bool IsTypeLine => ApiKinds.TypeKinds.Contains(Kind);

    public override string ToString() => ListingLine;
}

/// <summary>The kind names used in the listings.</summary>
public static class ApiKinds
{
    public const string Class = "class";
    public const string Interface = "interface";
    public const string Struct = "struct";
    public const string Enum = "enum";
    public const string Record = "record";
    public const string Delegate = "delegate";
    public const string Ctor = "ctor";
    public const string Method = "method";
    public const string Property = "property";
    public const string Field = "field";
    public const string Const = "const";
    public const string Event = "event";
    public const string EnumValue = "enumvalue";
    public const string Indexer = "indexer";
    public const string Operator = "operator";

    public static readonly IReadOnlySet<string> TypeKinds =
        new HashSet<string>(StringComparer.Ordinal) { Class, Interface, Struct, Enum, Record, Delegate };
}
