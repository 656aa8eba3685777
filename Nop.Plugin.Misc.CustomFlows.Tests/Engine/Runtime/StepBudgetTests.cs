using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

/// <summary>
/// Whatever validation let through, a run that takes too many steps without ever waiting ends:
/// the interpreter keeps the count in the run's state, across calls.
/// </summary>
[TestFixture]
public class StepBudgetTests
{
    /// <summary>
    /// Built in code and compiled without validation (which refuses it): a zero wait and a filter
    /// that always says no and leads back to the wait, so the run goes round at the same instant.
    /// </summary>
    private static CompiledFlow EndlessLoop() => CompiledFlow.CompileWithoutValidation(new FlowDefinition
    {
        Id = "loop",
        Version = 1,
        Settings = new FlowSettings(),
        Nodes =
        {
            new StartNode { Id = "start", Trigger = new() { Event = FlowEventType.OrderPlaced }, Next = "tag" },
            new ActionNode { Id = "tag", Action = new AddTagAction { Tag = "looped" }, Next = "wait" },
            new WaitNode { Id = "wait", Delay = "0s", Next = "check" },
            new FilterNode { Id = "check", Condition = new HasTagCondition { Tag = "never" }, Yes = "end", No = "wait" },
            new EndNode { Id = "end" }
        }
    });

    [Test]
    public void Validation_refuses_the_endless_loop_these_tests_run()
    {
        Assert.That(new Nop.Plugin.Misc.CustomFlows.Engine.Validation.FlowValidator().Validate(EndlessLoop().Definition)
            .Select(p => p.Code), Does.Contain(Nop.Plugin.Misc.CustomFlows.Engine.Validation.ProblemCodes.LoopWithoutWait));
    }

    [Test]
    public void A_run_going_round_without_waiting_ends_as_exited_once_it_used_up_its_step_budget()
    {
        var flow = EndlessLoop();
        var interpreter = new FlowInterpreter(new InterpreterOptions { MaxStepsPerCall = 100, MaxStepsWithoutWaiting = 1000 });
        var customer = Customer();
        var run = NewRun(flow, customer, Monday10Utc);

        // the pump calls again while the run is left active and due now
        var calls = 0;
        StepResult result;
        do
        {
            result = interpreter.Advance(run, flow, Context(customer, Monday10Utc));
            run = result.Run;
            calls++;
        }
        while (result.Outcome == StepOutcome.StepLimitReached && calls < 1000);

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.Ended));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Exited));
        Assert.That(run.EndReason, Is.EqualTo(FlowInterpreter.StepBudgetExceeded));
        Assert.That(run.EndReason, Is.EqualTo("stepBudgetExceeded"));
        Assert.That(calls, Is.EqualTo(10), "1000 steps at 100 per call");
        Assert.That(result.Records.Last(), Is.EqualTo(new StepRecord(Monday10Utc, run.NodeId, StepKind.Exited, "stepBudgetExceeded")));
    }

    [Test]
    public void The_count_survives_the_run_being_stored_between_calls()
    {
        var flow = EndlessLoop();
        var interpreter = new FlowInterpreter(new InterpreterOptions { MaxStepsPerCall = 10, MaxStepsWithoutWaiting = 25 });
        var customer = Customer();
        var run = NewRun(flow, customer, Monday10Utc);

        for (var call = 0; call < 3 && !run.IsEnded; call++)
        {
            var stored = System.Text.Json.JsonSerializer.Serialize(interpreter.Advance(run, flow, Context(customer, Monday10Utc)).Run, FlowJson.Options);
            run = System.Text.Json.JsonSerializer.Deserialize<FlowRunState>(stored, FlowJson.Options);
        }

        Assert.That(run.Status, Is.EqualTo(RunStatus.Exited));
        Assert.That(run.EndReason, Is.EqualTo("stepBudgetExceeded"));
    }

    [Test]
    public void Waiting_for_time_to_pass_starts_the_count_again()
    {
        var flow = EngineKit.Compile($$"""
            {{StartOnOrder}},
            { "type": "action", "id": "step-1", "action": { "type": "addTag", "tag": "a" }, "next": "step-2" },
            { "type": "action", "id": "step-2", "action": { "type": "addTag", "tag": "b" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1d", "next": "step-3" },
            { "type": "action", "id": "step-3", "action": { "type": "addTag", "tag": "c" }, "next": "step-4" },
            { "type": "action", "id": "step-4", "action": { "type": "addTag", "tag": "d" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);
        // four steps up to the wait, four from it to the end: eight in all, never more than four without waiting
        var interpreter = new FlowInterpreter(new InterpreterOptions { MaxStepsWithoutWaiting = 4 });
        var customer = Customer();

        var waiting = interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc)).Run;
        var done = interpreter.Advance(waiting, flow, Context(customer, Monday10Utc.AddDays(1))).Run;

        Assert.That(waiting.Status, Is.EqualTo(RunStatus.Waiting));
        Assert.That(done.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void A_run_state_stored_before_the_count_existed_is_read_and_a_new_one_does_not_write_a_zero_count()
    {
        var flow = EngineKit.Compile($$"""{{StartOnOrder}}, { "type": "wait", "id": "step-1", "delay": "1d", "next": "end" }, { "type": "end", "id": "end" }""");
        var customer = Customer();
        var waiting = new FlowInterpreter().Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc)).Run;

        var json = System.Text.Json.JsonSerializer.Serialize(waiting, FlowJson.Options);
        var old = System.Text.Json.JsonSerializer.Deserialize<FlowRunState>(json, FlowJson.Options);

        Assert.That(json, Does.Not.Contain("stepsWithoutWaiting"));
        Assert.That(old.StepsWithoutWaiting, Is.Zero);
    }

    [Test]
    public void The_simulator_ends_such_a_run_instead_of_going_round_forever()
    {
        var events = """{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":50}""";
        var simulation = Task.Run(() => new FlowSimulator([EndlessLoop()]).Run(EventLineReader.Read(new StringReader(events), "events.jsonl")));

        Assert.That(simulation.Wait(TimeSpan.FromSeconds(60)), Is.True, "the simulation must end");
        var report = simulation.Result;
        Assert.That(report.Flows.Single().Exited, Is.EqualTo(1));
        Assert.That(report.Timelines.Single().Entries.Last().Detail, Is.EqualTo("stepBudgetExceeded"));
    }
}
