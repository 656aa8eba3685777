using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Definition;

[TestFixture]
public class FlowDurationTests
{
    [TestCase("30m", 30 * 60)]
    [TestCase("1d12h", 36 * 3600)]
    [TestCase("2w", 14 * 86400)]
    [TestCase("1h30m15s", 5415)]
    [TestCase("0s", 0)]
    public void A_duration_with_units_largest_first_is_read_as_seconds(string text, int seconds)
    {
        Assert.That(FlowDuration.TryParse(text, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("5")]
    [TestCase("d")]
    [TestCase("-1d")]
    [TestCase("1h1h")]
    [TestCase("30m2h")]
    [TestCase("1 d")]
    [TestCase("1M")]
    [TestCase("99999w")]
    public void A_malformed_negative_or_huge_duration_is_refused(string text)
    {
        Assert.That(FlowDuration.TryParse(text, out _), Is.False);
    }

    [Test]
    public void A_duration_written_out_reads_back_the_same()
    {
        var duration = new TimeSpan(3, 4, 5, 6);

        Assert.That(FlowDuration.TryParse(FlowDuration.Format(duration), out var back), Is.True);
        Assert.That(back, Is.EqualTo(duration));
    }
}
