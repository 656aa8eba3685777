namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>
/// The api.txt listings in memory, indexed by assembly and type so a declaration is looked up in
/// constant time and near misses can be shown for the same type.
/// </summary>
public sealed class ApiListing
{
    private const string Separator = " | ";

    // "<assembly> | <type key>" -> member parts ("<kind> | <signature>") of that type
    private readonly Dictionary<string, List<string>> _membersByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _memberSetByType = new(StringComparer.Ordinal);
    // type key -> assemblies that declare it
    private readonly Dictionary<string, SortedSet<string>> _assembliesByTypeKey = new(StringComparer.Ordinal);
    // last segment of a type key (name with arity) -> full type keys
    private readonly Dictionary<string, SortedSet<string>> _typeKeysBySimpleName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assemblies = new(StringComparer.Ordinal);

    /// <summary>Number of declaration lines read.</summary>
    public int LineCount { get; private set; }

    /// <summary>The assemblies the listing covers.</summary>
    public IReadOnlySet<string> Assemblies => _assemblies;

    /// <summary>Reads listing files (UTF-8, one declaration a line).</summary>
    public static ApiListing Load(IEnumerable<string> paths) =>
        Parse(paths.SelectMany(File.ReadLines));

    /// <summary>Builds a listing from lines in the api.txt format; blank lines are ignored.</summary>
    public static ApiListing Parse(IEnumerable<string> lines)
    {
        var listing = new ApiListing();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
                continue;

            // the signature may itself contain " | " (an expression), so split into four at most
            var parts = line.Split(Separator, 4);
            if (parts.Length != 4)
                throw new FormatException($"Not a listing line (expected '<Assembly> | <Type> | <kind> | <signature>'): {line}");

            listing.Add(parts[0], parts[1], $"{parts[2]}{Separator}{parts[3]}");
        }
        return listing;
    }

    private void Add(string assembly, string typeKey, string memberPart)
    {
        LineCount++;
        _assemblies.Add(assembly);

        var typeId = TypeId(assembly, typeKey);
        if (!_memberSetByType.TryGetValue(typeId, out var set))
        {
            _memberSetByType[typeId] = set = new HashSet<string>(StringComparer.Ordinal);
            _membersByType[typeId] = [];
        }
        if (set.Add(memberPart))
            _membersByType[typeId].Add(memberPart);

        GetOrAdd(_assembliesByTypeKey, typeKey).Add(assembly);
        GetOrAdd(_typeKeysBySimpleName, SimpleName(typeKey)).Add(typeKey);
    }

    /// <summary>Whether the listing has this exact line.</summary>
    public bool Contains(ApiDeclaration declaration) =>
        _memberSetByType.TryGetValue(TypeId(declaration.Assembly, declaration.TypeKey), out var set)
        && set.Contains(declaration.MemberPart);

    /// <summary>Whether the listing has the type in the assembly.</summary>
    public bool HasType(string assembly, string typeKey) => _memberSetByType.ContainsKey(TypeId(assembly, typeKey));

    /// <summary>All "kind | signature" lines of a type, empty when the listing does not have it.</summary>
    public IReadOnlyList<string> MembersOf(string assembly, string typeKey) =>
        _membersByType.TryGetValue(TypeId(assembly, typeKey), out var members) ? members : [];

    /// <summary>The assemblies in which the listing has a type with exactly this key.</summary>
    public IReadOnlyCollection<string> AssembliesOf(string typeKey) =>
        _assembliesByTypeKey.TryGetValue(typeKey, out var assemblies) ? assemblies : [];

    /// <summary>Type keys of the listing whose last segment (name and arity) matches, whatever the namespace.</summary>
    public IReadOnlyCollection<string> TypeKeysNamed(string simpleName) =>
        _typeKeysBySimpleName.TryGetValue(simpleName, out var keys) ? keys : [];

    /// <summary>The last segment of a type key: <c>Nop.Core.IPagedList`1</c> gives <c>IPagedList`1</c>.</summary>
    public static string SimpleName(string typeKey)
    {
        var dot = typeKey.LastIndexOf('.');
        return dot < 0 ? typeKey : typeKey[(dot + 1)..];
    }

    private static string TypeId(string assembly, string typeKey) => $"{assembly}{Separator}{typeKey}";

    private static SortedSet<string> GetOrAdd(Dictionary<string, SortedSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
            map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        return set;
    }
}
