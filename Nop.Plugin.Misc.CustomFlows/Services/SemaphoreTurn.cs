namespace Nop.Plugin.Misc.CustomFlows.Services;

/// <summary>
/// A turn taken on a semaphore: waits for it, and releases it once, however often it is disposed
/// </summary>
public sealed class SemaphoreTurn : IDisposable
{
    #region Fields

    private SemaphoreSlim _semaphore;

    #endregion

    #region Ctor

    private SemaphoreTurn(SemaphoreSlim semaphore)
    {
        _semaphore = semaphore;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Waits for the semaphore
    /// </summary>
    /// <param name="semaphore">The semaphore</param>
    /// <param name="cancellationToken">Stops waiting</param>
    /// <returns>The turn; disposing it releases the semaphore</returns>
    public static async Task<IDisposable> TakeAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        await semaphore.WaitAsync(cancellationToken);
        return new SemaphoreTurn(semaphore);
    }

    /// <summary>
    /// Releases the semaphore the first time
    /// </summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _semaphore, null)?.Release();
    }

    #endregion
}
