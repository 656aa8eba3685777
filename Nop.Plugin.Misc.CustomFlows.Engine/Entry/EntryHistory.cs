namespace Nop.Plugin.Misc.CustomFlows.Engine.Entry;

/// <summary>
/// A customer's earlier runs of one flow, as the re-entry rule needs them.
/// </summary>
/// <param name="HasOpenRun">Whether a run of the flow has not ended.</param>
/// <param name="LastEnteredOnUtc">When the customer last entered the flow, or null when never.</param>
public sealed record EntryHistory(bool HasOpenRun, DateTime? LastEnteredOnUtc)
{
    /// <summary>A customer who never entered the flow.</summary>
    public static EntryHistory None { get; } = new(false, null);
}
