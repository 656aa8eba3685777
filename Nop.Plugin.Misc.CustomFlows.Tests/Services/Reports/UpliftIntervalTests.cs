using Nop.Plugin.Misc.CustomFlows.Services.Reports;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Reports;

[TestFixture]
public class UpliftIntervalTests
{
    [Test]
    public void Twelve_percent_against_ten_percent_of_a_thousand_each_is_two_points_with_the_normal_approximation_interval()
    {
        // p1 = 120/1000 = .12, p2 = 100/1000 = .10, diff = .02
        // se = sqrt(.12 * .88 / 1000 + .10 * .90 / 1000) = sqrt(.0001056 + .00009) = sqrt(.0001956) = .0139857...
        // 1.96 * se = .0274120..., so the interval is [-.0074120, .0474120]
        var uplift = UpliftInterval.Compute(1000, 120, 1000, 100);

        Assert.That(uplift.Difference, Is.EqualTo(0.02).Within(1e-12));
        Assert.That(uplift.StandardError, Is.EqualTo(0.0139857).Within(1e-7));
        Assert.That(uplift.Lower, Is.EqualTo(-0.0074120).Within(1e-7));
        Assert.That(uplift.Upper, Is.EqualTo(0.0474120).Within(1e-7));
    }

    [Test]
    public void A_worse_branch_has_a_negative_difference()
    {
        var uplift = UpliftInterval.Compute(100, 5, 100, 10);

        Assert.That(uplift.Difference, Is.EqualTo(-0.05).Within(1e-12));
        Assert.That(uplift.Upper, Is.LessThan(uplift.Difference + 0.1), "the interval is around the difference");
        Assert.That(uplift.Lower, Is.LessThan(uplift.Difference));
    }

    [TestCase(0, 0, 100, 10)]
    [TestCase(100, 10, 0, 0)]
    public void A_group_without_runs_gives_no_uplift_rather_than_a_number(int n1, int c1, int n2, int c2)
    {
        Assert.That(UpliftInterval.Compute(n1, c1, n2, c2), Is.Null);
    }

    [Test]
    public void More_conversions_than_runs_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UpliftInterval.Compute(10, 11, 10, 1));
    }
}
