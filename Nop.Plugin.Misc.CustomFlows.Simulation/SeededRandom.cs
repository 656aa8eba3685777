namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// SplitMix64: a small seeded generator whose sequence is fixed here, not by the .NET version, so a
/// sample shop generated from a seed is the same shop on every machine and runtime.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    /// <summary>
    /// Creates a generator.
    /// </summary>
    public SeededRandom(long seed)
    {
        _state = (ulong)seed;
    }

    /// <summary>A number from 0 (inclusive) to <paramref name="maxExclusive"/> (exclusive).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "Must be positive.");
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A number from 0 (inclusive) to 1 (exclusive).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
