using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;

/// <summary>
/// Builds the models of the flow pages from the lifecycle services, the daily statistics and nopCommerce's services
/// </summary>
public partial class FlowModelFactory : IFlowModelFactory
{
    #region Constants

    /// <summary>
    /// Trigger events a flow can start on, in the dialect's words
    /// </summary>
    public static readonly string[] TriggerEvents =
        ["order_placed", "order_paid", "cart_updated", "product_viewed", "customer_registered", "newsletter_subscribed", "date", "tag_added", "custom"];

    #endregion

    #region Fields

    private readonly IRepository<FlowAttribution> _attributionRepository;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IFlowInboxMonitor _inboxMonitor;
    private readonly IFlowLifecycleService _lifecycleService;
    private readonly ILocalizationService _localizationService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowNodeDailyStat> _statRepository;
    private readonly IRepository<FlowVersion> _versionRepository;
    private readonly ISettingService _settingService;
    private readonly IWaitingRunMigrationService _migrationService;
    private readonly IWorkContext _workContext;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowModelFactory(IDateTimeHelper dateTimeHelper,
        IFlowInboxMonitor inboxMonitor,
        IFlowLifecycleService lifecycleService,
        ILocalizationService localizationService,
        IMessageTemplateService messageTemplateService,
        IPriceFormatter priceFormatter,
        IRepository<Flow> flowRepository,
        IRepository<FlowAttribution> attributionRepository,
        IRepository<FlowNodeDailyStat> statRepository,
        IRepository<FlowVersion> versionRepository,
        ISettingService settingService,
        IWaitingRunMigrationService migrationService,
        IWorkContext workContext,
        TimeProvider timeProvider)
    {
        _dateTimeHelper = dateTimeHelper;
        _attributionRepository = attributionRepository;
        _inboxMonitor = inboxMonitor;
        _lifecycleService = lifecycleService;
        _localizationService = localizationService;
        _messageTemplateService = messageTemplateService;
        _priceFormatter = priceFormatter;
        _flowRepository = flowRepository;
        _statRepository = statRepository;
        _versionRepository = versionRepository;
        _settingService = settingService;
        _migrationService = migrationService;
        _workContext = workContext;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public virtual async Task<FlowSearchModel> PrepareFlowSearchModelAsync(FlowSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        searchModel.AvailableStatuses.Add(new SelectListItem(await TextAsync("Flows.Search.AnyStatus"), "0"));
        foreach (var status in Enum.GetValues<FlowStatus>())
            searchModel.AvailableStatuses.Add(new SelectListItem(await TextAsync($"Flows.Status.{status}"), ((int)status).ToString(CultureInfo.InvariantCulture)));

        searchModel.AvailableTriggers.Add(new SelectListItem(await TextAsync("Flows.Search.AnyTrigger"), string.Empty));
        foreach (var trigger in TriggerEvents)
            searchModel.AvailableTriggers.Add(new SelectListItem(await TextAsync($"Trigger.{trigger}"), trigger));

        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        searchModel.Enabled = settings.Enabled;
        searchModel.PauseAll = settings.PauseAll;

        var (quarantined, total) = await _inboxMonitor.GetQuarantinedAsync();
        searchModel.QuarantinedEvents = quarantined;
        searchModel.QuarantinedTotal = total;
        foreach (var quarantinedEvent in quarantined)
            searchModel.QuarantinedOn[quarantinedEvent.Id] = await _dateTimeHelper.ConvertToUserTimeAsync(quarantinedEvent.QuarantinedOnUtc, DateTimeKind.Utc);

        searchModel.SetGridPageSize();
        return searchModel;
    }

    /// <inheritdoc />
    public virtual async Task<FlowListModel> PrepareFlowListModelAsync(FlowSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        var name = searchModel.SearchName?.Trim();
        var status = searchModel.SearchStatusId;
        var flows = await _flowRepository.GetAllAsync(query => query
            .Where(flow => string.IsNullOrEmpty(name) || flow.Name.Contains(name))
            .Where(flow => status == 0 || flow.StatusId == status)
            //archived flows only when asked for
            .Where(flow => status != 0 || flow.StatusId != (int)FlowStatus.Archived)
            .OrderByDescending(flow => flow.Priority)
            .ThenBy(flow => flow.Name)
            .ThenBy(flow => flow.Id));

        //the trigger lives in the definition: the live version's, else the draft's
        var documents = await GetShownDocumentsAsync(flows);
        var rows = flows
            .Select(flow => (Flow: flow, Document: documents.GetValueOrDefault(flow.Id)))
            .Select(row => (row.Flow, row.Document, Trigger: TriggerOf(row.Document?.Json)))
            .Where(row => string.IsNullOrEmpty(searchModel.SearchTrigger) || row.Trigger == searchModel.SearchTrigger)
            .ToList();

        var page = rows.Skip((searchModel.Page - 1) * searchModel.PageSize).Take(searchModel.PageSize).ToList();
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var stats = await GetRecentStatsAsync(page.Select(row => row.Flow.Id).ToList(), now);
        var orders = await GetRecentOrdersAsync(page.Select(row => row.Flow.Id).ToList(), now);

        var data = new List<FlowModel>();
        foreach (var (flow, document, trigger) in page)
        {
            var flowStats = stats.Where(stat => stat.FlowId == flow.Id).ToList();
            var flowOrders = orders.Where(order => order.FlowId == flow.Id).ToList();
            var startIds = FlowSteps.Read(document?.Json).Where(step => step.Kind == "start").Select(step => step.Id).ToHashSet();
            var weekAgo = now.Date.AddDays(-6);
            //one attribution rule: "converted" and "revenue" are the same orders, over 7 and 30 days
            var revenue = flowOrders.Sum(order => order.OrderTotal);
            data.Add(new FlowModel
            {
                Id = flow.Id,
                Name = flow.Name,
                Trigger = trigger == null ? string.Empty : await TextAsync($"Trigger.{trigger}"),
                StatusId = flow.StatusId,
                Status = await TextAsync($"Flows.Status.{flow.Status}"),
                LiveVersion = document?.IsLive == true ? document.Number : null,
                Entered7Days = flowStats.Where(stat => stat.DayOnUtc >= weekAgo && startIds.Contains(stat.NodeId)).Sum(stat => stat.Entered),
                Converted7Days = flowOrders.Count(order => order.PlacedOnUtc >= weekAgo),
                Revenue30Days = revenue,
                Revenue30DaysText = await _priceFormatter.FormatPriceAsync(revenue, true, false),
                UpdatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(flow.UpdatedOnUtc, DateTimeKind.Utc),
                Priority = flow.Priority
            });
        }

        return new FlowListModel
        {
            Data = data,
            Draw = searchModel.Draw,
            RecordsTotal = rows.Count,
            RecordsFiltered = rows.Count
        };
    }

    /// <inheritdoc />
    public virtual async Task<FlowCreateModel> PrepareFlowCreateModelAsync(FlowCreateModel model)
    {
        model ??= new FlowCreateModel();
        model.TriggerEvent ??= "order_placed";
        model.AvailableTriggers.Clear();
        foreach (var trigger in TriggerEvents)
            model.AvailableTriggers.Add(new SelectListItem(await TextAsync($"Trigger.{trigger}"), trigger, trigger == model.TriggerEvent));

        return model;
    }

    /// <inheritdoc />
    public virtual async Task<FlowEditModel> PrepareFlowEditModelAsync(int flowId, IDictionary<string, object> builderConfig)
    {
        var draft = await _lifecycleService.GetDraftAsync(flowId);
        if (draft == null)
            return null;

        var flow = draft.Flow;
        var model = new FlowEditModel
        {
            Id = flow.Id,
            Name = flow.Name,
            StatusId = flow.StatusId,
            Status = await TextAsync($"Flows.Status.{flow.Status}"),
            LiveVersion = draft.LiveVersionNumber,
            DraftProblems = draft.Problems.Select(problem => problem.ToString()).ToList(),
            OpenRuns = await _lifecycleService.CountOpenRunsAsync(flowId),
            VersionsWithOpenRuns = (await _migrationService.GetVersionsWithOpenRunsAsync(flowId)).ToList(),
            CanPause = flow.Status == FlowStatus.Active,
            CanResume = flow.Status == FlowStatus.Paused,
            CanArchive = flow.Status != FlowStatus.Archived,
            CanViewReports = builderConfig?.TryGetValue("canViewReports", out var canView) != true || canView is true
        };

        //newest first; each compared with the one published before it
        var versions = await _lifecycleService.GetVersionsAsync(flowId);
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var previous = i + 1 < versions.Count ? versions[i + 1] : null;
            model.Versions.Add(new FlowVersionModel
            {
                Number = version.VersionNumber,
                IsLive = version.Id == flow.PublishedVersionId,
                PublishedOn = await _dateTimeHelper.ConvertToUserTimeAsync(version.PublishedOnUtc ?? version.CreatedOnUtc, DateTimeKind.Utc),
                Changes = previous == null
                    ? [await TextAsync("Versions.First")]
                    : await DescribeAsync(FlowVersionDiff.Between(previous.DefinitionJson, version.DefinitionJson))
            });
        }

        var config = new Dictionary<string, object>(builderConfig ?? new Dictionary<string, object>())
        {
            ["flowId"] = flowId,
            ["readOnly"] = flow.Status == FlowStatus.Archived,
            ["language"] = await LanguageCodeAsync(),
            ["texts"] = await BuilderTextsAsync()
        };
        model.BuilderConfigJson = JsonSerializer.Serialize(config, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return model;
    }

    /// <inheritdoc />
    public virtual async Task<MigrationModel> PrepareMigrationModelAsync(int flowId, int fromVersion)
    {
        var preview = await _migrationService.PreviewAsync(flowId, fromVersion);
        if (preview == null)
            return null;

        var flow = await _flowRepository.GetByIdAsync(flowId);
        var model = new MigrationModel { FlowId = flowId, FlowName = flow?.Name, FromVersion = preview.FromVersion, ToVersion = preview.ToVersion };
        model.AvailableTargets.Add(new SelectListItem(await TextAsync("Migration.Choose"), string.Empty));
        model.AvailableTargets.Add(new SelectListItem(await TextAsync("Migration.End"), IWaitingRunMigrationService.EndRun));
        foreach (var target in preview.Targets)
            model.AvailableTargets.Add(new SelectListItem(await LabelAsync(target), target.Id));

        foreach (var step in preview.Steps)
        {
            model.Steps.Add(new MigrationStepModel
            {
                NodeId = step.Step.Id,
                Label = await LabelAsync(step.Step),
                Open = step.Open,
                SuggestedTarget = step.SuggestedTarget,
                Target = step.SuggestedTarget ?? string.Empty
            });
        }

        return model;
    }

    /// <inheritdoc />
    public virtual async Task<TemplateGalleryModel> PrepareTemplateGalleryModelAsync()
    {
        var language = await LanguageCodeAsync();
        var model = new TemplateGalleryModel();
        foreach (var template in FlowTemplateLibrary.All)
        {
            var steps = FlowSteps.Read(template.DefinitionJson);
            var card = new TemplateCardModel
            {
                Name = template.Name,
                Scenario = template.Scenario,
                Title = template.Title.In(language),
                Description = template.Description.In(language),
                Goal = template.Goal.In(language),
                Level = template.Level.ToString().ToLowerInvariant(),
                LevelText = await TextAsync($"Templates.Level.{template.Level}")
            };

            foreach (var channel in steps.Select(step => ChannelOf(step.Kind)).Where(channel => channel != null).Distinct())
                card.Channels.Add(await TextAsync($"Channel.{channel}"));
            foreach (var step in steps.Where(step => step.Kind != "end"))
                card.Steps.Add(await LabelAsync(step));

            model.Templates.Add(card);
            if (model.Scenarios.All(scenario => scenario.Key != template.Scenario))
                model.Scenarios.Add((template.Scenario, await TextAsync($"Templates.Scenario.{template.Scenario}")));
        }

        return model;
    }

    /// <inheritdoc />
    public virtual async Task<TemplateUseModel> PrepareTemplateUseModelAsync(string templateName, TemplateUseModel model = null)
    {
        var template = FlowTemplateLibrary.Find(templateName);
        if (template == null)
            return null;

        var language = await LanguageCodeAsync();
        model ??= new TemplateUseModel { Name = template.Title.In(language) };
        model.TemplateName = template.Name;
        model.TemplateTitle = template.Title.In(language);

        var entered = model.Parameters.ToDictionary(parameter => parameter.Key, parameter => parameter.Value);
        model.Parameters.Clear();
        foreach (var parameter in TemplateParameters.Find(System.Text.Json.Nodes.JsonNode.Parse(template.DefinitionJson)!.AsObject()))
        {
            model.Parameters.Add(new TemplateParameterModel
            {
                Key = parameter.Key,
                Kind = parameter.Kind.ToString(),
                Label = await TextAsync($"Templates.Parameter.{parameter.Kind}"),
                TemplateValue = parameter.TemplateValue,
                Value = entered.GetValueOrDefault(parameter.Key)
            });
        }

        model.MessageTemplates.Clear();
        foreach (var message in template.Messages)
        {
            var installed = (await _messageTemplateService.GetMessageTemplatesByNameAsync(message.Reference)).FirstOrDefault();
            model.MessageTemplates.Add((message.Reference, installed == null ? null : $"/Admin/MessageTemplate/Edit/{installed.Id}"));
        }

        return model;
    }

    #endregion

    #region Utilities

    private sealed record ShownDocument(string Json, int Number, bool IsLive);

    /// <summary>
    /// Gets, per flow, the document the list describes: the live version's, else the draft's
    /// </summary>
    private async Task<Dictionary<int, ShownDocument>> GetShownDocumentsAsync(IList<Flow> flows)
    {
        var result = new Dictionary<int, ShownDocument>();
        var liveIds = flows.Where(flow => flow.PublishedVersionId.HasValue).Select(flow => flow.PublishedVersionId!.Value).ToList();
        if (liveIds.Count > 0)
        {
            foreach (var version in await _versionRepository.GetByIdsAsync(liveIds))
                result[version.FlowId] = new ShownDocument(version.DefinitionJson, version.VersionNumber, true);
        }

        var draftFlowIds = flows.Where(flow => !result.ContainsKey(flow.Id)).Select(flow => flow.Id).ToList();
        if (draftFlowIds.Count > 0)
        {
            var drafts = await _versionRepository.GetAllAsync(query => query
                .Where(version => draftFlowIds.Contains(version.FlowId) && version.VersionNumber == FlowVersion.DraftVersionNumber));
            foreach (var draft in drafts)
                result[draft.FlowId] = new ShownDocument(draft.DefinitionJson, 0, false);
        }

        return result;
    }

    private async Task<IList<FlowNodeDailyStat>> GetRecentStatsAsync(IList<int> flowIds, DateTime nowUtc)
    {
        if (flowIds.Count == 0)
            return new List<FlowNodeDailyStat>();

        var since = nowUtc.Date.AddDays(-29);
        return await _statRepository.GetAllAsync(query => query
            .Where(stat => flowIds.Contains(stat.FlowId) && stat.DayOnUtc >= since));
    }

    private async Task<IList<FlowAttribution>> GetRecentOrdersAsync(IList<int> flowIds, DateTime nowUtc)
    {
        if (flowIds.Count == 0)
            return new List<FlowAttribution>();

        var since = nowUtc.Date.AddDays(-29);
        return await _attributionRepository.GetAllAsync(query => query
            .Where(order => flowIds.Contains(order.FlowId) && order.PlacedOnUtc >= since));
    }

    private static string TriggerOf(string json)
    {
        var document = FlowDefinitionText.TryParse(json, out _);
        var start = (document?["nodes"] as System.Text.Json.Nodes.JsonArray)?.OfType<System.Text.Json.Nodes.JsonObject>()
            .FirstOrDefault(node => node["type"]?.GetValue<string>() == "start");
        return start?["trigger"]?["event"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var trigger) ? trigger : null;
    }

    private static string ChannelOf(string kind) => kind switch
    {
        "sendEmail" => "Email",
        "showPopup" => "Popup",
        "webhook" => "Webhook",
        "alertStaff" => "StaffAlert",
        "createCoupon" => "Coupon",
        "addTag" or "removeTag" or "changeScore" or "setFunnelStage" => "CustomerData",
        _ => null
    };

    private async Task<IList<string>> DescribeAsync(FlowVersionDiff diff)
    {
        var lines = new List<string>();
        foreach (var step in diff.Added)
            lines.Add(string.Format(await TextAsync("Versions.Added"), await LabelAsync(step)));
        foreach (var step in diff.Removed)
            lines.Add(string.Format(await TextAsync("Versions.Removed"), await LabelAsync(step)));
        foreach (var step in diff.Changed)
            lines.Add(string.Format(await TextAsync("Versions.Changed"), await LabelAsync(step)));
        if (diff.SettingsChanged)
            lines.Add(await TextAsync("Versions.SettingsChanged"));
        if (diff.GoalChanged)
            lines.Add(await TextAsync("Versions.GoalChanged"));
        if (lines.Count == 0)
            lines.Add(await TextAsync("Versions.NoChange"));

        return lines;
    }

    private async Task<string> LabelAsync(FlowStep step)
    {
        var kind = await TextAsync($"Step.{step.Kind}");
        return string.IsNullOrEmpty(step.Detail) ? $"{kind} ({step.Id})" : $"{kind}: {step.Detail} ({step.Id})";
    }

    private async Task<IDictionary<string, string>> BuilderTextsAsync()
    {
        var texts = new Dictionary<string, string>();
        var prefix = BuilderLocales.Prefix;
        //Polish counts in more plural forms than English; a language gets the keys of its own dictionary
        var keys = await LanguageCodeAsync() == "pl" ? BuilderLocales.English.Keys.Union(BuilderLocales.Polish.Keys) : BuilderLocales.English.Keys;
        foreach (var key in keys)
            texts[key[prefix.Length..]] = await _localizationService.GetResourceAsync(key);

        return texts;
    }

    private async Task<string> LanguageCodeAsync()
    {
        var language = await _workContext.GetWorkingLanguageAsync();
        return CustomFlowsLocales.IsPolish(language?.LanguageCulture) ? "pl" : "en";
    }

    private Task<string> TextAsync(string name) => _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.{name}");

    #endregion
}
