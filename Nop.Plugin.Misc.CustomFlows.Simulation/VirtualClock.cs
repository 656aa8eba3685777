namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// The simulator's clock: it only moves when the simulator moves it, and never backwards, so a
/// month of waits replays in milliseconds and every run is reproducible.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private DateTime _nowUtc;

    /// <summary>
    /// Creates a clock standing at <paramref name="startUtc"/>.
    /// </summary>
    public VirtualClock(DateTime startUtc)
    {
        _nowUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
    }

    /// <summary>The current virtual time.</summary>
    public DateTime NowUtc => _nowUtc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(_nowUtc, TimeSpan.Zero);

    /// <summary>
    /// Moves the clock forward to <paramref name="utc"/>; an earlier time leaves it where it is,
    /// because what already happened cannot be undone.
    /// </summary>
    public void AdvanceTo(DateTime utc)
    {
        if (utc > _nowUtc)
            _nowUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }
}
