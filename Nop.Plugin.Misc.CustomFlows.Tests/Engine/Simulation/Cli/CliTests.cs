
using System.Text.Json;
using CliApp = Nop.Plugin.Misc.CustomFlows.Cli.CliApp;
using ShelfTemplate = Nop.Plugin.Misc.CustomFlows.Cli.ShelfTemplate;
using TemplateShelf = Nop.Plugin.Misc.CustomFlows.Cli.TemplateShelf;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation.Cli;

/// <summary>
/// The CLI's command entry point run in-process, with files in a temporary folder.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CliTests
{
    private const string ValidFlow = """
        { "schemaVersion": 1, "id": "thanks", "name": "Thanks", "settings": {},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1d", "next": "mail" },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Thanks" }, "next": "end" },
            { "type": "end", "id": "end" } ] }
        """;

    private const string Events = """
        {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":80}
        {"at":"2026-11-02T12:00:00Z","type":"product_viewed","customer":2,"items":[{"product":3}]}
        """;

    private string _folder;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("customflows-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Validate_prints_every_problem_with_its_step_and_json_path_and_exits_with_1()
    {
        var path = Write("bad.json", """
            { "schemaVersion": 1, "id": "bad", "settings": {},
              "nodes": [
                { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "wait" },
                { "type": "wait", "id": "wait", "delay": "3 days", "next": "nowhere" } ] }
            """);

        var (exit, output, _) = Run("validate", path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("$.nodes[1].delay [wait]"));
        Assert.That(output, Does.Contain("$.nodes[1].next [wait]"));
    }

    [Test]
    public void Validate_accepts_a_valid_flow_with_exit_code_0()
    {
        var (exit, output, _) = Run("validate", Write("ok.json", ValidFlow));

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("valid (thanks v1, 4 steps)"));
    }

    [Test]
    public void Validate_and_simulate_read_a_flow_file_saved_with_a_byte_order_mark()
    {
        var path = Path.Combine(_folder, "bom.json");
        File.WriteAllText(path, ValidFlow, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (exit, output, error) = Run("validate", path);
        var simulated = Run("simulate", path, "--events", Write("events.jsonl", Events));

        Assert.That(exit, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("valid (thanks v1, 4 steps)"));
        Assert.That(simulated.Exit, Is.EqualTo(0), simulated.Error);
    }

    [Test]
    public void Simulate_prints_statistics_and_timelines_as_text()
    {
        var (exit, output, error) = Run("simulate", Write("flow.json", ValidFlow), "--events", Write("events.jsonl", Events));

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Flow thanks v1 \"Thanks\""));
        Assert.That(output, Does.Contain("2026-11-03 10:00  thanks #1  mail: sent email Thanks"));
    }

    [Test]
    public void Simulate_prints_one_json_document_when_asked_for_json()
    {
        var (exit, output, error) = Run("simulate", Write("flow.json", ValidFlow), "--events", Write("events.jsonl", Events), "--format", "json");

        Assert.That(exit, Is.EqualTo(0), error);
        using var document = JsonDocument.Parse(output);
        var flow = document.RootElement.GetProperty("flows")[0];
        Assert.That(flow.GetProperty("entered").GetInt32(), Is.EqualTo(1));
        Assert.That(flow.GetProperty("sent").GetProperty("email").GetInt32(), Is.EqualTo(1));
        Assert.That(document.RootElement.GetProperty("timelines")[0].GetProperty("customerId").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void Simulate_reports_a_bad_event_line_on_stderr_with_its_number_and_exits_with_1()
    {
        var events = Write("events.jsonl", Events + "\n{\"at\":\"2026-11-02T13:00:00Z\",\"type\":\"teleported\",\"customer\":1}\n");

        var (exit, output, error) = Run("simulate", Write("flow.json", ValidFlow), "--events", events);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("events.jsonl line 3: unknown event type \"teleported\""));
        Assert.That(output, Is.Empty, "no half report");
    }

    [Test]
    public void Simulate_refuses_to_run_an_invalid_flow()
    {
        var (exit, _, error) = Run("simulate", Write("flow.json", ValidFlow.Replace("\"1d\"", "\"1 day\"")), "--events", Write("events.jsonl", Events));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("$.nodes[1].delay"));
    }

    [Test]
    public void A_wrong_command_line_prints_the_usage_on_stderr_and_exits_with_2()
    {
        var (exit, output, error) = Run("simulate", Write("flow.json", ValidFlow));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--events"));
        Assert.That(error, Does.Contain("Usage:"));
        Assert.That(output, Is.Empty);
        Assert.That(Run("frobnicate").Exit, Is.EqualTo(2));
    }

    [Test]
    public void Demo_generates_a_shop_and_prints_a_summary_row_per_template_of_the_library()
    {
        var (exit, output, error) = Run("demo", "--customers", "300", "--days", "7");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Sample shop: 300 customers"));
        Assert.That(output, Does.Match(@"flow\s+entered\s+email\s+popup\s+other\s+converted"));
        var templates = TemplateShelf.Library();
        Assert.That(templates, Has.Count.GreaterThanOrEqualTo(20), "the demo runs the template library");
        foreach (var template in templates)
            Assert.That(output, Does.Match($@"\n{template.Name}\s+\d+"), template.Name);
    }

    [Test]
    public void Demo_falls_back_to_the_bundled_samples_when_the_library_is_empty()
    {
        var previous = TemplateShelf.Library;
        TemplateShelf.Library = () => [];
        try
        {
            var (exit, output, error) = Run("demo", "--customers", "300", "--days", "7");

            Assert.That(exit, Is.EqualTo(0), error);
            foreach (var sample in TemplateShelf.Samples())
                Assert.That(output, Does.Match($@"\n{sample.Name}\s+\d+"), sample.Name);
        }
        finally
        {
            TemplateShelf.Library = previous;
        }
    }

    [Test]
    public void Templates_export_prints_the_named_templates_flow_json()
    {
        var previous = TemplateShelf.Library;
        var sample = TemplateShelf.Samples()[0];
        TemplateShelf.Library = () => [new ShelfTemplate("my-template", "A test template", "purchased", sample.Definition)];
        try
        {
            var (exit, output, _) = Run("templates", "export", "my-template");
            var (listExit, list, _) = Run("templates", "list");

            Assert.That(exit, Is.EqualTo(0));
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("id").GetString(), Is.EqualTo(sample.Definition.Id));
            Assert.That(listExit, Is.EqualTo(0));
            Assert.That(list, Does.Contain("my-template"));
            Assert.That(Run("templates", "export", "nope").Exit, Is.EqualTo(1));
        }
        finally
        {
            TemplateShelf.Library = previous;
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
