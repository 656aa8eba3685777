using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Validation;

/// <summary>
/// A value of the wrong kind is reported in the words of the JSON (its path, text, number, true/false,
/// list, object, the allowed names), never in .NET's, and does not bring false problems with it.
/// </summary>
[TestFixture]
public class ShapeMessageTests
{
    private readonly FlowValidator _validator = new(FakeTemplates.ForSamples());

    private const string Start = """{ "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "a" }""";

    private const string End = """{ "type": "end", "id": "e" }""";

    private static string Flow(string nodes, string header = "\"id\": \"f\", \"version\": 1, \"settings\": {},") => $$"""
        { "schemaVersion": 1, {{header}} "nodes": [ {{nodes}} ] }
        """;

    private static string WithStep(string step) => Flow($"{Start}, {step}, {End}");

    [TestCase("""{ "type": "action", "id": "a", "title": 5, "action": { "type": "addTag", "tag": "x" }, "next": "e" }""", "$.nodes[1].title", "\"title\" must be text, not the number 5.")]
    [TestCase("""{ "type": "action", "id": "a", "action": { "type": "addTag", "tag": [1] }, "next": "e" }""", "$.nodes[1].action.tag", "\"tag\" must be text, not a list.")]
    [TestCase("""{ "type": "action", "id": "a", "action": { "type": "changeScore", "delta": "big" }, "next": "e" }""", "$.nodes[1].action.delta", "\"delta\" must be a whole number")]
    [TestCase("""{ "type": "filter", "id": "a", "condition": { "type": "teleport" }, "yes": "e", "no": "e" }""", "$.nodes[1].condition", "\"teleport\" is not a known \"type\" here; use one of \"all\"")]
    [TestCase("""{ "type": "action", "id": "a", "action": { "type": "sendEmail", "template": "CustomFlows.Thanks", "category": "loud" }, "next": "e" }""", "$.nodes[1].action.category", "one of \"marketing\", \"transactional\", not the text \"loud\"")]
    [TestCase("""{ "type": "action", "id": "a", "action": { "type": "addTag", "tag": "x", "colour": 1 }, "next": "e" }""", "$.nodes[1].action.colour", "\"colour\" is not a property of an object of \"type\" \"addTag\"; it takes \"tag\".")]
    [TestCase("""{ "type": "action", "id": "a", "action": { "tag": "x" }, "next": "e" }""", "$.nodes[1].action", "\"action\" needs a \"type\"; use one of")]
    [TestCase("""{ "type": "wait", "id": "a", "onWeekdays": ["funday"], "next": "e" }""", "$.nodes[1].onWeekdays[0]", "\"onWeekdays[0]\" must be one of \"sunday\", \"monday\"")]
    [TestCase("""{ "type": "wait", "id": "a", "onWeekdays": "monday", "next": "e" }""", "$.nodes[1].onWeekdays", "\"onWeekdays\" must be a list, not the text \"monday\".")]
    [TestCase("""{ "type": "action", "id": "a", "action": { "type": "createCoupon", "percent": true, "validFor": "1d" }, "next": "e" }""", "$.nodes[1].action.percent", "\"percent\" must be a number, not true.")]
    [TestCase("""{ "type": "split", "id": "a", "branches": { "name": "A" } }""", "$.nodes[1].branches", "\"branches\" must be a list, not an object.")]
    [TestCase("""{ "type": "split", "id": "a", "branches": [ { "name": "A", "weight": 1.5, "next": "e" }, { "name": "B", "next": "e" } ] }""", "$.nodes[1].branches[0].weight", "\"weight\" must be a whole number")]
    [TestCase("""{ "type": "jump", "id": "a", "target": "a", "maxRepetitions": 99999999999, "next": "e" }""", "$.nodes[1].maxRepetitions", "not the number 99999999999")]
    [TestCase("""{ "type": "wait", "id": "a", "delay": "1d", "untilTimeOfDay": 9, "next": "e" }""", "$.nodes[1].untilTimeOfDay", "\"untilTimeOfDay\" must be text, not the number 9.")]
    [TestCase("""{ "type": "action", "id": "a", "action": "tag", "next": "e" }""", "$.nodes[1].action", "\"action\" must be an object, not the text \"tag\".")]
    public void A_value_of_the_wrong_kind_is_explained_in_the_words_of_the_json_and_adds_no_false_problems(string step, string path, string words)
    {
        var problems = _validator.Validate(WithStep(step)).Problems;

        Assert.That(problems.Select(p => (p.Code, p.Path)), Is.EqualTo(new[] { (ProblemCodes.JsonShape, path) }), string.Join("\n", problems));
        Assert.That(problems[0].Message, Does.Contain(words));
        AssertNoDotNet(problems);
    }

    [Test]
    public void A_trigger_with_an_unknown_event_lists_the_event_names_as_the_json_writes_them()
    {
        var json = Flow("""{ "type": "start", "id": "s", "trigger": { "event": "teleported" }, "next": "e" }, """ + End);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That(problem.Path, Is.EqualTo("$.nodes[0].trigger.event"));
        Assert.That(problem.Message, Does.Contain("\"order_placed\"").And.Contain("not the text \"teleported\""));
        AssertNoDotNet([problem]);
    }

    [Test]
    public void A_message_event_as_trigger_is_named_as_the_json_names_it()
    {
        var json = Flow("""{ "type": "start", "id": "s", "trigger": { "event": "email_clicked" }, "next": "e" }, """ + End);

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That(problem.Message, Does.StartWith("\"email_clicked\" cannot start a flow"));
    }

    [Test]
    public void Broken_header_properties_are_each_reported_and_the_good_ones_still_read()
    {
        var json = Flow($"{Start}, {{ \"type\": \"action\", \"id\": \"a\", \"action\": {{ \"type\": \"addTag\", \"tag\": \"x\" }}, \"next\": \"e\" }}, {End}",
            """ "id": "f", "version": "one", "name": 5, "settings": { "priority": "high", "frequencyCap": { "max": 0, "period": "1d" } },""");

        var result = _validator.Validate(json);

        // the id was fine, so "the flow id is required" would be false; the cap was read, so its own problem shows
        Assert.That(result.Problems.Select(p => (p.Code, p.Path)), Is.EquivalentTo(new[]
        {
            (ProblemCodes.JsonShape, "$.version"),
            (ProblemCodes.JsonShape, "$.name"),
            (ProblemCodes.JsonShape, "$.settings.priority"),
            (ProblemCodes.Invalid, "$.settings.frequencyCap.max")
        }), string.Join("\n", result.Problems));
        Assert.That(result.Definition.Id, Is.EqualTo("f"));
        AssertNoDotNet(result.Problems);
    }

    [Test]
    public void A_step_with_one_broken_property_is_still_read_and_checked_for_the_rest()
    {
        var json = WithStep("""{ "type": "action", "id": "a", "title": false, "action": { "type": "sendEmail", "template": "NoSuchTemplate" }, "next": "e" }""");

        var result = _validator.Validate(json);

        Assert.That(result.Problems.Select(p => (p.Code, p.Path)), Is.EquivalentTo(new[]
        {
            (ProblemCodes.JsonShape, "$.nodes[1].title"),
            (ProblemCodes.UnknownTemplate, "$.nodes[1].action.template")
        }));
        Assert.That(result.Definition.Nodes.Select(n => n.Id), Is.EqualTo(new[] { "s", "a", "e" }), "the editor keeps the step");
    }

    [Test]
    public void A_broken_exit_is_reported_once_not_again_as_leading_nowhere()
    {
        var problems = _validator.Validate(WithStep("""{ "type": "action", "id": "a", "action": { "type": "addTag", "tag": "x" }, "next": 5 }""")).Problems;

        Assert.That(problems.Select(p => (p.Code, p.Path)), Is.EqualTo(new[] { (ProblemCodes.JsonShape, "$.nodes[1].next") }), string.Join("\n", problems));
    }

    [Test]
    public void A_property_written_twice_is_named_with_its_path()
    {
        var problems = _validator.Validate(WithStep("""{ "type": "action", "id": "a", "action": { "type": "addTag", "tag": "x" }, "next": "e", "next": "e" }""")).Problems;

        var problem = problems.Single();
        Assert.That((problem.Code, problem.Path), Is.EqualTo((ProblemCodes.JsonShape, "$.nodes[1].next")));
        Assert.That(problem.Message, Does.Contain("\"next\" appears more than once"));
        AssertNoDotNet(problems);
    }

    [Test]
    public void Text_that_is_not_json_says_where_it_breaks()
    {
        var problem = _validator.Validate("{ \"schemaVersion\": 1,\n  \"id\": }").Problems.Single();

        Assert.That(problem.Code, Is.EqualTo(ProblemCodes.JsonSyntax));
        Assert.That(problem.Message, Does.Contain("line 2"));
    }

    [Test]
    public void Reading_a_broken_definition_directly_explains_it_in_the_words_of_the_json()
    {
        var ex = Assert.Throws<FlowFormatException>(() => FlowJson.Deserialize(WithStep("""{ "type": "action", "id": "a", "action": { "type": "addTag", "tag": [1] }, "next": "e" }""")));

        Assert.That(ex.Message, Does.Contain("$.nodes[1].action.tag").And.Contain("\"tag\" must be text, not a list."));
        Assert.That(ex.Message, Does.Not.Contain("System.").And.Not.Contain(".NET"));
    }

    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":"x"}""", "\"customer\" must be a whole number")]
    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"totl":5}""", "\"totl\" is not a property of this object; it takes")]
    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"items":[{"product":"shoe"}]}""", "$.items[0].product: \"product\" must be a whole number")]
    public void A_bad_event_line_is_explained_in_the_words_of_the_json(string line, string words)
    {
        var error = Assert.Throws<SimulationInputException>(() => EventLineReader.Read(new StringReader(line), "events.jsonl").ToList());

        Assert.That(error.Message, Does.Contain(words));
        Assert.That(error.Message, Does.Not.Contain("System.").And.Not.Contain(".NET").And.Not.Contain("Simulation"));
    }

    [Test]
    public void A_bad_customer_and_a_bad_guardrails_file_are_explained_in_the_words_of_the_json()
    {
        var customer = Assert.Throws<SimulationInputException>(() => CustomerFileReader.Read(new StringReader("""{"id":1,"score":"high"}"""), "customers.jsonl"));
        var guardrails = Assert.Throws<SimulationInputException>(() => GuardrailFileReader.Read(new StringReader("""{"pauseAll":"yes"}"""), new SimulationOptions(), "guardrails.json"));

        Assert.That(customer.Message, Does.Contain("\"score\" must be a whole number"));
        Assert.That(guardrails.Message, Does.Contain("\"pauseAll\" must be true or false, not the text \"yes\"."));
        Assert.That(customer.Message + guardrails.Message, Does.Not.Contain("System.").And.Not.Contain(".NET"));
    }

    private static void AssertNoDotNet(IEnumerable<ValidationProblem> problems)
    {
        foreach (var problem in problems)
        {
            Assert.That(problem.Message, Does.Not.Contain("System.").And.Not.Contain(".NET").And.Not.Contain("Nop.").And.Not.Contain("`1")
                .And.Not.Contain("Parameter"), problem.ToString());
        }
    }
}
