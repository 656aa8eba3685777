namespace Nop.Plugin.Misc.CustomFlows.Engine.Conditions;

/// <summary>
/// FNV-1a over text and numbers. string.GetHashCode is randomised per process, so it would put a
/// customer in a different A/B branch after every restart; this one never changes.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>
    /// Hash of the parts, in order.
    /// </summary>
    public static ulong Of(string a, string b, long c, long d = 0)
    {
        var hash = OffsetBasis;
        hash = Add(hash, a);
        hash = Add(hash, b);
        hash = Add(hash, c);
        hash = Add(hash, d);
        return hash;
    }

    /// <summary>
    /// A number from 0 (inclusive) to <paramref name="range"/> (exclusive), spread evenly.
    /// </summary>
    public static int Bucket(ulong hash, int range)
    {
        // the low bits of FNV mix poorly for short inputs; fold the high half in
        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (int)(hash % (ulong)range);
    }

    private static ulong Add(ulong hash, string text)
    {
        if (text != null)
        {
            foreach (var ch in text)
            {
                hash = (hash ^ (byte)ch) * Prime;
                hash = (hash ^ (byte)(ch >> 8)) * Prime;
            }
        }

        // separator, so ("ab", "c") and ("a", "bc") differ
        return (hash ^ 0xFF) * Prime;
    }

    private static ulong Add(ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)value) * Prime;
            value >>= 8;
        }

        return hash;
    }
}
