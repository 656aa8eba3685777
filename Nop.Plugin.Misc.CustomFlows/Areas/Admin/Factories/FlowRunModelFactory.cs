using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Services.Catalog;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;

/// <summary>
/// Builds the run inspector's models from <see cref="IFlowRunInspector"/>: times moved to the admin's time zone,
/// statuses and event kinds put into the admin's language
/// </summary>
public partial class FlowRunModelFactory : IFlowRunModelFactory
{
    #region Fields

    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IFlowRunInspector _runInspector;
    private readonly ILocalizationService _localizationService;
    private readonly IPermissionService _permissionService;
    private readonly IPriceFormatter _priceFormatter;

    #endregion

    #region Ctor

    public FlowRunModelFactory(IDateTimeHelper dateTimeHelper,
        IFlowRunInspector runInspector,
        ILocalizationService localizationService,
        IPermissionService permissionService,
        IPriceFormatter priceFormatter)
    {
        _dateTimeHelper = dateTimeHelper;
        _runInspector = runInspector;
        _localizationService = localizationService;
        _permissionService = permissionService;
        _priceFormatter = priceFormatter;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public virtual async Task<CustomerRunsModel> PrepareCustomerRunsModelAsync(string email)
    {
        var model = new CustomerRunsModel { Email = email?.Trim() };
        if (string.IsNullOrEmpty(model.Email))
            return model;

        var found = await _runInspector.FindCustomerRunsAsync(model.Email);
        model.Searched = true;
        model.CustomerId = found.CustomerId;
        model.MoreRunsExist = found.Runs.Count >= FlowRunInspector.MaxRunsListed;
        foreach (var run in found.Runs)
        {
            model.Runs.Add(new CustomerRunModel
            {
                RunId = run.RunId,
                FlowId = run.FlowId,
                FlowName = run.FlowName,
                VersionNumber = run.VersionNumber,
                Status = await StatusTextAsync(run.Status),
                IsOpen = IsOpen(run.Status),
                StartedOn = await UserTimeAsync(run.StartedOnUtc),
                EndedOn = await UserTimeAsync(run.EndedOnUtc),
                CurrentStep = run.CurrentStep,
                WaitingUntil = await UserTimeAsync(run.WaitingUntilUtc),
                Converted = run.Converted,
                Revenue = await _priceFormatter.FormatPriceAsync(run.Revenue, true, false),
                ExitReason = run.ExitReason
            });
        }

        return model;
    }

    /// <inheritdoc />
    public virtual async Task<FlowRunModel> PrepareFlowRunModelAsync(int runId)
    {
        var timeline = await _runInspector.GetRunTimelineAsync(runId);
        if (timeline == null)
            return null;

        var model = new FlowRunModel
        {
            RunId = timeline.RunId,
            FlowId = timeline.FlowId,
            FlowName = timeline.FlowName,
            VersionNumber = timeline.VersionNumber,
            Status = await StatusTextAsync(timeline.Status),
            IsOpen = IsOpen(timeline.Status),
            CanEnd = await _permissionService.AuthorizeAsync(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)
        };

        //the service already sorts by time; sorting here again would reorder events of the same moment
        foreach (var entry in timeline.Entries)
        {
            model.Entries.Add(new FlowRunEntryModel
            {
                At = await UserTimeAsync(entry.AtUtc),
                Kind = await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Runs.Kind.{entry.Kind}"),
                Step = entry.NodeLabel,
                Details = entry.Details
            });
        }

        foreach (var visit in timeline.StepsVisited)
            model.StepsVisited.Add(new FlowRunStepModel { Step = visit.NodeLabel, Visits = visit.Visits, Details = visit.Details });

        return model;
    }

    #endregion

    #region Utilities

    private static bool IsOpen(FlowRunStatus status) => status is FlowRunStatus.Running or FlowRunStatus.Waiting;

    private Task<string> StatusTextAsync(FlowRunStatus status) =>
        _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Runs.Status.{status}");

    private Task<DateTime> UserTimeAsync(DateTime utc) => _dateTimeHelper.ConvertToUserTimeAsync(utc, DateTimeKind.Utc);

    private async Task<DateTime?> UserTimeAsync(DateTime? utc) => utc is { } value ? await UserTimeAsync(value) : null;

    #endregion
}
