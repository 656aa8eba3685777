using System.Diagnostics;
using System.Text.Json.Nodes;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Browser;

/// <summary>
/// The admin pages' own scripts (Content/admin) in Debian's Chromium, run by tests/browser/admin-pages-driver.mjs on
/// the JSON fixtures that the C# services' output is compared with, so page and service cannot drift apart
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public class AdminPagesBrowserTests
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(90);

    private static async Task<JsonObject> RunAsync(string scenario)
    {
        var root = RepositoryFiles.Root;
        var chromium = Environment.GetEnvironmentVariable("CUSTOMFLOWS_CHROMIUM") ?? "/usr/bin/chromium";
        var chart = Path.Combine(root, "tests", "browser", "node_modules", "chart.js");
        if (!File.Exists(chromium) || !Directory.Exists(chart))
        {
            var message = $"Chromium or chart.js (npm ci in tests/browser) is not installed: run scripts/setup.sh";
            if (Environment.GetEnvironmentVariable("CUSTOMFLOWS_REQUIRE_BROWSER") == "1")
                Assert.Fail(message);
            Assert.Inconclusive(message);
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(root, "tests", "browser"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("admin-pages-driver.mjs");
        start.ArgumentList.Add(scenario);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(_bound);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.EqualTo(0), await errors);

        var result = JsonNode.Parse((await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
        Assert.That(result["pageErrors"]!.AsArray(), Is.Empty, "the page threw");
        return result;
    }

    [Test]
    public async Task The_report_chart_draws_each_day_of_the_report_the_service_writes()
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", "report-flow.json")))!;
        var days = report["days"]!.AsArray();

        var seen = await RunAsync("reportChart");

        Assert.That(seen["labels"]!.AsArray().Select(label => label!.GetValue<string>()),
            Is.EqualTo(days.Select(day => day!["dayUtc"]!.GetValue<string>()[..10])));
        foreach (var (series, field) in new[] { ("Entered", "entered"), ("Sent", "sent"), ("Converted", "converted"), ("Revenue", "revenue") })
        {
            Assert.That(seen["series"]![series]!.AsArray().Select(value => value!.GetValue<decimal>()),
                Is.EqualTo(days.Select(day => day![field]!.GetValue<decimal>())), series);
        }
        Assert.That(seen["painted"]!.GetValue<int>(), Is.GreaterThan(1000), "Chart.js painted the canvas");
    }

    [Test]
    public async Task A_template_category_field_searches_the_shop_and_a_choice_fills_in_the_id()
    {
        var categories = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", "categories.json")))!["items"]!.AsArray();

        var seen = await RunAsync("templatePicker");

        Assert.That(seen["asked"]!.AsArray().Select(query => query!.GetValue<string>()), Is.EqualTo(new[] { "?q=note&page=1" }), "one search, after typing stopped");
        Assert.That(seen["offered"]!.AsArray(), Has.Count.EqualTo(categories.Count));
        Assert.That(seen["value"]!.GetValue<string>(), Is.EqualTo(categories[0]!["id"]!.GetValue<int>().ToString()));
        Assert.That(seen["picked"]!.GetValue<string>(), Is.EqualTo(categories[0]!["name"]!.GetValue<string>()));
    }

    [Test]
    public void The_template_form_writes_the_attributes_the_picker_script_reads()
    {
        var view = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Nop.Plugin.Misc.CustomFlows", "Areas", "Admin", "Views", "CustomFlow", "UseTemplate.cshtml"));

        Assert.That(view, Does.Contain("class=\"form-control custom-flows-picker\"").And.Contain("data-search-url=").And.Contain("data-search-placeholder=")
            .And.Contain("Content/admin/template-use.js"));
    }

    [Test]
    public async Task The_backtest_card_posts_the_form_shows_the_progress_and_then_the_figures_of_every_step()
    {
        var done = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", "backtest-done.json")))!;
        var steps = done["result"]!["steps"]!.AsArray();

        var seen = await RunAsync("backtest");

        var posted = seen["posted"]!.AsArray().Single()!.GetValue<string>();
        Assert.That(posted, Does.Contain("days=14").And.Contain("__RequestVerificationToken=token-1"), "the form with its antiforgery token");
        Assert.That(seen["polled"]!.AsArray().Select(q => q!.GetValue<string>()), Has.All.EqualTo("?job=6f1c2a54-2d7e-4d59-9b8a-1f0c3e5d7a90"));
        Assert.That(seen["progress"]!["now"]!.GetValue<string>(), Is.EqualTo("40"));
        Assert.That(seen["progress"]!["text"]!.GetValue<string>(), Is.EqualTo("Replaying 40%"));
        Assert.That(seen["progressHidden"]!.GetValue<bool>(), Is.True, "the bar goes when the result is there");
        var rows = seen["rows"]!.AsArray();
        Assert.That(rows.Select(row => row![0]!.GetValue<string>()), Is.EqualTo(steps.Select(step => $"{step!["nodeId"]} ({step["type"]})")));
        var result = done["result"]!;
        Assert.That(seen["summary"]!.GetValue<string>(), Does.Contain($"{result["entered"]} entered")
            .And.Contain($"{result["goalReached"]} reached the goal")
            .And.Contain($"{result["converted"]} converted within {result["attributionDays"]} days")
            .And.Contain(done["revenueText"]!.GetValue<string>()));
        //each step row: step, arrived, sent, held, goal reached here, orders credited here
        Assert.That(rows.Select(row => row!.AsArray().Count), Has.All.EqualTo(6));
        Assert.That(seen["held"]!.AsArray(), Has.Count.EqualTo(done["result"]!["heldBack"]!.AsArray().Count));
        Assert.That(seen["pageErrors"]!.AsArray(), Is.Empty);
    }

    [Test]
    public void The_flow_page_writes_the_attributes_the_backtest_script_reads()
    {
        var view = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Nop.Plugin.Misc.CustomFlows", "Areas", "Admin", "Views", "CustomFlow", "Edit.cshtml"));
        var script = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Nop.Plugin.Misc.CustomFlows", "Content", "admin", "flow-backtest.js"));

        foreach (var name in System.Text.RegularExpressions.Regex.Matches(script, @"text\.(text[A-Z][A-Za-z]+)").Select(m => m.Groups[1].Value).Distinct())
        {
            var attribute = "data-" + System.Text.RegularExpressions.Regex.Replace(name, "([A-Z])", "-$1").ToLowerInvariant();
            Assert.That(view, Does.Contain(attribute + "="), $"the card carries {attribute}");
        }

        Assert.That(view, Does.Contain("id=\"custom-flows-backtest-form\"").And.Contain("Content/admin/flow-backtest.js").And.Contain("@Html.AntiForgeryToken()"));
    }
}
