using Nop.Plugin.Misc.CustomFlows.Engine.Time;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

[TestFixture]
public class LocalTimeTests
{
    [Test]
    public void A_local_time_skipped_by_the_spring_clock_change_becomes_the_first_time_after_it()
    {
        // on 29 March 2026 Warsaw jumps from 02:00 to 03:00; 02:30 does not exist
        var utc = LocalTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Warsaw);

        // 03:00 CEST is 01:00 UTC
        Assert.That(utc, Is.EqualTo(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void A_wait_until_a_time_of_day_keeps_the_local_hour_across_the_autumn_clock_change()
    {
        // Saturday 24 October 2026 12:00 UTC; the clocks go back on Sunday 25 October
        var from = new DateTime(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc);

        var due = WaitSchedule.NextAllowed(from.AddDays(1), new TimeOnly(9, 0), WaitSchedule.EveryDay, Warsaw);

        // Monday 09:00 in Warsaw, now CET (UTC+1)
        Assert.That(due, Is.EqualTo(new DateTime(2026, 10, 26, 8, 0, 0, DateTimeKind.Utc)));
    }
}
