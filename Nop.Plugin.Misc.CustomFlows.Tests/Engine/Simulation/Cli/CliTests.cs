
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
        Assert.That(output, Does.Match(@"flow\s+entered\s+email\s+popup\s+other\s+goal\s+goal%\s+converted\s+revenue"));
        var templates = TemplateShelf.Library();
        Assert.That(templates, Has.Count.GreaterThanOrEqualTo(20), "the demo runs the template library");
        foreach (var template in templates)
            Assert.That(output, Does.Match($@"\n{template.Name}\s+\d+"), template.Name);
    }

    [Test]
    public void Templates_export_prints_the_named_templates_flow_json()
    {
        var previous = TemplateShelf.Library;
        var sample = Nop.Plugin.Misc.CustomFlows.Engine.Templates.FlowTemplateLibrary.All[0].CreateDefinition();
        TemplateShelf.Library = () => [new ShelfTemplate("my-template", "A test template", "purchased", sample)];
        try
        {
            var (exit, output, _) = Run("templates", "export", "my-template");
            var (listExit, list, _) = Run("templates", "list");

            Assert.That(exit, Is.EqualTo(0));
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("id").GetString(), Is.EqualTo(sample.Id));
            Assert.That(listExit, Is.EqualTo(0));
            Assert.That(list, Does.Contain("my-template"));
            Assert.That(Run("templates", "export", "nope").Exit, Is.EqualTo(1));
        }
        finally
        {
            TemplateShelf.Library = previous;
        }
    }

    [Test]
    public void Two_flow_files_with_the_same_id_are_refused_naming_both_files()
    {
        var first = Write("first.json", ValidFlow);
        var second = Write("second.json", ValidFlow);

        var (exit, output, error) = Run("simulate", first, second, "--events", Write("events.jsonl", Events));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("first.json").And.Contain("second.json").And.Contain("\"thanks\""));
        Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void The_same_flow_file_given_twice_is_refused_as_such()
    {
        var path = Write("flow.json", ValidFlow);

        var (exit, _, error) = Run("simulate", path, path, "--events", Write("events.jsonl", Events));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("flow.json is given twice"));
    }

    [Test]
    public void Every_bad_event_line_is_reported_not_only_the_first()
    {
        var events = Write("events.jsonl", Events
            + "\n{\"at\":\"2026-11-02T13:00:00Z\",\"type\":\"teleported\",\"customer\":1}"
            + "\n{\"at\":\"2026-11-02T14:00:00Z\",\"type\":\"order_placed\"}"
            + "\n{\"at\":\"2026-11-02T15:00:00Z\",\"type\":\"order_placed\",\"customer\":1}"
            + "\nnot json\n");

        var (exit, output, error) = Run("simulate", Write("flow.json", ValidFlow), "--events", events);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("events.jsonl line 3: unknown event type"));
        Assert.That(error, Does.Contain("events.jsonl line 4: \"customer\" must be a positive customer id"));
        Assert.That(error, Does.Contain("events.jsonl line 6: not a valid event"));
        Assert.That(error, Does.Not.Contain("line 5"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Many_bad_event_lines_are_reported_up_to_twenty_with_a_count_of_the_rest()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 25).Select(i => $"{{\"at\":\"2026-11-02T10:{i:00}:00Z\",\"type\":\"teleported\",\"customer\":1}}"));

        var (exit, _, error) = Run("simulate", Write("flow.json", ValidFlow), "--events", Write("events.jsonl", lines));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("line 20:"));
        Assert.That(error, Does.Not.Contain("line 21:"));
        Assert.That(error, Does.Contain("and 5 more bad lines"));
    }

    [Test]
    public void An_events_file_without_events_says_so()
    {
        var (exit, output, error) = Run("simulate", Write("flow.json", ValidFlow), "--events", Write("events.jsonl", "# nothing yet\n\n"));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("events.jsonl holds no events"));
        Assert.That(output, Does.Not.Contain("0001-01-01"));
    }

    [Test]
    public void Validate_checks_every_file_and_reports_one_it_cannot_read()
    {
        var first = Write("a.json", ValidFlow);
        var missing = Path.Combine(_folder, "missing.json");
        var last = Write("b.json", ValidFlow.Replace("\"thanks\"", "\"other\""));

        var (exit, output, error) = Run("validate", first, missing, last);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("a.json: valid").And.Contain("b.json: valid"));
        Assert.That(error, Does.Contain("missing.json: there is no such file"));
    }

    [Test]
    public void A_folder_given_as_a_file_is_called_a_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "flows.json")).FullName;

        var validated = Run("validate", folder);
        var simulated = Run("simulate", Write("flow.json", ValidFlow), "--events", folder);

        Assert.That(validated.Exit, Is.EqualTo(1));
        Assert.That(validated.Error, Does.Contain("flows.json is a folder, not a file"));
        Assert.That(simulated.Exit, Is.EqualTo(1));
        Assert.That(simulated.Error, Does.Contain("flows.json is a folder, not a file"));
        Assert.That(validated.Error + simulated.Error, Does.Not.Contain("denied"));
    }

    [TestCase("validate", "customflows validate <flow.json>")]
    [TestCase("simulate", "customflows simulate <flow.json>... --events")]
    [TestCase("templates", "customflows templates list")]
    [TestCase("demo", "customflows demo [--customers")]
    public void Every_commands_help_prints_its_usage_and_exits_with_0(string command, string usage)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (exit, output, error) = Run(command, help);

            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain(usage));
            Assert.That(error, Is.Empty);
        }
    }

    [Test]
    public void Templates_list_keeps_every_line_to_a_readable_width()
    {
        var (exit, output, _) = Run("templates", "list");

        Assert.That(exit, Is.EqualTo(0));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Max(l => l.TrimEnd().Length), Is.LessThanOrEqualTo(110));
        foreach (var template in TemplateShelf.Library())
            Assert.That(output, Does.Match($@"(^|\n){template.Name}\s"), template.Name);
        // the words of a long description are all there, wrapped onto further lines
        var longest = TemplateShelf.Library().OrderByDescending(t => t.Description.Length).First();
        Assert.That(string.Join(" ", lines.Select(l => l.Trim())), Does.Contain(string.Join(" ", longest.Description.Split(' ').TakeLast(4))));
    }

    [Test]
    public void The_usage_no_longer_says_the_template_library_is_missing()
    {
        var (_, output, _) = Run("--help");

        Assert.That(output, Does.Not.Contain("not in the build").And.Not.Contain("sample flows"));
    }

    [Test]
    public void Simulate_runs_the_daily_date_job_at_the_time_it_is_given()
    {
        var birthday = """
            { "schemaVersion": 1, "id": "birthday", "settings": {},
              "nodes": [
                { "type": "start", "id": "start", "trigger": { "event": "date", "dateField": "birthday", "annual": true }, "next": "mail" },
                { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Birthday" }, "next": "end" },
                { "type": "end", "id": "end" } ] }
            """;
        var events = Write("events.jsonl", """
            {"at":"2026-11-02T05:00:00Z","type":"product_viewed","customer":2,"items":[{"product":1}]}
            {"at":"2026-11-06T05:00:00Z","type":"product_viewed","customer":2,"items":[{"product":1}]}
            """);
        var customers = Write("customers.jsonl", """{"id":1,"dateOfBirth":"1990-11-04"}""");

        var (exit, output, error) = Run("simulate", Write("flow.json", birthday), "--events", events, "--customers", customers, "--daily-job-at", "07:30");
        var byDefault = Run("simulate", Path.Combine(_folder, "flow.json"), "--events", events, "--customers", customers);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("2026-11-04 07:30  birthday #1  mail: sent email Birthday"));
        Assert.That(byDefault.Output, Does.Contain("2026-11-04 09:00  birthday #1  mail: sent email Birthday"));
    }

    [TestCase("simulate")]
    [TestCase("demo")]
    public void A_daily_job_time_that_is_not_a_time_of_day_is_a_usage_error(string command)
    {
        var args = command == "simulate"
            ? new[] { "simulate", Write("flow.json", ValidFlow), "--events", Write("events.jsonl", Events), "--daily-job-at", "25:00" }
            : new[] { "demo", "--customers", "10", "--days", "1", "--daily-job-at", "9am" };

        var (exit, _, error) = Run(args);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--daily-job-at must be a time of day as HH:mm"));
    }

    [Test]
    public void Demo_takes_the_daily_job_time()
    {
        var (exit, output, error) = Run("demo", "--customers", "50", "--days", "2", "--daily-job-at", "08:15");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("daily date job at 08:15"));
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
