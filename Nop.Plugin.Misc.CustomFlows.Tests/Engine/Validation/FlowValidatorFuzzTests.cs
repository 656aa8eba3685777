using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Validation;

[TestFixture]
public class FlowValidatorFuzzTests
{
    private const int CasesPerKind = 3000;

    private readonly FlowValidator _validator = new(FakeTemplates.ForSamples());

    [Test]
    public void Random_bytes_never_make_the_validator_throw_and_always_give_a_located_problem()
    {
        var fuzzer = new FlowDocumentFuzzer(seed: 20261123);

        for (var i = 0; i < CasesPerKind; i++)
            AssertAnswered(fuzzer.RandomBytes(), expectProblems: true, i);
    }

    [Test]
    public void Damaged_copies_of_a_valid_flow_never_make_the_validator_throw()
    {
        var fuzzer = new FlowDocumentFuzzer(seed: 42);

        for (var i = 0; i < CasesPerKind; i++)
            AssertAnswered(fuzzer.Damaged(SampleFlows.AbandonedCart), expectProblems: false, i);
    }

    [Test]
    public void Random_flows_with_wrong_values_everywhere_never_make_the_validator_throw()
    {
        var fuzzer = new FlowDocumentFuzzer(seed: 7);
        var valid = 0;

        for (var i = 0; i < CasesPerKind; i++)
            valid += AssertAnswered(fuzzer.RandomFlow(), expectProblems: false, i) ? 1 : 0;

        // the generator must mostly produce broken flows, or the test checks little
        Assert.That(valid, Is.LessThan(CasesPerKind / 10));
    }

    [Test]
    public void Every_property_of_the_example_replaced_by_a_value_of_another_shape_never_makes_the_validator_throw()
    {
        var replacements = new[] { "null", "0", "-1", "\"x\"", "[]", "[null]", "{}", "true" };
        var cases = 0;

        var documents = FlowDocumentFuzzer.EveryPropertyReplaced(SampleFlows.AbandonedCart, replacements)
            .Concat(FlowDocumentFuzzer.EveryPropertyReplaced(SampleFlows.EveryKind, replacements));
        foreach (var document in documents)
        {
            AssertAnswered(document, expectProblems: false, cases++);
            var result = _validator.Validate(document);
            if (result.IsValid)
                Assert.DoesNotThrow(() => CompiledFlow.Compile(result.Definition), $"case {cases}");
        }

        Assert.That(cases, Is.GreaterThan(1500));
    }

    [Test]
    public void Every_random_flow_the_validator_accepts_compiles_and_runs_without_error()
    {
        var fuzzer = new FlowDocumentFuzzer(seed: 99);
        var interpreter = new FlowInterpreter();
        var ran = 0;

        for (var i = 0; i < CasesPerKind; i++)
        {
            var result = _validator.Validate(i % 2 == 0 ? fuzzer.PlausibleFlow() : fuzzer.RandomFlow());
            if (!result.IsValid)
                continue;

            var flow = CompiledFlow.Compile(result.Definition);
            var customer = EngineKit.Customer();
            var run = FlowRunFactory.Create(flow, new FlowEvent { Type = flow.Trigger.Event, CustomerId = customer.CustomerId, OccurredOnUtc = EngineKit.Monday10Utc, Quantity = 1 }, EngineKit.Monday10Utc);
            for (var day = 0; day < 10 && !run.IsEnded; day++)
                Assert.DoesNotThrow(() => run = interpreter.Advance(run, flow, EngineKit.Context(customer, EngineKit.Monday10Utc.AddDays(day))).Run, $"case {i}");
            ran++;
        }

        TestContext.Out.WriteLine($"{ran} valid flows ran");
        Assert.That(ran, Is.GreaterThan(100), "too few valid flows were generated to say anything");
    }

    /// <returns>Whether the document was valid.</returns>
    private bool AssertAnswered(byte[] document, bool expectProblems, int caseNumber)
    {
        ValidationResult result = null;
        Assert.DoesNotThrow(() => result = _validator.Validate(document), $"case {caseNumber}");
        Assert.That(result, Is.Not.Null);
        if (expectProblems)
            Assert.That(result.Problems, Is.Not.Empty, $"case {caseNumber}");
        foreach (var problem in result.Problems)
        {
            Assert.That(problem.Code, Is.Not.Empty, $"case {caseNumber}");
            Assert.That(problem.Message, Is.Not.Empty, $"case {caseNumber}");
            Assert.That(problem.Path, Does.StartWith("$"), $"case {caseNumber}: {problem}");
        }

        return result.IsValid;
    }
}
