using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Validation;

/// <summary>
/// Texts the shop keeps in bounded columns are refused when longer than the column, and a message
/// never repeats a long bad value in full.
/// </summary>
[TestFixture]
public class SizeLimitTests
{
    private readonly FlowValidator _validator = new();

    private static string Flow(string nodes, string header = "") => $$"""
        { "schemaVersion": 1, "id": "f", "version": 1, {{header}} "settings": {}, "nodes": [ {{nodes}} ] }
        """;

    private static string StartTo(string next) => $$"""{ "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "{{next}}" }""";

    [Test]
    public void A_name_longer_than_the_flow_name_column_is_refused_and_not_repeated_in_full()
    {
        var name = new string('n', 10 * 1024 * 1024);

        var problem = _validator.Validate(Flow(StartTo("e") + """, { "type": "end", "id": "e" }""", $"\"name\": \"{name}\",")).Problems.Single();

        Assert.That(problem.Path, Is.EqualTo("$.name"));
        Assert.That(problem.Message, Does.Contain(FlowLimits.NameLength.ToString()));
        Assert.That(problem.Message.Length, Is.LessThan(200));
    }

    [Test]
    public void A_name_as_long_as_the_column_is_fine()
    {
        var name = new string('n', FlowLimits.NameLength);

        Assert.That(_validator.Validate(Flow(StartTo("e") + """, { "type": "end", "id": "e" }""", $"\"name\": \"{name}\",")).Problems, Is.Empty);
    }

    [Test]
    public void A_step_id_longer_than_the_step_columns_is_refused_with_an_excerpt()
    {
        var id = new string('x', FlowLimits.StepIdLength + 1);

        var problems = _validator.Validate(Flow(StartTo(id) + $$""", { "type": "end", "id": "{{id}}" }""")).Problems;

        var problem = problems.Single();
        Assert.That((problem.Code, problem.Path), Is.EqualTo((ProblemCodes.Invalid, "$.nodes[1].id")));
        Assert.That(problem.Message, Does.Contain(FlowLimits.StepIdLength.ToString()));
        Assert.That(problem.Message, Does.Contain("\"" + new string('x', 40) + "…\""));
        Assert.That(problem.Message, Does.Not.Contain(id));
    }

    [Test]
    public void A_step_id_of_exactly_the_column_length_is_fine()
    {
        var id = new string('x', FlowLimits.StepIdLength);

        Assert.That(_validator.Validate(Flow(StartTo(id) + $$""", { "type": "end", "id": "{{id}}" }""")).Problems, Is.Empty);
    }

    [Test]
    public void Goal_and_exit_names_longer_than_a_runs_exit_reason_are_refused()
    {
        var name = new string('g', FlowLimits.EndReasonLength + 1);
        var header = $$"""
            "goal": { "name": "{{name}}", "condition": { "type": "ordersCount", "value": 1, "sinceEntry": true } },
            "exitConditions": [ { "name": "{{name}}", "condition": { "type": "hasTag", "tag": "x" } } ],
            """;

        var problems = _validator.Validate(Flow(StartTo("e") + """, { "type": "end", "id": "e" }""", header)).Problems;

        Assert.That(problems.Select(p => p.Path), Is.EquivalentTo(new[] { "$.goal.name", "$.exitConditions[0].name" }));
        Assert.That(problems.Select(p => p.Message.Length), Has.All.LessThan(200));
    }

    [Test]
    public void A_funnel_stage_longer_than_its_column_is_refused()
    {
        var stage = new string('f', FlowLimits.FunnelStageLength + 1);
        var json = Flow(StartTo("a") + $$"""
            , { "type": "action", "id": "a", "action": { "type": "setFunnelStage", "stage": "{{stage}}" }, "next": "e" },
            { "type": "end", "id": "e" }
            """);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That(problem.Path, Is.EqualTo("$.nodes[1].action.stage"));
    }

    [TestCase("""{ "type": "wait", "id": "w", "delay": "VALUE", "next": "e" }""", "$.nodes[1].delay")]
    [TestCase("""{ "type": "wait", "id": "w", "delay": "1d", "untilTimeOfDay": "VALUE", "next": "e" }""", "$.nodes[1].untilTimeOfDay")]
    [TestCase("""{ "type": "wait", "id": "w", "delay": "1d", "next": "VALUE" }""", "$.nodes[1].next")]
    [TestCase("""{ "type": "action", "id": "w", "action": { "type": "sendEmail", "template": "VALUE" }, "next": "e" }""", "$.nodes[1].action.template")]
    [TestCase("""{ "type": "filter", "id": "w", "condition": { "type": "emailEngagement", "nodeId": "VALUE", "engagement": "opened" }, "yes": "e", "no": "e" }""", "$.nodes[1].condition.nodeId")]
    [TestCase("""{ "type": "split", "id": "w", "branches": [ { "name": "VALUE", "next": "e" }, { "name": "VALUE", "next": "e" } ] }""", "$.nodes[1].branches[1].name")]
    public void A_message_about_a_long_bad_value_quotes_only_its_beginning(string step, string path)
    {
        var value = "bad" + new string('z', 5000);
        var validator = new FlowValidator(FakeTemplates.ForSamples());

        var problems = validator.Validate(Flow(StartTo("w") + ", " + step.Replace("VALUE", value) + """, { "type": "end", "id": "e" }""")).Problems;

        var problem = problems.Single(p => p.Path == path);
        Assert.That(problem.Message, Does.Contain("\"bad" + new string('z', 37) + "…\""));
        Assert.That(problem.Message.Length, Is.LessThan(250), problem.Message);
    }
}
