using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Services.Catalog;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// The JSON endpoints the flow builder talks to (docs/builder.md): the draft, saving it with a revision check,
/// validation, publishing, the product / category / message-template pickers and the per-step numbers. Answers are
/// written with System.Text.Json in camelCase, the flow dialect's own casing, whatever the admin's MVC JSON settings.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public partial class CustomFlowBuilderController : BasePluginController
{
    #region Fields

    private const int PickerPageSize = 10;

    private readonly ICategoryService _categoryService;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IFlowLifecycleService _lifecycleService;
    private readonly ILocalizationService _localizationService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly IProductService _productService;
    private readonly IRepository<FlowNodeDailyStat> _statRepository;
    private readonly IRepository<FlowAttribution> _attributionRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;
    private readonly FlowStepTrial _trial;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public CustomFlowBuilderController(ICategoryService categoryService,
        IDateTimeHelper dateTimeHelper,
        IPriceFormatter priceFormatter,
        IFlowLifecycleService lifecycleService,
        ILocalizationService localizationService,
        IMessageTemplateService messageTemplateService,
        IProductService productService,
        IRepository<FlowNodeDailyStat> statRepository,
        IRepository<FlowAttribution> attributionRepository,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository,
        FlowStepTrial trial,
        TimeProvider timeProvider)
    {
        _categoryService = categoryService;
        _dateTimeHelper = dateTimeHelper;
        _priceFormatter = priceFormatter;
        _lifecycleService = lifecycleService;
        _localizationService = localizationService;
        _messageTemplateService = messageTemplateService;
        _productService = productService;
        _statRepository = statRepository;
        _attributionRepository = attributionRepository;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
        _trial = trial;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Draft(int id)
    {
        var draft = await _lifecycleService.GetDraftAsync(id);
        if (draft == null)
            return Answer(404, new { error = "notFound", message = await TextAsync("Flows.Refused.NotFound") });

        return Answer(200, new
        {
            flowId = id,
            name = draft.Flow.Name,
            status = draft.Flow.Status.ToString().ToLowerInvariant(),
            liveVersion = draft.LiveVersionNumber,
            revision = draft.Revision,
            definition = FlowDefinitionText.TryParse(draft.Json, out _),
            problems = Problems(draft.Problems),
            names = await NamesOfPicksAsync(draft.Json)
        });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> SaveDraft(int id)
    {
        var body = await ReadBodyAsync();
        if (body?["definition"] is not JsonObject definition)
            return Answer(400, new { error = "badRequest", message = await TextAsync("Builder.Api.NoDefinition") });

        var result = await _lifecycleService.SaveDraftAsync(id, definition.ToJsonString(), Text(body, "revision"));
        return await AnswerAsync(result, async () => (object)new
        {
            revision = result.Revision,
            problems = Problems(result.Problems),
            //the admin's own clock, as everywhere in nopCommerce's admin
            savedOn = (await _dateTimeHelper.ConvertToUserTimeAsync(_timeProvider.GetUtcNow().UtcDateTime, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Validate(int id)
    {
        var body = await ReadBodyAsync();
        if (body?["definition"] is not JsonObject definition)
            return Answer(400, new { error = "badRequest", message = await TextAsync("Builder.Api.NoDefinition") });

        return Answer(200, new { problems = Problems(await _lifecycleService.ValidateAsync(id, definition.ToJsonString())) });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Publish(int id)
    {
        var body = await ReadBodyAsync();
        var result = await _lifecycleService.PublishAsync(id, Text(body, "revision"));
        return await AnswerAsync(result, async () => new
        {
            version = result.VersionNumber,
            revision = result.Revision,
            message = string.Format(await TextAsync("Flows.Published"), result.VersionNumber)
        });
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Products(string q, int page = 1)
    {
        var products = await _productService.SearchProductsAsync(pageIndex: Math.Max(page, 1) - 1, pageSize: PickerPageSize,
            keywords: string.IsNullOrWhiteSpace(q) ? null : q.Trim(), showHidden: true);

        return Answer(200, new { items = products.Select(product => new { id = product.Id, name = product.Name }), hasMore = products.HasNextPage });
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Categories(string q, int page = 1)
    {
        var categories = await _categoryService.GetAllCategoriesAsync(string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            pageIndex: Math.Max(page, 1) - 1, pageSize: PickerPageSize, showHidden: true);

        var items = new List<object>();
        foreach (var category in categories)
            items.Add(new { id = category.Id, name = await _categoryService.GetFormattedBreadCrumbAsync(category) });

        return Answer(200, new { items, hasMore = categories.HasNextPage });
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> MessageTemplates()
    {
        var templates = await _messageTemplateService.GetAllMessageTemplatesAsync(0);
        return Answer(200, new
        {
            items = templates
                .OrderBy(template => template.Name, StringComparer.OrdinalIgnoreCase)
                .Select(template => new { name = template.Name, title = template.Subject, editUrl = $"/Admin/MessageTemplate/Edit/{template.Id}" })
        });
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.VIEW_REPORTS)]
    public virtual async Task<IActionResult> Stats(int id, int? version)
    {
        var versions = await _lifecycleService.GetVersionsAsync(id);
        var shown = version.HasValue ? versions.FirstOrDefault(v => v.VersionNumber == version) : versions.FirstOrDefault();
        if (shown == null)
            return Answer(200, new { version = (int?)null, nodes = new Dictionary<string, object>() });

        var stats = await _statRepository.GetAllAsync(query => query.Where(stat => stat.FlowVersionId == shown.Id));
        var orders = await _attributionRepository.GetAllAsync(query => query.Where(order => order.FlowVersionId == shown.Id));
        var waiting = await _runRepository.Table
            .Where(run => run.FlowId == id && run.FlowVersionId == shown.Id
                && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting))
            .GroupBy(run => run.CurrentNodeId)
            .Select(group => new { NodeId = group.Key, Count = group.Count() })
            .ToListAsync();

        var nodes = new Dictionary<string, object>();
        foreach (var step in FlowSteps.Read(shown.DefinitionJson))
        {
            var ofNode = stats.Where(stat => stat.NodeId == step.Id).ToList();
            var orderedHere = orders.Where(order => order.NodeId == step.Id).ToList();
            var revenue = orderedHere.Sum(order => order.OrderTotal);
            nodes[step.Id] = new
            {
                entered = ofNode.Sum(stat => stat.Entered),
                waiting = waiting.FirstOrDefault(count => count.NodeId == step.Id)?.Count ?? 0,
                sent = ofNode.Sum(stat => stat.Sent),
                opened = ofNode.Sum(stat => stat.Opened),
                clicked = ofNode.Sum(stat => stat.Clicked),
                //the orders credited to the step by the attribution rule, as in the report
                converted = orderedHere.Count,
                revenue,
                revenueText = await _priceFormatter.FormatPriceAsync(revenue, true, false)
            };
        }

        return Answer(200, new { version = shown.VersionNumber, nodes });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> TestEmail(int id)
    {
        var body = await ReadBodyAsync();
        var template = TemplateOfNode(body?["definition"] as JsonObject, Text(body, "nodeId"));
        if (template == null)
            return Answer(400, new { ok = false, message = await TextAsync("Builder.Api.NoTemplate") });

        var (queued, text) = await _trial.SendTestEmailAsync(template);
        return Answer(200, new { ok = queued, message = queued ? string.Format(await TextAsync("Builder.Api.TestEmailQueued"), text) : text });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> TestWebhook()
    {
        var body = await ReadBodyAsync();
        var (status, text) = await _trial.CallWebhookAsync(Text(body, "url"));
        return Answer(200, new { ok = status is >= 200 and < 300, status, message = text });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> PopupPreview()
    {
        var body = await ReadBodyAsync();
        var template = Text(body, "template");
        if (string.IsNullOrWhiteSpace(template))
            return Answer(400, new { ok = false, message = await TextAsync("Builder.Api.NoTemplate") });

        var message = await _trial.RenderAsync(template.Trim());
        return message.Problem is not null
            ? Answer(200, new { ok = false, message = message.Problem.Message })
            : Answer(200, new { title = message.Subject, bodyHtml = message.Body });
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Names of the products and categories a draft's scopes pick ("product:5" -> "Blue shirt"), since the flow
    /// document keeps only their ids
    /// </summary>
    private async Task<IDictionary<string, string>> NamesOfPicksAsync(string json)
    {
        var names = new Dictionary<string, string>();
        var document = FlowDefinitionText.TryParse(json, out _);
        if (document == null)
            return names;

        var picks = TemplateParameters.Find(document);
        var productIds = picks.Where(pick => pick.Kind == TemplateParameterKind.Product).Select(pick => int.Parse(pick.TemplateValue, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (productIds.Length > 0)
        {
            foreach (var product in await _productService.GetProductsByIdsAsync(productIds))
                names[$"product:{product.Id}"] = product.Name;
        }

        foreach (var pick in picks.Where(pick => pick.Kind == TemplateParameterKind.Category))
        {
            var category = await _categoryService.GetCategoryByIdAsync(int.Parse(pick.TemplateValue, System.Globalization.CultureInfo.InvariantCulture));
            if (category != null)
                names[$"category:{category.Id}"] = await _categoryService.GetFormattedBreadCrumbAsync(category);
        }

        return names;
    }

    /// <summary>
    /// The message template a step of the draft in the editor sends
    /// </summary>
    private static string TemplateOfNode(JsonObject definition, string nodeId)
    {
        var node = (definition?["nodes"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(candidate => Text(candidate, "id") == nodeId);
        return Text(node?["action"] as JsonObject, "template");
    }


    private async Task<JsonObject> ReadBodyAsync()
    {
        if (Request?.Body == null)
            return null;

        using var reader = new StreamReader(Request.Body);
        var text = await reader.ReadToEndAsync();
        return FlowDefinitionText.TryParse(text, out _);
    }

    private static string Text(JsonObject body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<object> Problems(IEnumerable<ValidationProblem> problems) =>
        problems.Select(problem => new { code = problem.Code, message = problem.Message, nodeId = problem.NodeId, path = problem.Path });

    private async Task<IActionResult> AnswerAsync(FlowOperationResult result, Func<object> done) =>
        await AnswerAsync(result, () => Task.FromResult(done()));

    private async Task<IActionResult> AnswerAsync(FlowOperationResult result, Func<Task<object>> done)
    {
        return result.Status switch
        {
            FlowOperationStatus.Done => Answer(200, await done()),
            FlowOperationStatus.NotFound => Answer(404, new { error = "notFound", message = await TextAsync("Flows.Refused.NotFound") }),
            FlowOperationStatus.Conflict => Answer(409, new { error = "conflict", message = await TextAsync("Flows.Refused.Conflict"), revision = result.Revision }),
            FlowOperationStatus.Invalid => Answer(400, new
            {
                error = "invalid",
                message = string.Format(await TextAsync("Flows.Refused.Invalid"), result.Problems.Count),
                problems = Problems(result.Problems)
            }),
            _ => Answer(400, new { error = "refused", message = await TextAsync($"Flows.Refused.{result.Refusal}") })
        };
    }

    private ContentResult Answer(int status, object body) => AdminJsonAnswer.Create(status, body);

    private Task<string> TextAsync(string name) => _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.{name}");

    #endregion
}
