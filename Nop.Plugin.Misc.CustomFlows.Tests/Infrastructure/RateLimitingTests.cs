using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.CustomFlows.Infrastructure;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Infrastructure;

/// <summary>
/// The plugin's startup puts a rate limiter in the shop's pipeline: requests of the plugin's public addresses are
/// counted per client and per token, everything else passes
/// </summary>
[TestFixture]
public class RateLimitingTests
{
    private CustomFlowsSettings _settings;
    private ServiceProvider _provider;
    private RequestDelegate _pipeline;

    [SetUp]
    public void BuildPipeline()
    {
        _settings = new CustomFlowsSettings { RateLimitPerClientPerMinute = 5, RateLimitPerTokenPerMinute = 3 };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_settings);
        var startup = new RateLimitingStartup();
        startup.ConfigureServices(services, new ConfigurationBuilder().Build());
        _provider = services.BuildServiceProvider();

        var application = new ApplicationBuilder(_provider);
        startup.Configure(application);
        application.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        _pipeline = application.Build();
    }

    [TearDown]
    public void DisposeProvider() => _provider.Dispose();

    private async Task<int> RequestAsync(string path, string token = null, string client = "203.0.113.10")
    {
        var context = new DefaultHttpContext { RequestServices = _provider };
        context.Request.Method = "GET";
        context.Request.Path = path;
        if (token != null)
            context.Request.QueryString = new QueryString($"?token={token}");
        context.Connection.RemoteIpAddress = IPAddress.Parse(client);

        await _pipeline(context);
        return context.Response.StatusCode;
    }

    [Test]
    public async Task One_token_is_answered_429_after_its_limit_from_any_client()
    {
        var answers = new List<int>();
        for (var i = 0; i < 5; i++)
            answers.Add(await RequestAsync("/customflows/open", "same-token", client: $"198.51.100.{i + 1}"));

        Assert.That(answers, Is.EqualTo(new[] { 200, 200, 200, 429, 429 }));
    }

    [Test]
    public async Task One_client_is_answered_429_after_its_limit_whatever_the_tokens()
    {
        var answers = new List<int>();
        for (var i = 0; i < 7; i++)
            answers.Add(await RequestAsync(i % 2 == 0 ? "/customflows/click" : "/customflows/popup/5/clicked", $"token-{i}"));

        Assert.That(answers, Is.EqualTo(new[] { 200, 200, 200, 200, 200, 429, 429 }));
        Assert.That(await RequestAsync("/customflows/unsubscribe", "fresh", client: "192.0.2.77"), Is.EqualTo(200), "another client is not affected");
    }

    [Test]
    public async Task The_rest_of_the_shop_is_never_limited()
    {
        for (var i = 0; i < 20; i++)
            Assert.That(await RequestAsync("/cart", "same-token"), Is.EqualTo(200));
    }

    [Test]
    public async Task A_limit_of_zero_switches_limiting_off()
    {
        _settings.RateLimitPerClientPerMinute = 0;
        _settings.RateLimitPerTokenPerMinute = 0;

        for (var i = 0; i < 20; i++)
            Assert.That(await RequestAsync("/customflows/open", "same-token"), Is.EqualTo(200));
    }
}
