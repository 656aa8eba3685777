namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// A clock the test moves by hand. Waits (Task.Delay with this provider) finish at once and move the clock by their
/// length, and are recorded, so a back-off of minutes runs in milliseconds and can be asserted.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly List<TimeSpan> _waits = [];

    public TestClock(DateTime utcNow)
    {
        UtcNow = utcNow;
    }

    public DateTime UtcNow { get; set; }

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
                return _waits.ToList();
        }
    }

    public void Advance(TimeSpan by) => UtcNow += by;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));

    public override ITimer CreateTimer(TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_waits)
            {
                _waits.Add(dueTime);
                UtcNow += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
