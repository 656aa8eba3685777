namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// How a message quotes a value the flow holds: in quotes, and only its beginning when it is long,
/// so a problem list stays readable whatever was pasted into a property.
/// </summary>
internal static class Excerpt
{
    /// <summary>Characters of a value a message shows at most.</summary>
    public const int MaxLength = 40;

    /// <summary>The value in double quotes, cut after <see cref="MaxLength"/> characters with "…".</summary>
    public static string Quote(string value) => "\"" + Cut(value) + "\"";

    /// <summary>The value cut after <see cref="MaxLength"/> characters with "…" (never in the middle of a surrogate pair).</summary>
    public static string Cut(string value)
    {
        if (value == null || value.Length <= MaxLength)
            return value;

        var length = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return value[..length] + "…";
    }
}
