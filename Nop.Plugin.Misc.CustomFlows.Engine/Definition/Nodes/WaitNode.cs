namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// Holds the run. Either a time wait (a delay, then optionally the next allowed time of day and
/// weekday in the customer's time zone) or an event wait (until an event or a timeout, two exits).
/// </summary>
public sealed class WaitNode : FlowNode
{
    /// <summary>
    /// Time wait: how long to wait, as a duration ("2d", "1h30m").
    /// </summary>
    public string Delay { get; set; }

    /// <summary>
    /// Time wait: after the delay, go on at the next occurrence of this local time ("09:00").
    /// </summary>
    public string UntilTimeOfDay { get; set; }

    /// <summary>
    /// Time wait: after the delay, go on only on these local weekdays; empty means any day.
    /// </summary>
    public List<DayOfWeek> OnWeekdays { get; set; } = new();

    /// <summary>
    /// Event wait: the event that ends the wait early.
    /// </summary>
    public WaitEvent UntilEvent { get; set; }

    /// <summary>
    /// Event wait: how long to wait for the event before taking <see cref="Next"/>, as a duration.
    /// </summary>
    public string Timeout { get; set; }

    /// <summary>
    /// Step taken when the time wait ends, or when the event wait times out.
    /// </summary>
    public string Next { get; set; }

    /// <summary>
    /// Event wait: step taken when the event happens.
    /// </summary>
    public string OnEvent { get; set; }

    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        yield return ("next", Next);
        if (UntilEvent != null)
            yield return ("onEvent", OnEvent);
    }
}
