using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Validation;

/// <summary>
/// A loop is only allowed when every way round it passes a wait that takes time; otherwise one
/// customer's run could go round at the same instant until a limit stops it.
/// </summary>
[TestFixture]
public class LoopRuleTests
{
    private readonly FlowValidator _validator = new();

    /// <summary>Mail, then the wait under test, then a jump back to the mail.</summary>
    private static string LoopThrough(string wait) => $$"""
        { "schemaVersion": 1, "id": "f", "version": 1, "settings": {}, "nodes": [
          { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "m" },
          { "type": "action", "id": "m", "action": { "type": "sendEmail", "template": "Reminder" }, "next": "w" },
          {{wait}},
          { "type": "jump", "id": "j", "target": "m", "maxRepetitions": 3, "next": "e" },
          { "type": "end", "id": "e" } ] }
        """;

    [TestCase("""{ "type": "wait", "id": "w", "delay": "0s", "next": "j" }""", TestName = "a zero delay")]
    [TestCase("""{ "type": "wait", "id": "w", "untilTimeOfDay": "09:00", "next": "j" }""", TestName = "a time of day alone (at 09:00 it goes on at once)")]
    [TestCase("""{ "type": "wait", "id": "w", "onWeekdays": ["monday"], "next": "j" }""", TestName = "weekdays alone (on a monday it goes on at once)")]
    [TestCase("""{ "type": "wait", "id": "w", "delay": "0m", "untilTimeOfDay": "09:00", "onWeekdays": ["monday"], "next": "j" }""", TestName = "a zero delay with a time of day and weekdays")]
    [TestCase("""{ "type": "wait", "id": "w", "untilEvent": { "event": "email_clicked", "nodeId": "m" }, "timeout": "1d", "next": "e", "onEvent": "j" }""", TestName = "the event exit of a wait for a click that may already have happened")]
    public void A_loop_that_can_go_round_without_time_passing_is_refused(string wait)
    {
        var problems = _validator.Validate(LoopThrough(wait)).Problems;

        var problem = problems.Single();
        Assert.That((problem.Code, problem.NodeId, problem.Path), Is.EqualTo((ProblemCodes.LoopWithoutWait, "m", "$.nodes[1]")));
        Assert.That(problem.Message, Does.Contain("\"m\"").And.Contain("\"w\"").And.Contain("\"j\""));
        Assert.That(problem.Message, Does.Contain("delay"));
    }

    [TestCase("""{ "type": "wait", "id": "w", "delay": "1m", "next": "j" }""", TestName = "a delay")]
    [TestCase("""{ "type": "wait", "id": "w", "delay": "1d", "untilTimeOfDay": "09:00", "next": "j" }""", TestName = "a delay then a time of day")]
    [TestCase("""{ "type": "wait", "id": "w", "untilEvent": { "event": "email_clicked", "nodeId": "m" }, "timeout": "1d", "next": "j", "onEvent": "e" }""", TestName = "the timeout exit of an event wait")]
    [TestCase("""{ "type": "wait", "id": "w", "untilEvent": { "event": "order_placed" }, "timeout": "1d", "next": "j", "onEvent": "j" }""", TestName = "both exits of a wait for a new shop event")]
    public void A_loop_through_a_wait_that_takes_time_is_allowed(string wait)
    {
        Assert.That(_validator.Validate(LoopThrough(wait)).Problems, Is.Empty);
    }

    [Test]
    public void A_loop_of_many_steps_names_a_few_of_them_and_counts_the_rest()
    {
        var actions = string.Join(", ", Enumerable.Range(1, 30).Select(i =>
            $$"""{ "type": "action", "id": "a{{i}}", "action": { "type": "addTag", "tag": "t" }, "next": "{{(i == 30 ? "j" : $"a{i + 1}")}}" }"""));
        var json = $$"""
            { "schemaVersion": 1, "id": "f", "version": 1, "settings": {}, "nodes": [
              { "type": "start", "id": "s", "trigger": { "event": "order_placed" }, "next": "a1" },
              {{actions}},
              { "type": "jump", "id": "j", "target": "a1", "maxRepetitions": 3, "next": "e" },
              { "type": "end", "id": "e" } ] }
            """;

        var problem = _validator.Validate(json).Problems.Single();

        Assert.That(problem.Code, Is.EqualTo(ProblemCodes.LoopWithoutWait));
        Assert.That(problem.Message, Does.Contain("\"a1\"").And.Contain("and 26 more"));
        Assert.That(problem.Message, Does.Not.Contain("\"a30\""));
    }
}
