using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Validation;

[TestFixture]
public class FlowValidatorTests
{
    private readonly FlowValidator _validator = new(FakeTemplates.ForSamples());

    private static string Flow(string nodes, string settings = "{}") => $$"""
        { "schemaVersion": 1, "id": "f", "version": 1, "settings": {{settings}}, "nodes": [ {{nodes}} ] }
        """;

    private const string StartToEnd = """{ "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "e" }, { "type": "end", "id": "e" }""";

    [Test]
    public void The_documented_example_is_valid()
    {
        var result = _validator.Validate(SampleFlows.AbandonedCart);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public void A_flow_using_every_kind_of_condition_and_action_is_valid_and_runs()
    {
        var result = _validator.Validate(SampleFlows.EveryKind);
        var flow = Nop.Plugin.Misc.CustomFlows.Engine.Runtime.CompiledFlow.Compile(result.Definition);
        var customer = EngineKit.Customer();
        customer.Tags.Add("vip");
        var run = EngineKit.NewRun(flow, customer, EngineKit.Monday10Utc);

        var step = new Nop.Plugin.Misc.CustomFlows.Engine.Runtime.FlowInterpreter().Advance(run, flow, EngineKit.Context(customer, EngineKit.Monday10Utc));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(step.Effects.Select(e => e.NodeId), Is.EqualTo(new[] { "popup", "coupon", "mail", "hook", "tag", "untag", "score", "stage", "alert" }));
    }

    [Test]
    public void Every_problem_is_reported_at_once_with_its_node_and_path()
    {
        // given a flow with six different mistakes in six steps
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "w" },
            { "type": "wait", "id": "w", "delay": "2 days", "next": "m" },
            { "type": "action", "id": "m", "action": { "type": "sendEmail", "template": "NoSuchTemplate" }, "next": "j" },
            { "type": "jump", "id": "j", "target": "w", "next": "f" },
            { "type": "filter", "id": "f", "condition": { "type": "hasTag", "tag": "vip" }, "yes": "e" },
            { "type": "teleport", "id": "t" },
            { "type": "end", "id": "e" },
            { "type": "end", "id": "lonely" }
            """);

        // when it is validated
        var problems = _validator.Validate(json).Problems;

        // then each mistake is there, pointing at its step and property; "lonely" is not called
        // unreachable, because the unreadable "t" might be the step that leads there
        Assert.That(problems.Select(p => (p.Code, p.NodeId, p.Path)), Is.EquivalentTo(new[]
        {
            (ProblemCodes.BadDuration, "w", "$.nodes[1].delay"),
            (ProblemCodes.UnknownTemplate, "m", "$.nodes[2].action.template"),
            (ProblemCodes.JumpWithoutLimit, "j", "$.nodes[3].maxRepetitions"),
            (ProblemCodes.MissingExit, "f", "$.nodes[4].no"),
            (ProblemCodes.UnknownNodeType, "t", "$.nodes[5].type")
        }));
    }

    [Test]
    public void A_loop_without_a_wait_is_reported_with_the_steps_in_it()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "m" },
            { "type": "action", "id": "m", "action": { "type": "addTag", "tag": "x" }, "next": "j" },
            { "type": "jump", "id": "j", "target": "m", "maxRepetitions": 3, "next": "e" },
            { "type": "end", "id": "e" }
            """);

        var problems = _validator.Validate(json).Problems;

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Code, Is.EqualTo(ProblemCodes.LoopWithoutWait));
        Assert.That(problems[0].Message, Does.Contain("\"m\"").And.Contain("\"j\""));
    }

    [Test]
    public void A_step_no_path_leads_to_is_reported_when_every_step_could_be_read()
    {
        var problems = _validator.Validate(Flow(StartToEnd + """, { "type": "end", "id": "lonely" }""")).Problems;

        Assert.That(problems.Select(p => (p.Code, p.Path)), Is.EqualTo(new[] { (ProblemCodes.Unreachable, "$.nodes[2]") }));
    }

    [Test]
    public void A_jump_to_a_later_step_is_refused()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "j" },
            { "type": "jump", "id": "j", "target": "e", "maxRepetitions": 1, "next": "e" },
            { "type": "end", "id": "e" }
            """);

        var problems = _validator.Validate(json).Problems;

        Assert.That(problems.Select(p => (p.Code, p.Path)), Is.EqualTo(new[] { (ProblemCodes.JumpNotBackwards, "$.nodes[1].target") }));
    }

    [Test]
    public void An_exit_to_a_step_of_unknown_type_is_not_reported_a_second_time()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "x" },
            { "type": "sms", "id": "x", "next": "e" },
            { "type": "end", "id": "e" }
            """);

        var problems = _validator.Validate(json).Problems;

        // "s -> x" is not an unknown target, and "e" is not unreachable: the unreadable "x" may lead there
        Assert.That(problems.Select(p => p.Code), Does.Contain(ProblemCodes.UnknownNodeType));
        Assert.That(problems.Select(p => p.Code), Does.Not.Contain(ProblemCodes.UnknownTarget).And.Not.Contain(ProblemCodes.Unreachable));
    }

    [Test]
    public void A_misspelled_property_in_one_step_is_reported_and_the_other_steps_are_still_checked()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "w" },
            { "type": "wait", "id": "w", "dealy": "1d", "next": "m" },
            { "type": "action", "id": "m", "action": { "type": "sendEmail", "template": "Unknown" }, "next": "e" },
            { "type": "end", "id": "e" }
            """);

        var problems = _validator.Validate(json).Problems;

        Assert.That(problems.Select(p => (p.Code, p.NodeId, p.Path)), Is.EquivalentTo(new[]
        {
            (ProblemCodes.JsonShape, "w", "$.nodes[1].dealy"),
            (ProblemCodes.UnknownTemplate, "m", "$.nodes[2].action.template")
        }));
    }

    [Test]
    public void A_file_that_starts_with_a_utf8_byte_order_mark_is_read_like_one_without()
    {
        // given the example as an editor on Windows saves it: EF BB BF, then the document
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(SampleFlows.AbandonedCart)).ToArray();

        var fromBytes = _validator.Validate(bytes);
        var fromText = _validator.Validate("\uFEFF" + SampleFlows.AbandonedCart);

        Assert.That(fromBytes.Problems, Is.Empty);
        Assert.That(fromText.Problems, Is.Empty);
        Assert.That(fromBytes.Definition.Id, Is.EqualTo("abandoned-cart"));
    }

    [Test]
    public void Text_that_is_not_json_gives_one_syntax_problem()
    {
        var result = _validator.Validate("{ \"schemaVersion\": 1, ");

        Assert.That(result.Definition, Is.Null);
        Assert.That(result.Problems.Single().Code, Is.EqualTo(ProblemCodes.JsonSyntax));
    }

    [Test]
    public void A_document_of_a_newer_schema_is_not_interpreted()
    {
        var result = _validator.Validate("""{ "schemaVersion": 7, "nodes": 12 }""");

        Assert.That(result.Problems.Single().Code, Is.EqualTo(ProblemCodes.SchemaVersion));
    }

    [Test]
    public void An_engagement_condition_must_name_a_step_that_sends_that_kind_of_message()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "f" },
            { "type": "filter", "id": "f", "condition": { "type": "emailEngagement", "nodeId": "s", "engagement": "clicked" }, "yes": "e", "no": "e" },
            { "type": "end", "id": "e" }
            """);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That((problem.Code, problem.Path), Is.EqualTo((ProblemCodes.BadNodeReference, "$.nodes[1].condition.nodeId")));
    }

    [TestCase("""{ "event": "tag_added" }""", "$.nodes[0].trigger.tag")]
    [TestCase("""{ "event": "custom" }""", "$.nodes[0].trigger.eventName")]
    [TestCase("""{ "event": "date", "offsetDays": -3 }""", "$.nodes[0].trigger.dateField")]
    [TestCase("""{ "event": "cart_updated", "cartChange": "abandoned" }""", "$.nodes[0].trigger.abandonedAfterMinutes")]
    [TestCase("""{ "event": "product_viewed", "scope": { "kind": "product" } }""", "$.nodes[0].trigger.scope.id")]
    [TestCase("""{ "event": "email_clicked" }""", "$.nodes[0].trigger.event")]
    [TestCase("""{ "event": "order_placed", "filters": { "minValue": 100, "maxValue": 50 } }""", "$.nodes[0].trigger.filters.maxValue")]
    public void A_trigger_missing_what_its_event_needs_is_reported_at_that_property(string trigger, string path)
    {
        var json = Flow($$"""{ "type": "start", "id": "s", "trigger": {{trigger}}, "next": "e" }, { "type": "end", "id": "e" }""");

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That(problem.Path, Is.EqualTo(path));
        Assert.That(problem.NodeId, Is.EqualTo("s"));
    }

    [TestCase("""{ "reEntry": { "mode": "oncePerPeriod" } }""", "$.settings.reEntry.period")]
    [TestCase("""{ "frequencyCap": { "max": 0, "period": "1d" } }""", "$.settings.frequencyCap.max")]
    [TestCase("""{ "frequencyCap": { "max": 2, "period": "0s" } }""", "$.settings.frequencyCap.period")]
    [TestCase("""{ "audience": { "type": "randomPercent", "percent": 120 } }""", "$.settings.audience.percent")]
    public void A_bad_setting_is_reported_at_its_path(string settings, string path)
    {
        var problem = _validator.Validate(Flow(StartToEnd, settings)).Problems.Single();

        Assert.That(problem.Path, Is.EqualTo(path));
        Assert.That(problem.NodeId, Is.Null);
    }

    [TestCase("""{ "type": "showPopup", "template": "Nope" }""", ProblemCodes.UnknownTemplate, "$.nodes[1].action.template")]
    [TestCase("""{ "type": "webhook", "url": "ftp://example.com" }""", ProblemCodes.Invalid, "$.nodes[1].action.url")]
    [TestCase("""{ "type": "createCoupon", "percent": 10 }""", ProblemCodes.BadDuration, "$.nodes[1].action.validFor")]
    [TestCase("""{ "type": "createCoupon", "percent": 10, "amount": 5, "validFor": "7d" }""", ProblemCodes.Invalid, "$.nodes[1].action.percent")]
    [TestCase("""{ "type": "createCoupon", "percent": 10, "validFor": "7d", "maxDiscountAmount": 0 }""", ProblemCodes.Invalid, "$.nodes[1].action.maxDiscountAmount")]
    [TestCase("""{ "type": "createCoupon", "amount": 10, "validFor": "7d", "maxDiscountAmount": 50 }""", ProblemCodes.Invalid, "$.nodes[1].action.maxDiscountAmount")]
    [TestCase("""{ "type": "createCoupon", "percent": 10, "validFor": "7d", "minOrderTotal": 100 }""", ProblemCodes.JsonShape, "$.nodes[1].action.minOrderTotal")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "show": "afterDelay" } }""", ProblemCodes.Missing, "$.nodes[1].action.display.delaySeconds")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "show": "afterDelay", "delaySeconds": 601 } }""", ProblemCodes.Invalid, "$.nodes[1].action.display.delaySeconds")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "delaySeconds": 5 } }""", ProblemCodes.Invalid, "$.nodes[1].action.display.delaySeconds")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "show": "onScroll" } }""", ProblemCodes.Missing, "$.nodes[1].action.display.scrollPercent")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "show": "onScroll", "scrollPercent": 0 } }""", ProblemCodes.Invalid, "$.nodes[1].action.display.scrollPercent")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "maxShows": 0 } }""", ProblemCodes.Invalid, "$.nodes[1].action.display.maxShows")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "minInterval": "often" } }""", ProblemCodes.BadDuration, "$.nodes[1].action.display.minInterval")]
    [TestCase("""{ "type": "showPopup", "template": "CustomFlows.Popup", "display": { "pages": ["basket"] } }""", ProblemCodes.JsonShape, "$.nodes[1].action.display.pages[0]")]
    [TestCase("""{ "type": "changeScore", "delta": 0 }""", ProblemCodes.Invalid, "$.nodes[1].action.delta")]
    [TestCase("""{ "type": "addTag", "tag": " " }""", ProblemCodes.Missing, "$.nodes[1].action.tag")]
    [TestCase("""{ "type": "sms", "text": "hi" }""", ProblemCodes.JsonShape, "$.nodes[1].action")]
    public void A_bad_action_is_reported_at_its_property(string action, string code, string path)
    {
        var json = Flow($$"""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "a" },
            { "type": "action", "id": "a", "action": {{action}}, "next": "e" },
            { "type": "end", "id": "e" }
            """);

        var problems = _validator.Validate(json).Problems;

        Assert.That(problems.Select(p => (p.Code, p.NodeId, p.Path)), Does.Contain((code, "a", path)));
        Assert.That(problems.Count(p => p.NodeId == "a" && p.Code != ProblemCodes.Unreachable), Is.EqualTo(1));
    }

    [Test]
    public void A_popup_with_every_display_rule_set_validates()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "product_viewed" }, "next": "a" },
            { "type": "action", "id": "a", "action": { "type": "showPopup", "template": "CustomFlows.Popup", "expiresAfter": "3d",
              "display": { "pages": ["product", "cart"], "show": "onExitIntent", "maxShows": 2, "minInterval": "12h" } }, "next": "e" },
            { "type": "end", "id": "e" }
            """);

        Assert.That(_validator.Validate(json).Problems, Is.Empty);
    }

    [Test]
    public void A_split_with_one_branch_is_refused()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "x" },
            { "type": "split", "id": "x", "branches": [ { "name": "A", "next": "e" } ] },
            { "type": "end", "id": "e" }
            """);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That((problem.NodeId, problem.Path), Is.EqualTo(("x", "$.nodes[1].branches")));
    }

    [Test]
    public void An_event_wait_without_a_timeout_is_refused()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "w" },
            { "type": "wait", "id": "w", "untilEvent": { "event": "order_paid" }, "next": "e", "onEvent": "e" },
            { "type": "end", "id": "e" }
            """);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That((problem.Code, problem.Path), Is.EqualTo((ProblemCodes.BadDuration, "$.nodes[1].timeout")));
    }

    [Test]
    public void Two_steps_with_the_same_id_are_reported()
    {
        var json = Flow("""
            { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "e" },
            { "type": "end", "id": "e" },
            { "type": "end", "id": "e" }
            """);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That((problem.Code, problem.Path), Is.EqualTo((ProblemCodes.DuplicateNodeId, "$.nodes[2].id")));
    }

    [Test]
    public void A_definition_built_in_code_is_checked_like_a_document()
    {
        var definition = new FlowDefinition
        {
            Id = "f",
            Nodes = { new StartNode { Id = "s", Trigger = new() { Event = FlowEventType.OrderPaid } } }
        };

        var problem = new FlowValidator().Validate(definition).Single();

        Assert.That((problem.Code, problem.Path), Is.EqualTo((ProblemCodes.MissingExit, "$.nodes[0].next")));
    }
}
