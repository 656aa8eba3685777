using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Browser;

/// <summary>
/// The storefront pop-up script (Content/popups.js, the file the shop serves) in Debian's Chromium, driven by
/// playwright-core with a fake page clock: each display moment reveals the pop-up when it should and not before,
/// and the shop hears of it (shown, clicked, dismissed) exactly when it happens. The page carries the markup the
/// PopupHost view writes; a check below keeps the two in step.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public class PopupScriptBrowserTests
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(60);

    private string _root;
    private HttpListener _listener;
    private string _baseUrl;
    private readonly ConcurrentQueue<string> _answers = new();
    private readonly ConcurrentQueue<string> _tokens = new();
    private readonly ConcurrentDictionary<string, string> _pages = new();

    #region Set-up

    [OneTimeSetUp]
    public void StartServer()
    {
        _root = RepositoryFiles.Root;
        var chromium = Environment.GetEnvironmentVariable("CUSTOMFLOWS_CHROMIUM") ?? "/usr/bin/chromium";
        var driverModules = Path.Combine(_root, "tests", "browser", "node_modules", "playwright-core");
        var missing = !File.Exists(chromium) ? $"Chromium ({chromium})" : !Directory.Exists(driverModules) ? "playwright-core (npm ci in tests/browser)" : null;
        if (missing is not null)
        {
            var message = $"{missing} is not installed: run scripts/setup.sh";
            if (Environment.GetEnvironmentVariable("CUSTOMFLOWS_REQUIRE_BROWSER") == "1")
                Assert.Fail(message);
            Assert.Inconclusive(message);
        }

        //a free loopback port
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        _baseUrl = $"http://127.0.0.1:{port}";
        _listener = new HttpListener();
        _listener.Prefixes.Add(_baseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _listener?.Close();
    }

    [SetUp]
    public void ClearAnswers()
    {
        _answers.Clear();
        _tokens.Clear();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            var (status, type, body) = path switch
            {
                "/popups.js" => (200, "text/javascript", await File.ReadAllTextAsync(Path.Combine(_root, "Nop.Plugin.Misc.CustomFlows", "Content", "popups.js"))),
                _ when path.StartsWith("/answer/") && context.Request.HttpMethod == "POST" => Answer(path, context.Request.QueryString["token"]),
                _ when path.StartsWith("/page/") && _pages.TryGetValue(path["/page/".Length..], out var html) => (200, "text/html", html),
                "/cart" => (200, "text/html", "<!DOCTYPE html><title>cart</title><p>cart</p>"),
                _ => (404, "text/plain", "not found")
            };

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = type + "; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int, string, string) Answer(string path, string token)
    {
        _answers.Enqueue(path["/answer/".Length..]);
        _tokens.Enqueue(token);
        return (200, "application/json", "{\"recorded\":true}");
    }

    /// <summary>
    /// A shop page with one pending pop-up, marked up as Views/PopupHost.cshtml writes it
    /// </summary>
    private string Page(string show, int delay = 0, int scroll = 0, string buttonHref = "/cart")
    {
        var id = Guid.NewGuid().ToString("N");
        _pages[id] = $$"""
            <!DOCTYPE html>
            <html><head><title>shop</title>
            <style>.custom-flows-popup[hidden] { display: none; } .custom-flows-popup { position: fixed; right: 20px; bottom: 20px; }</style>
            </head><body>
            <div style="height: 4000px">a long category page</div>
            <div class="custom-flows-popups" data-custom-flows-popups>
                <div class="custom-flows-popup" role="dialog" aria-modal="true" hidden
                     data-popup-id="7"
                     data-show="{{show}}" data-delay="{{delay}}" data-scroll="{{scroll}}"
                     data-answer-url="/answer/7/__answer__?token=sealed-7">
                    <button type="button" class="custom-flows-popup-close" data-popup-action="dismissed">&times;</button>
                    <div class="custom-flows-popup-title">Your cart misses you</div>
                    <div class="custom-flows-popup-body"><p>10% off today</p></div>
                    <a class="button-1 custom-flows-popup-button" href="{{buttonHref}}" data-popup-action="clicked">Back to cart</a>
                </div>
            </div>
            <script src="/popups.js"></script>
            </body></html>
            """;
        return $"{_baseUrl}/page/{id}";
    }

    /// <summary>
    /// Runs the steps in Chromium; returns the answers of the "visible" steps
    /// </summary>
    private async Task<bool[]> DriveAsync(string url, object[] steps, bool mobile = false)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(_root, "tests", "browser"),
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        start.ArgumentList.Add("popup-driver.mjs");
        start.ArgumentList.Add(url);
        start.ArgumentList.Add(JsonSerializer.Serialize(steps));
        if (mobile)
            start.ArgumentList.Add("mobile");

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(_bound);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The browser run took longer than {_bound.TotalSeconds} s");
        }

        Assert.That(process.ExitCode, Is.EqualTo(0), await errors);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonSerializer.Deserialize<bool[]>(lines[^1]);
    }

    private static object Visible => new { @do = "visible" };

    private static object Tick(int ms) => new { @do = "tick", ms };

    private static object Scroll(int percent) => new { @do = "scroll", percent };

    private static object Click(string selector) => new { @do = "click", selector };

    /// <summary>
    /// The answers the shop received, once the expected number has arrived (reports are sent without waiting)
    /// </summary>
    private async Task<string[]> AnswersAsync(int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (_answers.Count < expected && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await Task.Delay(100);
        return [.. _answers];
    }

    #endregion

    [Test]
    public async Task On_load_the_popup_appears_at_once_and_is_reported_shown_once()
    {
        var visible = await DriveAsync(Page("load"), [Visible, Tick(60_000), Visible]);

        Assert.That(visible, Is.EqualTo(new[] { true, true }));
        Assert.That(await AnswersAsync(1), Is.EqualTo(new[] { "7/shown" }));
    }

    [Test]
    public async Task After_a_delay_the_popup_waits_for_exactly_that_many_seconds()
    {
        var visible = await DriveAsync(Page("delay", delay: 8), [Visible, Tick(7_900), Visible, Tick(200), Visible]);

        Assert.That(visible, Is.EqualTo(new[] { false, false, true }));
        Assert.That(await AnswersAsync(1), Is.EqualTo(new[] { "7/shown" }));
    }

    [Test]
    public async Task On_scroll_the_popup_waits_until_the_customer_is_far_enough_down_the_page()
    {
        var visible = await DriveAsync(Page("scroll", scroll: 50), [Visible, Scroll(30), Visible, Scroll(60), Visible]);

        Assert.That(visible, Is.EqualTo(new[] { false, false, true }));
        Assert.That(await AnswersAsync(1), Is.EqualTo(new[] { "7/shown" }));
    }

    [Test]
    public async Task On_exit_intent_the_popup_waits_for_the_pointer_to_leave_towards_the_tabs()
    {
        var visible = await DriveAsync(Page("exit"), [Visible, new { @do = "pointerInside" }, Tick(60_000), Visible, new { @do = "pointerLeavesTop" }, Visible]);

        Assert.That(visible, Is.EqualTo(new[] { false, false, true }), "no time-based fallback on a desktop");
        Assert.That(await AnswersAsync(1), Is.EqualTo(new[] { "7/shown" }));
    }

    [Test]
    public async Task On_a_touch_screen_exit_intent_falls_back_to_a_while_on_the_page()
    {
        var visible = await DriveAsync(Page("exit"), [Visible, Tick(14_000), Visible, Tick(1_500), Visible], mobile: true);

        Assert.That(visible, Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public async Task Closing_hides_the_popup_and_reports_the_dismissal()
    {
        var visible = await DriveAsync(Page("load"), [Visible, Click(".custom-flows-popup-close"), Visible]);

        Assert.That(visible, Is.EqualTo(new[] { true, false }));
        Assert.That(await AnswersAsync(2), Is.EqualTo(new[] { "7/shown", "7/dismissed" }));
    }

    [Test]
    public async Task Clicking_the_button_reports_the_click_even_though_the_page_navigates_away()
    {
        await DriveAsync(Page("load"), [Click(".custom-flows-popup-button")]);

        Assert.That(await AnswersAsync(2), Is.EqualTo(new[] { "7/shown", "7/clicked" }));
    }

    [Test]
    public async Task Every_answer_carries_the_popups_token_and_a_double_click_is_reported_once()
    {
        await DriveAsync(Page("load", buttonHref: "#stay"), [Visible, Click(".custom-flows-popup-button"), Click(".custom-flows-popup-button"), Tick(1_000)]);

        Assert.That(await AnswersAsync(2), Is.EqualTo(new[] { "7/shown", "7/clicked" }));
        Assert.That(_tokens, Is.All.EqualTo("sealed-7"));
    }

    [Test]
    public void The_test_page_carries_the_markup_the_view_writes()
    {
        var view = File.ReadAllText(Path.Combine(_root, "Nop.Plugin.Misc.CustomFlows", "Views", "PopupHost.cshtml"));

        Assert.That(view, Does.Contain("data-custom-flows-popups"));
        Assert.That(view, Does.Contain("class=\"custom-flows-popup\""));
        Assert.That(view, Does.Contain(" hidden"));
        Assert.That(view, Does.Contain("data-show=\"@popup.ShowName\" data-delay=\"@popup.DelaySeconds\" data-scroll=\"@popup.ScrollPercent\""));
        Assert.That(view, Does.Contain("answer = \"__answer__\", token = popup.AnswerToken"));
        Assert.That(view, Does.Contain("data-popup-action=\"dismissed\""));
        Assert.That(view, Does.Contain("data-popup-action=\"clicked\""));
        Assert.That(view, Does.Contain("src=\"~/Plugins/Misc.CustomFlows/Content/popups.js\""));
    }
}
