using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.CustomFlows.Services.Maintenance;

/// <summary>
/// The daily clean-up: deletes history older than the retention setting in small batches (so the
/// shop's database is never locked for long), and removes pop-ups nobody can see any more.
/// Per-node statistics are kept: the run pump writes them as daily rows as it goes, so there is
/// nothing to roll up and nothing of them to delete.
/// </summary>
public class FlowHousekeeping : IFlowHousekeeping
{
    #region Fields

    /// <summary>
    /// Rows deleted per statement
    /// </summary>
    public const int BatchSize = 500;

    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowHousekeeping(IRepository<FlowActionLog> actionLogRepository,
        IRepository<FlowInboxEvent> inboxRepository,
        IRepository<PendingPopup> popupRepository,
        IRepository<FlowRun> runRepository,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _actionLogRepository = actionLogRepository;
        _inboxRepository = inboxRepository;
        _popupRepository = popupRepository;
        _runRepository = runRepository;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task RunHousekeepingAsync(CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        //switched off (or not installed, when the settings are the defaults): the plugin leaves the database alone
        if (!settings.Enabled)
            return;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-Math.Max(1, settings.RetentionDays));

        await DeleteInBatchesAsync(_runRepository,
            query => query.Where(run => run.EndedOnUtc != null && run.EndedOnUtc < cutoff), cancellationToken);

        //the log of a run still open is kept however old: it holds the run's coupon and what it already did,
        //which a later step and a retry after a crash read (long waits, such as a yearly renewal, outlast the period)
        await DeleteInBatchesAsync(_actionLogRepository,
            query => query.Where(log => log.CreatedOnUtc < cutoff
                && !_runRepository.Table.Any(run => run.Id == log.FlowRunId && run.EndedOnUtc == null)), cancellationToken);

        //events still waiting for a retry are kept whatever their age: deleting them would lose them
        await DeleteInBatchesAsync(_inboxRepository,
            query => query.Where(e => (e.ProcessedOnUtc != null && e.ProcessedOnUtc < cutoff)
                || (e.QuarantinedOnUtc != null && e.QuarantinedOnUtc < cutoff)), cancellationToken);

        await DeleteInBatchesAsync(_popupRepository,
            query => query.Where(popup => (popup.ExpiresOnUtc != null && popup.ExpiresOnUtc <= now)
                || ((popup.ClickedOnUtc != null || popup.DismissedOnUtc != null) && popup.CreatedOnUtc < cutoff)
                //seen and left unanswered (its display rules may never show it again)
                || (popup.LastShownOnUtc != null && popup.LastShownOnUtc < cutoff)), cancellationToken);
    }

    #endregion

    #region Utilities

    private static async Task DeleteInBatchesAsync<TEntity>(IRepository<TEntity> repository,
        Func<IQueryable<TEntity>, IQueryable<TEntity>> filter, CancellationToken cancellationToken) where TEntity : Nop.Core.BaseEntity
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await repository.GetAllAsync(query => filter(query).OrderBy(entity => entity.Id).Take(BatchSize));
            if (batch.Count == 0)
                return;

            var ids = batch.Select(entity => entity.Id).ToList();
            await repository.DeleteAsync(entity => ids.Contains(entity.Id));

            if (batch.Count < BatchSize)
                return;
        }
    }

    #endregion
}
