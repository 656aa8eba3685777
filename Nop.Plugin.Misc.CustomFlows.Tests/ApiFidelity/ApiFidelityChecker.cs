using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>A reference declaration that the listing does not confirm, with what the listing has instead.</summary>
/// <param name="Declaration">The offending declaration (for a misplaced type: its type line).</param>
/// <param name="Reason">Why it does not match, in words.</param>
/// <param name="Closest">The listing lines most like it, for a developer to compare.</param>
public sealed record FidelityProblem(ApiDeclaration Declaration, string Reason, IReadOnlyList<string> Closest);

/// <summary>
/// Compares emitted reference declarations with the listing: every declaration must be a line of
/// the listing for the same assembly and type.
/// </summary>
public static class ApiFidelityChecker
{
    private const int ClosestCount = 3;

    /// <summary>Returns one problem per declaration not in the listing; a misplaced type is one problem, not one per member.</summary>
    public static IReadOnlyList<FidelityProblem> Check(IEnumerable<ApiDeclaration> declarations, ApiListing listing)
    {
        var problems = new List<FidelityProblem>();

        foreach (var type in declarations.GroupBy(d => (d.Assembly, d.TypeKey)))
        {
            var (assembly, typeKey) = type.Key;
            if (!listing.HasType(assembly, typeKey))
            {
                var typeLine = type.FirstOrDefault(d => d.IsTypeLine) ?? type.First();
                problems.Add(new FidelityProblem(typeLine, MisplacedTypeReason(assembly, typeKey, listing, type.Count()), []));
                continue;
            }

            foreach (var declaration in type.Where(d => !listing.Contains(d)))
            {
                problems.Add(new FidelityProblem(declaration,
                    $"the listing has no such {declaration.Kind} on {typeKey}",
                    Closest(declaration, listing.MembersOf(assembly, typeKey))));
            }
        }

        return problems;
    }

    /// <summary>A failure message listing every problem with file, line and near misses.</summary>
    public static string Describe(IReadOnlyList<FidelityProblem> problems)
    {
        var text = new StringBuilder();
        text.AppendLine($"{problems.Count} reference declaration(s) differ from the nopCommerce / FluentMigrator API listing:");
        foreach (var problem in problems)
        {
            var declaration = problem.Declaration;
            text.AppendLine();
            text.AppendLine($"{declaration.File}:{declaration.Line}");
            text.AppendLine($"  declared: {declaration.ListingLine}");
            text.AppendLine($"  problem:  {problem.Reason}");
            if (problem.Closest.Count > 0)
            {
                text.AppendLine("  closest in the listing:");
                foreach (var line in problem.Closest)
                    text.AppendLine($"            {declaration.Assembly} | {declaration.TypeKey} | {line}");
            }
        }
        return text.ToString();
    }

    private static string MisplacedTypeReason(string assembly, string typeKey, ApiListing listing, int declarationCount)
    {
        var members = $"({declarationCount} declaration(s) of it not checked)";

        var otherAssemblies = listing.AssembliesOf(typeKey);
        if (otherAssemblies.Count > 0)
            return $"the listing has {typeKey} in assembly {string.Join(", ", otherAssemblies)}, not {assembly}: move it to that reference project {members}";

        var sameName = listing.TypeKeysNamed(ApiListing.SimpleName(typeKey));
        if (sameName.Count > 0)
        {
            var places = sameName.Select(key => $"{key} ({string.Join(", ", listing.AssembliesOf(key))})");
            return $"the listing has no {typeKey}; a type of that name is {string.Join("; ", places)}: wrong namespace or nesting {members}";
        }

        return listing.Assemblies.Contains(assembly)
            ? $"the listing has no type {typeKey} in any assembly: wrong name or generic arity, or not part of the real API {members}"
            : $"no listing covers assembly {assembly} {members}";
    }

    private static IReadOnlyList<string> Closest(ApiDeclaration declaration, IReadOnlyList<string> candidates) =>
        candidates
            .OrderBy(c => c.StartsWith(declaration.Kind + " | ", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => Distance(c, declaration.MemberPart))
            .ThenBy(c => c, StringComparer.Ordinal)
            .Take(ClosestCount)
            .ToList();

    /// <summary>Levenshtein distance; listings have at most a few hundred members per type, so this stays cheap.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
