namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Lets one batch of run processing work at a time in this application: the inbox job (which steps a customer's
/// open runs when an event arrives) and the due-runs job would otherwise load, step and save the same run side by
/// side, and the later save would undo the earlier one (a run converted by an order coming back as waiting).
/// Quartz keeps each job from overlapping itself, also in a cluster; this keeps the two apart on one node.
/// </summary>
public sealed class FlowRunGate
{
    #region Fields

    private readonly SemaphoreSlim _turn = new(1, 1);

    #endregion

    #region Methods

    /// <summary>
    /// Waits until no other batch is working
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the scheduler is shutting down)</param>
    /// <returns>The turn; disposing it lets the other job in</returns>
    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => SemaphoreTurn.TakeAsync(_turn, cancellationToken);

    #endregion
}
