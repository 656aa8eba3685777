using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

[TestFixture]
public class FlowRunActiveKeyTests
{
    [Test]
    public void Active_runs_of_the_same_flow_customer_and_entry_key_share_a_key()
    {
        Assert.That(FlowRunActiveKey.ForActive(3, 42, "order-7"), Is.EqualTo(FlowRunActiveKey.ForActive(3, 42, "order-7")));
        Assert.That(FlowRunActiveKey.ForActive(3, 42, null), Is.EqualTo(FlowRunActiveKey.ForActive(3, 42, string.Empty)));
    }

    [Test]
    public void Different_triples_get_different_keys()
    {
        var keys = new[]
        {
            FlowRunActiveKey.ForActive(1, 23, ""),
            FlowRunActiveKey.ForActive(12, 3, ""),
            FlowRunActiveKey.ForActive(1, 2, "3"),
            FlowRunActiveKey.ForActive(1, 2, "")
        };

        Assert.That(keys, Is.Unique, "the separator keeps 1|23 apart from 12|3");
    }

    [Test]
    public void An_ended_run_key_never_collides_with_an_active_key_or_another_ended_run()
    {
        Assert.That(FlowRunActiveKey.ForEnded(5), Is.Not.EqualTo(FlowRunActiveKey.ForEnded(6)));
        Assert.That(FlowRunActiveKey.ForEnded(5), Does.Not.Match(@"^\d+\|\d+\|"));
    }

    [Test]
    public void The_longest_allowed_entry_key_fits_the_column()
    {
        var key = FlowRunActiveKey.ForActive(int.MaxValue, int.MaxValue, new string('x', FlowRunActiveKey.MaxEntryKeyLength));

        Assert.That(key.Length, Is.LessThanOrEqualTo(FlowFieldLengths.ActiveKey));
        Assert.That(FlowRunActiveKey.ForEnded(int.MaxValue).Length, Is.LessThanOrEqualTo(FlowFieldLengths.ActiveKey));
    }

    [Test]
    public void A_too_long_entry_key_or_an_unsaved_run_is_refused()
    {
        Assert.That(() => FlowRunActiveKey.ForActive(1, 1, new string('x', FlowRunActiveKey.MaxEntryKeyLength + 1)), Throws.ArgumentException);
        Assert.That(() => FlowRunActiveKey.ForEnded(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
