namespace Nop.Plugin.Misc.CustomFlows.Services.Customers;

/// <summary>
/// Lets one writer at a time read, change and save a customer's <see cref="Domain.CustomerFlowState"/> row in this
/// application. The inbox and due-runs jobs run side by side and may step two runs of the same customer at once;
/// without the gate one's tag or score change and the other's message memory could overwrite each other, because a
/// repository update writes the whole row. Customers share one of a fixed number of stripes, so memory stays flat.
/// </summary>
public sealed class CustomerStateGate
{
    #region Fields

    /// <summary>
    /// Number of stripes; two customers on one stripe only wait for each other briefly
    /// </summary>
    public const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    #endregion

    #region Methods

    /// <summary>
    /// Waits for the customer's turn
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="cancellationToken">Stops waiting</param>
    /// <returns>The turn; disposing it lets the next writer in</returns>
    public async Task<IDisposable> EnterAsync(int customerId, CancellationToken cancellationToken = default)
    {
        return await SemaphoreTurn.TakeAsync(_stripes[(int)((uint)customerId % Stripes)], cancellationToken);
    }

    /// <summary>
    /// Waits for the turn of two customers at once (a guest whose history moves to an account); stripes are taken
    /// in a fixed order, so two such moves never wait for each other in a circle
    /// </summary>
    /// <param name="customerId">One customer</param>
    /// <param name="otherCustomerId">The other customer</param>
    /// <param name="cancellationToken">Stops waiting</param>
    /// <returns>Both turns; disposing it lets the next writers in</returns>
    public async Task<IDisposable> EnterAsync(int customerId, int otherCustomerId, CancellationToken cancellationToken = default)
    {
        var first = (uint)customerId % Stripes;
        var second = (uint)otherCustomerId % Stripes;
        if (first == second)
            return await EnterAsync(customerId, cancellationToken);

        var lower = await EnterStripeAsync(Math.Min(first, second), cancellationToken);
        try
        {
            var upper = await EnterStripeAsync(Math.Max(first, second), cancellationToken);
            return new Both(lower, upper);
        }
        catch
        {
            lower.Dispose();
            throw;
        }
    }

    private Task<IDisposable> EnterStripeAsync(uint stripeIndex, CancellationToken cancellationToken) =>
        SemaphoreTurn.TakeAsync(_stripes[stripeIndex], cancellationToken);

    #endregion

    #region Nested classes

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            second.Dispose();
            first.Dispose();
        }
    }

    #endregion
}
