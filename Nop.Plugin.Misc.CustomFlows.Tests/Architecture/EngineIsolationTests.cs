using Microsoft.CodeAnalysis;
using Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md section 2: Engine/ is pure C#. It talks to nopCommerce and Quartz only through
/// ports it owns, so it can be simulated, tested and reasoned about without a shop.
/// </summary>
[TestFixture]
public class EngineIsolationTests
{
    private static IReadOnlyList<SyntaxTree> _engine;
    private static string _root;

    [OneTimeSetUp]
    public void ReadEngineFolder()
    {
        _root = RepositoryLayout.RepositoryRoot;
        _engine = EngineIsolation.ParseEngine(_root);
        TestContext.Progress.WriteLine($"Engine/: {_engine.Count} C# file(s) checked");
    }

    [Test]
    public void No_file_under_Engine_names_a_nopCommerce_or_Quartz_namespace_in_a_using_or_a_qualified_name()
    {
        PassWhenThereIsNoEngineYet();

        var violations = EngineIsolation.ForbiddenNames(_engine);

        Assert.That(violations, Is.Empty, () => Report("Engine/ must not name Nop.* (other than the engine's own) or Quartz", violations));
    }

    [Test]
    public void No_name_under_Engine_binds_to_a_nopCommerce_plugin_or_Quartz_symbol()
    {
        PassWhenThereIsNoEngineYet();

        var violations = EngineIsolation.ForbiddenSymbols(_engine, EngineIsolation.PluginGlobalUsings(_root));

        Assert.That(violations, Is.Empty, () => Report("Engine/ must not use Nop.* (other than the engine's own) or Quartz types", violations));
    }

    [Test]
    public void The_Engine_folder_compiles_on_its_own_against_the_base_class_library_only()
    {
        PassWhenThereIsNoEngineYet();

        var errors = EngineIsolation.CompileAlone(_engine, EngineIsolation.PluginGlobalUsings(_root));

        Assert.That(errors, Is.Empty, () => Report(
            "Engine/ does not compile alone against the .NET base class library, so it depends on something outside it " +
            "(nopCommerce, Quartz, another plugin folder or a NuGet package); move that behind a port the engine owns", errors));
    }

    #region The checks catch violations (in-memory samples)

    private const string CleanEngineFile = """
        using System.Text.Json;
        using Nop.Plugin.Misc.CustomFlows.Engine.Time;

        namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

        public interface IRunStore { Task SaveAsync(string json); }

        public sealed class Stepper(IRunStore store, TimeProvider clock)
        {
            public Task StepAsync(Nop.Plugin.Misc.CustomFlows.Engine.Time.WaitUntil wait) =>
                store.SaveAsync(JsonSerializer.Serialize(new { due = wait.DueOnUtc, now = clock.GetUtcNow() }));
        }
        """;

    private const string CleanTimeFile = """
        namespace Nop.Plugin.Misc.CustomFlows.Engine.Time;

        public sealed record WaitUntil(DateTimeOffset DueOnUtc);
        """;

    private static IReadOnlyList<SyntaxTree> Sample(string source) =>
    [
        EngineIsolation.Parse(source, "Engine/Sample.cs"),
        EngineIsolation.Parse(CleanTimeFile, "Engine/Time/WaitUntil.cs")
    ];

    [Test]
    public void A_pure_engine_file_passes_all_three_checks()
    {
        var engine = Sample(CleanEngineFile);

        Assert.Multiple(() =>
        {
            Assert.That(EngineIsolation.ForbiddenNames(engine), Is.Empty);
            Assert.That(EngineIsolation.ForbiddenSymbols(engine, EngineIsolation.SdkGlobalUsings()), Is.Empty);
            Assert.That(EngineIsolation.CompileAlone(engine, EngineIsolation.SdkGlobalUsings()), Is.Empty);
        });
    }

    [Test]
    public void A_using_of_Nop_Core_and_a_nopCommerce_base_class_are_caught_by_every_check_with_file_and_line()
    {
        var engine = Sample("""
            using Nop.Core;

            namespace Nop.Plugin.Misc.CustomFlows.Engine;

            public class FlowRunEntity : BaseEntity { }
            """);

        var names = EngineIsolation.ForbiddenNames(engine);
        var symbols = EngineIsolation.ForbiddenSymbols(engine, EngineIsolation.SdkGlobalUsings());
        var alone = EngineIsolation.CompileAlone(engine, EngineIsolation.SdkGlobalUsings());

        Assert.Multiple(() =>
        {
            Assert.That(names.Select(v => v.ToString()), Is.EqualTo(new[] { "Engine/Sample.cs:1: using directive imports Nop.Core" }));
            Assert.That(symbols.Select(v => v.ToString()), Does.Contain("Engine/Sample.cs:5: uses Nop.Core.BaseEntity from namespace Nop.Core"));
            Assert.That(alone.Select(v => $"{v.File}:{v.Line}"), Does.Contain("Engine/Sample.cs:5"));
        });
    }

    [Test]
    public void Fully_qualified_and_global_qualified_Nop_and_Quartz_names_are_caught_without_any_using()
    {
        var engine = Sample("""
            namespace Nop.Plugin.Misc.CustomFlows.Engine;

            public class Adapter
            {
                public Nop.Services.Events.IConsumer<string> Consumer { get; set; }

                public object Key() => global::Quartz.JobKey.Create("pump");
            }
            """);

        var names = EngineIsolation.ForbiddenNames(engine).Select(v => v.ToString()).ToList();
        var symbols = EngineIsolation.ForbiddenSymbols(engine, EngineIsolation.SdkGlobalUsings()).Select(v => v.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[]
            {
                "Engine/Sample.cs:5: refers to Nop.Services.Events.IConsumer",
                "Engine/Sample.cs:7: refers to Quartz.JobKey.Create"
            }));
            Assert.That(symbols, Has.Some.StartsWith("Engine/Sample.cs:5: uses Nop.Services.Events.IConsumer<string>"));
            Assert.That(symbols, Has.Some.StartsWith("Engine/Sample.cs:7: uses Quartz.JobKey"));
        });
    }

    [Test]
    public void A_plugin_type_reached_through_the_parent_namespace_is_caught_by_the_semantic_checks()
    {
        // no using and no Nop.* written: the engine namespace sits inside Nop.Plugin.Misc.CustomFlows,
        // so the plugin's root types are in scope by their simple names
        var engine = Sample("""
            namespace Nop.Plugin.Misc.CustomFlows.Engine;

            public static class Names
            {
                public static string Plugin => CustomFlowsDefaults.SystemName;
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(EngineIsolation.ForbiddenNames(engine), Is.Empty, "nothing forbidden is written, so only semantics can see it");
            Assert.That(EngineIsolation.ForbiddenSymbols(engine, EngineIsolation.SdkGlobalUsings()).Select(v => v.ToString()),
                Has.Some.StartsWith("Engine/Sample.cs:5: uses Nop.Plugin.Misc.CustomFlows.CustomFlowsDefaults"));
            Assert.That(EngineIsolation.CompileAlone(engine, EngineIsolation.SdkGlobalUsings()).Select(v => $"{v.File}:{v.Line}"),
                Does.Contain("Engine/Sample.cs:5"));
        });
    }

    [TestCase("Nop.Core", true)]
    [TestCase("Nop", true)]
    [TestCase("Nop.Plugin.Misc.CustomFlows", true)]
    [TestCase("Nop.Plugin.Misc.CustomFlows.Domain", true)]
    [TestCase("Nop.Plugin.Misc.CustomFlows.EngineRoom", true)]
    [TestCase("Quartz", true)]
    [TestCase("Quartz.Impl", true)]
    [TestCase("Nop.Plugin.Misc.CustomFlows.Engine", false)]
    [TestCase("Nop.Plugin.Misc.CustomFlows.Engine.Waits", false)]
    [TestCase("System.Text.Json", false)]
    [TestCase("Nopal", false)]
    public void Only_the_engine_namespace_is_allowed_among_Nop_namespaces(string name, bool forbidden)
    {
        Assert.That(EngineIsolation.IsForbiddenNamespace(name), Is.EqualTo(forbidden));
    }

    #endregion

    private static void PassWhenThereIsNoEngineYet()
    {
        if (_engine.Count == 0)
            Assert.Pass($"no C# files under {EngineIsolation.EngineFolder(_root)} yet; nothing can break the rule");
    }

    private static string Report(string rule, IReadOnlyList<EngineViolation> violations) =>
        $"{rule}:{Environment.NewLine}{string.Join(Environment.NewLine, violations.Select(v => "  " + v))}";
}
