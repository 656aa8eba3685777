using System.Globalization;
using System.Text.Json.Nodes;
using System.Transactions;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// The flow lifecycle over the plugin's tables. A flow's draft is the <see cref="FlowVersion"/> row numbered
/// <see cref="FlowVersion.DraftVersionNumber"/>; published versions are numbered from 1 and never change.
/// </summary>
public class FlowLifecycleService : IFlowLifecycleService
{
    #region Constants

    /// <summary>
    /// Runs whose time came during a pause continue at this pace after resuming, so a long pause does not end in a
    /// burst of e-mails and webhook calls
    /// </summary>
    public const int CatchUpRunsPerMinute = 600;

    private const int BatchSize = 500;

    #endregion

    #region Fields

    private readonly FlowRunGate _runGate;
    private readonly IFlowCatalog _flowCatalog;
    private readonly ICustomerActivityService _customerActivityService;
    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IRepository<FlowNodeDailyStat> _statRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;
    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly IWorkContext _workContext;
    private readonly MessageTemplateLookup _templateLookup;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowLifecycleService(FlowRunGate runGate,
        IFlowCatalog flowCatalog,
        ICustomerActivityService customerActivityService,
        IRepository<Flow> flowRepository,
        IRepository<FlowActionLog> actionLogRepository,
        IRepository<FlowNodeDailyStat> statRepository,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository,
        IRepository<PendingPopup> popupRepository,
        IWorkContext workContext,
        MessageTemplateLookup templateLookup,
        TimeProvider timeProvider)
    {
        _runGate = runGate;
        _flowCatalog = flowCatalog;
        _customerActivityService = customerActivityService;
        _flowRepository = flowRepository;
        _actionLogRepository = actionLogRepository;
        _statRepository = statRepository;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
        _popupRepository = popupRepository;
        _workContext = workContext;
        _templateLookup = templateLookup;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public Task<FlowOperationResult> CreateBlankAsync(string name, FlowEventType triggerEvent)
    {
        var document = JsonNode.Parse(FlowJson.Serialize(FlowDefinitionText.Blank(name, triggerEvent)))!.AsObject();
        return CreateAsync(document, name, "blank");
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> CreateFromTemplateAsync(string templateName, string name, IReadOnlyDictionary<string, string> values)
    {
        var template = FlowTemplateLibrary.Find(templateName);
        if (template == null)
            return FlowOperationResult.Refused(0, "UnknownTemplate");

        var document = JsonNode.Parse(template.DefinitionJson)!.AsObject();
        var missing = TemplateParameters.Apply(document, values);
        if (missing.Count > 0)
        {
            return FlowOperationResult.Invalid(0, missing
                .Select(key => new ValidationProblem(ProblemCodes.Missing, $"The template needs a value for {key}.", null, key))
                .ToList());
        }

        document["name"] = name;
        return await CreateAsync(document, name, $"template {template.Name}");
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> ImportAsync(string json, string name = null)
    {
        var document = FlowDefinitionText.TryParse(json, out var problem);
        if (document == null)
            return FlowOperationResult.Invalid(0, [problem]);

        //a document the validator cannot read into a flow (wrong shape, unknown properties) cannot be edited either
        var read = new FlowValidator(await _templateLookup.GetLookupAsync()).Validate(FlowDefinitionText.Write(document));
        if (read.Definition == null)
            return FlowOperationResult.Invalid(0, read.Problems);

        if (!string.IsNullOrWhiteSpace(name))
            document["name"] = name.Trim();

        return await CreateAsync(document, FlowDefinitionText.StringOf(document, "name"), "import");
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> DuplicateAsync(int flowId, string name)
    {
        var draft = await GetDraftRowAsync(flowId);
        if (draft == null)
            return FlowOperationResult.NotFound(flowId);

        var document = FlowDefinitionText.TryParse(draft.DefinitionJson, out _) ?? new JsonObject();
        document["name"] = name;
        return await CreateAsync(document, name, $"copy of flow {flowId}");
    }

    /// <inheritdoc />
    public async Task<FlowDraft> GetDraftAsync(int flowId)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return null;

        var draft = await GetDraftRowAsync(flowId);
        var json = draft?.DefinitionJson ?? string.Empty;
        var problems = await ValidateAsync(flowId, json);
        return new FlowDraft(flow, json, FlowDraftRevision.Of(json), problems, await GetLiveVersionNumberAsync(flow));
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> SaveDraftAsync(int flowId, string json, string expectedRevision)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return FlowOperationResult.NotFound(flowId);

        var draft = await GetDraftRowAsync(flowId);
        var current = FlowDraftRevision.Of(draft?.DefinitionJson);
        if (expectedRevision != null && !string.Equals(expectedRevision, current, StringComparison.OrdinalIgnoreCase))
            return FlowOperationResult.Conflict(flowId, current);

        //invalid flows are kept (the admin fixes them step by step), but text that is not a flow document at all is not
        var document = FlowDefinitionText.TryParse(json, out var problem);
        if (document == null)
            return FlowOperationResult.Invalid(flowId, [problem], current);

        var number = await NextVersionNumberAsync(flowId);
        var text = FlowDefinitionText.Write(FlowDefinitionText.Stamp(document, flowId, number));
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (draft == null)
            await _versionRepository.InsertAsync(NewDraft(flowId, text, now, await CurrentCustomerIdAsync()));
        else if (!string.Equals(draft.DefinitionJson, text, StringComparison.Ordinal))
        {
            draft.DefinitionJson = text;
            draft.CreatedOnUtc = now;
            await _versionRepository.UpdateAsync(draft);
        }

        flow.Name = Bounded(FlowDefinitionText.StringOf(document, "name"), FlowFieldLengths.Name) ?? flow.Name;
        flow.Description = FlowDefinitionText.StringOf(document, "description");
        flow.UpdatedOnUtc = now;
        await _flowRepository.UpdateAsync(flow);

        return FlowOperationResult.Done(flowId, FlowDraftRevision.Of(text), await ValidateAsVersionAsync(text, flowId, number));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(int flowId, string json)
    {
        return await ValidateAsVersionAsync(json, Math.Max(flowId, 1), flowId > 0 ? await NextVersionNumberAsync(flowId) : 1);
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> PublishAsync(int flowId, string expectedRevision)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return FlowOperationResult.NotFound(flowId);
        if (flow.Status == FlowStatus.Archived)
            return FlowOperationResult.Refused(flowId, "Archived");

        var draft = await GetDraftRowAsync(flowId);
        var current = FlowDraftRevision.Of(draft?.DefinitionJson);
        if (expectedRevision != null && !string.Equals(expectedRevision, current, StringComparison.OrdinalIgnoreCase))
            return FlowOperationResult.Conflict(flowId, current);

        var number = await NextVersionNumberAsync(flowId);
        var problems = await ValidateAsVersionAsync(draft?.DefinitionJson, flowId, number);
        if (problems.Count > 0)
            return FlowOperationResult.Invalid(flowId, problems, current);

        var document = FlowDefinitionText.Stamp(FlowDefinitionText.TryParse(draft!.DefinitionJson, out _)!, flowId, number);
        var text = FlowDefinitionText.Write(document);
        var definition = FlowJson.Deserialize(text);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var version = new FlowVersion
        {
            FlowId = flowId,
            VersionNumber = number,
            DefinitionJson = text,
            CreatedByCustomerId = await CurrentCustomerIdAsync(),
            CreatedOnUtc = now,
            PublishedOnUtc = now
        };

        //the new version and the flow pointing at it are one change: entries never see one without the other
        using (var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await _versionRepository.InsertAsync(version);
            flow.PublishedVersionId = version.Id;
            //a paused flow stays paused with its new version
            if (flow.Status == FlowStatus.Draft)
                flow.Status = FlowStatus.Active;
            flow.Priority = definition.Settings?.Priority ?? 0;
            //the stores a flow runs in are the definition's settings.storeIds, the one place the engine reads them
            flow.LimitedToStores = definition.Settings?.StoreIds?.Count > 0;
            flow.UpdatedOnUtc = now;
            await _flowRepository.UpdateAsync(flow);

            //the draft goes on as the next version's draft
            draft.DefinitionJson = FlowDefinitionText.Write(FlowDefinitionText.Stamp(document, flowId, number + 1));
            await _versionRepository.UpdateAsync(draft);
            transaction.Complete();
        }

        //new entries go to the new version from the jobs' next batch on
        await _flowCatalog.ResetAsync();
        await LogAsync(CustomFlowsDefaults.ActivityLogTypes.FLOW_PUBLISHED, $"Published version {number} of flow \"{flow.Name}\" (id {flowId})", flow);
        return FlowOperationResult.Done(flowId, FlowDraftRevision.Of(draft.DefinitionJson), [], number);
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> PauseAsync(int flowId)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return FlowOperationResult.NotFound(flowId);
        if (flow.Status != FlowStatus.Active)
            return FlowOperationResult.Refused(flowId, "NotLive");

        await SetStatusAsync(flow, FlowStatus.Paused, $"Paused flow \"{flow.Name}\" (id {flowId})");
        return FlowOperationResult.Done(flowId);
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> ResumeAsync(int flowId)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return FlowOperationResult.NotFound(flowId);
        if (flow.Status != FlowStatus.Paused)
            return FlowOperationResult.Refused(flowId, "NotPaused");

        var spread = await SpreadOverdueRunsAsync(flowId);
        await SetStatusAsync(flow, FlowStatus.Active, $"Resumed flow \"{flow.Name}\" (id {flowId}); {spread} runs due during the pause continue over the next {Math.Ceiling(spread / (double)CatchUpRunsPerMinute)} minutes");
        return FlowOperationResult.Done(flowId);
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> ArchiveAsync(int flowId, bool endOpenRuns)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return FlowOperationResult.NotFound(flowId);
        if (flow.Status == FlowStatus.Archived)
            return FlowOperationResult.Refused(flowId, "Archived");

        var open = await CountOpenRunsAsync(flowId);
        if (open > 0 && !endOpenRuns)
            return FlowOperationResult.Refused(flowId, "OpenRuns");

        var ended = await EndOpenRunsAsync(flowId, CustomFlowsDefaults.EndReasons.FLOW_RETIRED);
        await SetStatusAsync(flow, FlowStatus.Archived, $"Archived flow \"{flow.Name}\" (id {flowId}); {ended} open runs ended");
        return FlowOperationResult.Done(flowId);
    }

    /// <inheritdoc />
    public async Task<FlowOperationResult> DeleteAsync(int flowId, bool endOpenRuns)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return FlowOperationResult.NotFound(flowId);

        var open = await CountOpenRunsAsync(flowId);
        if (open > 0 && !endOpenRuns)
            return FlowOperationResult.Refused(flowId, "OpenRuns");

        using (await _runGate.EnterAsync(CancellationToken.None))
        {
            //what belongs to the flow's runs first, batch by batch, while the runs still say which flow they were of
            while (true)
            {
                var runIds = (await _runRepository.GetAllAsync(query => query
                    .Where(run => run.FlowId == flowId)
                    .OrderBy(run => run.Id)
                    .Take(BatchSize))).Select(run => run.Id).ToList();
                if (runIds.Count == 0)
                    break;

                await _popupRepository.DeleteAsync(popup => runIds.Contains(popup.FlowRunId));
                await _actionLogRepository.DeleteAsync(log => runIds.Contains(log.FlowRunId));
                await _runRepository.DeleteAsync(run => runIds.Contains(run.Id));
            }

            await _statRepository.DeleteAsync(stat => stat.FlowId == flowId);
            await _versionRepository.DeleteAsync(version => version.FlowId == flowId);
            await _flowRepository.DeleteAsync(flow);
        }

        await _flowCatalog.ResetAsync();
        await LogAsync(CustomFlowsDefaults.ActivityLogTypes.FLOW_DELETED, $"Deleted flow \"{flow.Name}\" (id {flowId}) with {open} open runs", flow);
        return FlowOperationResult.Done(flowId);
    }

    /// <inheritdoc />
    public async Task<string> ExportAsync(int flowId, int? versionNumber = null)
    {
        var number = versionNumber ?? FlowVersion.DraftVersionNumber;
        var version = (await _versionRepository.GetAllAsync(query => query
            .Where(v => v.FlowId == flowId && v.VersionNumber == number))).FirstOrDefault();

        return version?.DefinitionJson;
    }

    /// <inheritdoc />
    public async Task<IList<FlowVersion>> GetVersionsAsync(int flowId)
    {
        return await _versionRepository.GetAllAsync(query => query
            .Where(version => version.FlowId == flowId && version.VersionNumber != FlowVersion.DraftVersionNumber)
            .OrderByDescending(version => version.VersionNumber));
    }

    /// <inheritdoc />
    public async Task<int> CountOpenRunsAsync(int flowId)
    {
        var open = await _runRepository.GetAllPagedAsync(query => query
            .Where(run => run.FlowId == flowId
                && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting)),
            pageIndex: 0, pageSize: 1, getOnlyTotalCount: true);

        return open.TotalCount;
    }

    #endregion

    #region Utilities

    private async Task<FlowOperationResult> CreateAsync(JsonObject document, string name, string how)
    {
        name = Bounded(string.IsNullOrWhiteSpace(name) ? FlowDefinitionText.StringOf(document, "name") : name.Trim(), FlowFieldLengths.Name);
        if (string.IsNullOrWhiteSpace(name))
            return FlowOperationResult.Refused(0, "NameRequired");

        document["name"] = name;
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var flow = new Flow
        {
            Name = name,
            Description = FlowDefinitionText.StringOf(document, "description"),
            Status = FlowStatus.Draft,
            CreatedOnUtc = now,
            UpdatedOnUtc = now
        };

        string text;
        using (var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await _flowRepository.InsertAsync(flow);
            text = FlowDefinitionText.Write(FlowDefinitionText.Stamp(document, flow.Id, 1));
            await _versionRepository.InsertAsync(NewDraft(flow.Id, text, now, await CurrentCustomerIdAsync()));
            transaction.Complete();
        }

        await LogAsync(CustomFlowsDefaults.ActivityLogTypes.FLOW_CREATED, $"Created flow \"{flow.Name}\" (id {flow.Id}) from {how}", flow);
        return FlowOperationResult.Done(flow.Id, FlowDraftRevision.Of(text), await ValidateAsVersionAsync(text, flow.Id, 1));
    }

    /// <summary>
    /// Validates a document as the given version of the given flow would be, so "id" and "version" never count against a draft
    /// </summary>
    private async Task<IReadOnlyList<ValidationProblem>> ValidateAsVersionAsync(string json, int flowId, int versionNumber)
    {
        var document = FlowDefinitionText.TryParse(json, out var problem);
        if (document == null)
            return [problem];

        FlowDefinitionText.Stamp(document, flowId, versionNumber);
        return new FlowValidator(await _templateLookup.GetLookupAsync()).Validate(FlowDefinitionText.Write(document)).Problems;
    }

    private static FlowVersion NewDraft(int flowId, string text, DateTime now, int customerId) => new()
    {
        FlowId = flowId,
        VersionNumber = FlowVersion.DraftVersionNumber,
        DefinitionJson = text,
        CreatedByCustomerId = customerId,
        CreatedOnUtc = now
    };

    private async Task<FlowVersion> GetDraftRowAsync(int flowId)
    {
        return (await _versionRepository.GetAllAsync(query => query
            .Where(version => version.FlowId == flowId && version.VersionNumber == FlowVersion.DraftVersionNumber))).FirstOrDefault();
    }

    private async Task<int> NextVersionNumberAsync(int flowId)
    {
        var last = (await _versionRepository.GetAllAsync(query => query
            .Where(version => version.FlowId == flowId)
            .OrderByDescending(version => version.VersionNumber)
            .Take(1))).FirstOrDefault();

        return (last?.VersionNumber ?? 0) + 1;
    }

    private async Task<int?> GetLiveVersionNumberAsync(Flow flow)
    {
        if (flow.PublishedVersionId is not { } versionId)
            return null;

        return (await _versionRepository.GetByIdAsync(versionId))?.VersionNumber;
    }

    private async Task SetStatusAsync(Flow flow, FlowStatus status, string comment)
    {
        flow.Status = status;
        flow.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _flowRepository.UpdateAsync(flow);
        //paused, resumed, archived: the jobs' catalog says so from their next batch on
        await _flowCatalog.ResetAsync();
        await LogAsync(CustomFlowsDefaults.ActivityLogTypes.FLOW_STATUS_CHANGED, comment, flow);
    }

    /// <summary>
    /// Ends every open run of a flow, in batches, taking turns with the jobs that step runs
    /// </summary>
    private async Task<int> EndOpenRunsAsync(int flowId, string reason)
    {
        var ended = 0;
        while (true)
        {
            using var turn = await _runGate.EnterAsync(CancellationToken.None);
            var batch = await _runRepository.GetAllAsync(query => query
                .Where(run => run.FlowId == flowId
                    && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting))
                .OrderBy(run => run.Id)
                .Take(BatchSize));
            if (batch.Count == 0)
                return ended;

            var now = _timeProvider.GetUtcNow().UtcDateTime;
            foreach (var run in batch)
            {
                if (!FlowRunStore.EndByHand(run, reason, now))
                    //a state that says ended under a row that says open: the row follows the state
                    run.Status = FlowRunStatus.Exited;
            }

            await _runRepository.UpdateAsync(batch, publishEvent: false);
            //an ended run's pop-up must not appear any more
            var runIds = batch.Select(run => run.Id).ToList();
            await _popupRepository.DeleteAsync(popup => runIds.Contains(popup.FlowRunId));
            ended += batch.Count;
        }
    }

    /// <summary>
    /// Gives the runs whose time came during a pause new due times from now at <see cref="CatchUpRunsPerMinute"/>,
    /// oldest first, so customers are served in the order they would have been
    /// </summary>
    private async Task<int> SpreadOverdueRunsAsync(int flowId)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var spacing = TimeSpan.FromMinutes(1) / CatchUpRunsPerMinute;
        var spread = 0;
        while (true)
        {
            using var turn = await _runGate.EnterAsync(CancellationToken.None);
            //the longest overdue first, across batches; a run given its new time (after now) leaves the query
            var batch = await _runRepository.GetAllAsync(query => query
                .Where(run => run.FlowId == flowId
                    && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting)
                    && run.DueOnUtc != null && run.DueOnUtc <= now)
                .OrderBy(run => run.DueOnUtc)
                .ThenBy(run => run.Id)
                .Take(BatchSize));
            if (batch.Count == 0)
                return spread;

            foreach (var run in batch)
                run.DueOnUtc = now + spacing * ++spread;

            await _runRepository.UpdateAsync(batch, publishEvent: false);
        }
    }

    private async Task<int> CurrentCustomerIdAsync() => (await _workContext.GetCurrentCustomerAsync())?.Id ?? 0;

    private async Task LogAsync(string type, string comment, Flow flow)
    {
        await _customerActivityService.InsertActivityAsync(type, comment, flow);
    }

    private static string Bounded(string text, int length) =>
        text == null ? null : text.Length > length ? text[..length] : text;

    #endregion
}
