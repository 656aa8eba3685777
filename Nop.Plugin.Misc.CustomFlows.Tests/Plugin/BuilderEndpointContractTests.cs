using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Plugin.Misc.CustomFlows.Tests.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Helpers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// The builder's endpoints answer in the shapes of the fixture files the builder's browser tests are served
/// (tests/fixtures/admin-api): every property the builder reads is there, under the same name, at the same place.
/// The endpoints run over the real lifecycle service and in-memory tables.
/// </summary>
[TestFixture]
public class BuilderEndpointContractTests
{
    private FlowLifecycleServiceTests.Shop _shop;

    private sealed class Products : IProductService
    {
        public Task<Product> GetProductByIdAsync(int productId) => Task.FromResult<Product>(null);

        public Task<IList<Product>> GetProductsByIdsAsync(int[] productIds) => Task.FromResult<IList<Product>>(new List<Product>());

        public Task<IPagedList<Product>> SearchProductsAsync(int pageIndex = 0, int pageSize = int.MaxValue, IList<int> categoryIds = null, IList<int> manufacturerIds = null, int storeId = 0, int vendorId = 0, int warehouseId = 0, ProductType? productType = null, bool visibleIndividuallyOnly = false, bool excludeFeaturedProducts = false, decimal? priceMin = null, decimal? priceMax = null, int productTagId = 0, string keywords = null, bool searchDescriptions = false, bool searchManufacturerPartNumber = true, bool searchSku = true, bool searchProductTags = false, int languageId = 0, IList<SpecificationAttributeOption> filteredSpecOptions = null, ProductSortingEnum orderBy = ProductSortingEnum.Position, bool showHidden = false, bool? overridePublished = null)
        {
            var all = Enumerable.Range(1, 25).Select(i => new Product { Id = i, Name = $"Shirt {i}" }).Where(p => keywords == null || p.Name.Contains(keywords)).ToList();
            return Task.FromResult<IPagedList<Product>>(new InMemoryPagedList<Product>(all.Skip(pageIndex * pageSize).Take(pageSize), pageIndex, pageSize, all.Count));
        }
    }

    [SetUp]
    public void SetUp() => _shop = new FlowLifecycleServiceTests.Shop();

    private CustomFlowBuilderController Controller(string body = null)
    {
        var categories = new Mock<ICategoryService>();
        categories.Setup(c => c.GetAllCategoriesAsync(It.IsAny<string>(), 0, It.IsAny<int>(), It.IsAny<int>(), true, null))
            .ReturnsAsync(new InMemoryPagedList<Category>(new[] { new Category { Id = 3, Name = "Notebooks" } }, 0, 10, 1));
        categories.Setup(c => c.GetFormattedBreadCrumbAsync(It.IsAny<Category>(), null, ">>", 0)).ReturnsAsync("Computers >> Notebooks");
        categories.Setup(c => c.GetCategoryByIdAsync(31)).ReturnsAsync(new Category { Id = 31, Name = "Notebooks" });
        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(d => d.ConvertToUserTimeAsync(It.IsAny<DateTime>(), DateTimeKind.Utc)).ReturnsAsync<DateTime, DateTimeKind, IDateTimeHelper, DateTime>((dt, _) => dt);
        var prices = new Mock<IPriceFormatter>();
        prices.Setup(p => p.FormatPriceAsync(It.IsAny<decimal>(), true, false)).ReturnsAsync("$0.00");
        var texts = new Mock<ILocalizationService>();
        texts.Setup(t => t.GetResourceAsync(It.IsAny<string>())).ReturnsAsync<string, ILocalizationService, string>(key => key);

        var controller = new CustomFlowBuilderController(categories.Object, dates.Object, prices.Object, _shop.Lifecycle(), texts.Object,
            _shop.MessageTemplates.Object, new Products(), _shop.Stats, _shop.Attributions, _shop.Runs, _shop.Versions, null, _shop.Clock);
        var context = new DefaultHttpContext();
        if (body != null)
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        controller.ControllerContext = new ControllerContext { HttpContext = context };
        return controller;
    }

    private static JsonNode Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", name)))!;

    /// <summary>
    /// The places of a JSON answer: property paths, array items folded into "[]", the keys of "nodes" (step ids) into "*"
    /// </summary>
    private static SortedSet<string> Shape(JsonNode node, string path = "")
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var place = path.EndsWith(".nodes", StringComparison.Ordinal) ? $"{path}.*" : $"{path}.{key}";
                    shape.Add(place);
                    //the flow document inside is the dialect's (docs/flow-definition.md), checked by the validator's own tests
                    if (!place.StartsWith(".definition", StringComparison.Ordinal))
                        shape.UnionWith(Shape(value, place));
                }
                break;
            case JsonArray array when array.Count > 0:
                shape.UnionWith(Shape(array[0], path + "[]"));
                break;
        }

        return shape;
    }

    private static async Task<(int Status, JsonNode Body)> AnswerAsync(Task<IActionResult> action)
    {
        var result = (ContentResult)await action;
        return (result.StatusCode ?? 200, JsonNode.Parse(result.Content)!);
    }

    private static void AssertShape(JsonNode answer, string fixture, params string[] extras)
    {
        Assert.That(Shape(answer), Is.EquivalentTo(Shape(Fixture(fixture)).Union(extras)), $"the answer has the shape of {fixture}");
    }

    private async Task<int> BrokenFlowAsync() =>
        (await _shop.Lifecycle().ImportAsync(FlowLifecycleServiceTests.TwoStepFlow("No.Such.Template"))).FlowId;

    [Test]
    public async Task The_draft_answer_has_the_fixtures_shape_with_the_shops_integer_id()
    {
        var created = await _shop.Lifecycle().CreateBlankAsync("New flow", Nop.Plugin.Misc.CustomFlows.Engine.Definition.FlowEventType.OrderPlaced);

        var (status, body) = await AnswerAsync(Controller().Draft(created.FlowId));

        Assert.That(status, Is.EqualTo(200));
        AssertShape(body, "draft-blank.json");
        Assert.That(body["definition"]!["id"]!.GetValue<string>(), Is.EqualTo(created.FlowId.ToString()));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("draft"));
        Assert.That(body["revision"]!.GetValue<string>(), Is.EqualTo(created.Revision));
    }

    [Test]
    public async Task Save_answers_ok_conflict_and_bad_request_in_the_fixtures_shapes()
    {
        var id = await BrokenFlowAsync();
        var draft = await _shop.Lifecycle().GetDraftAsync(id);
        var definition = JsonNode.Parse(draft.Json)!.ToJsonString();

        var (okStatus, ok) = await AnswerAsync(Controller($$"""{ "revision": "{{draft.Revision}}", "definition": {{definition}} }""").SaveDraft(id));
        var (conflictStatus, conflict) = await AnswerAsync(Controller($$"""{ "revision": "{{draft.Revision}}x", "definition": {{definition}} }""").SaveDraft(id));
        var (badStatus, bad) = await AnswerAsync(Controller("""{ "revision": "r" }""").SaveDraft(id));

        Assert.That((okStatus, conflictStatus, badStatus), Is.EqualTo((200, 409, 400)));
        AssertShape(ok, "validate-loop-without-wait.json", ".revision", ".savedOn");
        AssertShape(conflict, "save-conflict.json");
        AssertShape(bad, "save-bad-request.json");
        Assert.That(ok["problems"]![0]!["nodeId"]!.GetValue<string>(), Is.EqualTo("mail"), "the problem sits on its step");
    }

    [Test]
    public async Task Validate_and_publish_answer_in_the_fixtures_shapes()
    {
        var id = await BrokenFlowAsync();
        var draft = await _shop.Lifecycle().GetDraftAsync(id);

        var (_, validated) = await AnswerAsync(Controller($$"""{ "definition": {{draft.Json}} }""").Validate(id));
        var (invalidStatus, invalid) = await AnswerAsync(Controller($$"""{ "revision": "{{draft.Revision}}" }""").Publish(id));
        var good = await _shop.Lifecycle().ImportAsync(FlowLifecycleServiceTests.TwoStepFlow(_shop.KnownEmailTemplate));
        var (okStatus, published) = await AnswerAsync(Controller($$"""{ "revision": "{{good.Revision}}" }""").Publish(good.FlowId));

        AssertShape(validated, "validate-loop-without-wait.json");
        Assert.That(invalidStatus, Is.EqualTo(400));
        AssertShape(invalid, "publish-invalid.json");
        Assert.That(okStatus, Is.EqualTo(200));
        AssertShape(published, "publish-ok.json", ".revision");
        Assert.That(published["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_pickers_page_the_shops_products_and_categories_in_the_fixtures_shapes()
    {
        var (_, first) = await AnswerAsync(Controller().Products("Shirt", 1));
        var (_, last) = await AnswerAsync(Controller().Products("Shirt", 3));
        var (_, categories) = await AnswerAsync(Controller().Categories(null));
        var (_, templates) = await AnswerAsync(Controller().MessageTemplates());

        AssertShape(first, "products-page1.json");
        Assert.That((first["items"]!.AsArray().Count, first["hasMore"]!.GetValue<bool>()), Is.EqualTo((10, true)));
        Assert.That((last["items"]!.AsArray().Count, last["hasMore"]!.GetValue<bool>()), Is.EqualTo((5, false)));
        AssertShape(categories, "categories.json");
        Assert.That(categories["items"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Computers >> Notebooks"));
        AssertShape(templates, "message-templates.json");
    }

    [Test]
    public async Task The_numbers_of_a_live_version_come_per_step_in_the_fixtures_shape()
    {
        var good = await _shop.Lifecycle().ImportAsync(FlowLifecycleServiceTests.TwoStepFlow(_shop.KnownEmailTemplate));
        var (_, before) = await AnswerAsync(Controller().Stats(good.FlowId, null));
        await _shop.Lifecycle().PublishAsync(good.FlowId, null);
        var version = (await _shop.Lifecycle().GetVersionsAsync(good.FlowId)).Single();
        await _shop.Stats.InsertAsync(new Nop.Plugin.Misc.CustomFlows.Domain.FlowNodeDailyStat { FlowId = good.FlowId, FlowVersionId = version.Id, NodeId = "mail", DayOnUtc = _shop.Clock.UtcNow.Date, Entered = 4, Sent = 3 });
        await _shop.AddRunAsync(good.FlowId, 1, "wait");

        var (_, after) = await AnswerAsync(Controller().Stats(good.FlowId, null));

        AssertShape(before, "stats-never-published.json");
        AssertShape(after, "stats.json");
        Assert.That((after["nodes"]!["mail"]!["sent"]!.GetValue<int>(), after["nodes"]!["wait"]!["waiting"]!.GetValue<int>()), Is.EqualTo((3, 1)));
    }

    [Test]
    public async Task The_draft_names_the_categories_its_steps_pick_so_the_builder_shows_names_not_ids()
    {
        var template = Nop.Plugin.Misc.CustomFlows.Engine.Templates.FlowTemplateLibrary.Find("browse-abandonment-category");
        var values = Nop.Plugin.Misc.CustomFlows.Services.Flows.TemplateParameters.Find(JsonNode.Parse(template.DefinitionJson)!.AsObject())
            .ToDictionary(p => p.Key, p => p.Kind == Nop.Plugin.Misc.CustomFlows.Services.Flows.TemplateParameterKind.WebhookUrl ? "https://crm.shop.test/hook" : "31");
        var created = await _shop.Lifecycle().CreateFromTemplateAsync(template.Name, "Browse", values);

        var (_, body) = await AnswerAsync(Controller().Draft(created.FlowId));

        Assert.That(body["names"]!["category:31"]!.GetValue<string>(), Is.EqualTo("Computers >> Notebooks"));
    }
}
