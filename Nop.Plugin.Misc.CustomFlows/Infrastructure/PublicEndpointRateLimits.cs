using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.CustomFlows.Infrastructure;

/// <summary>
/// The limits of the plugin's public addresses (<c>customflows/...</c>: open pixel, click, unsubscribe, pop-up
/// answers): per client (IP address) and per token, each a fixed window of a minute with the numbers of
/// <see cref="CustomFlowsSettings"/>. Every other request of the shop passes untouched.
/// </summary>
public static class PublicEndpointRateLimits
{
    /// <summary>
    /// Start of the path of every public address of the plugin
    /// </summary>
    public static readonly PathString PublicPath = new("/customflows");

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    #region Utilities

    private static CustomFlowsSettings SettingsOf(HttpContext context)
    {
        try
        {
            return context.RequestServices?.GetService<CustomFlowsSettings>();
        }
        catch (Exception)
        {
            //the shop is not installed yet, or its settings cannot be read: no limits rather than no shop
            return null;
        }
    }

    private static RateLimitPartition<string> Partition(string key, int permitsPerMinute) =>
        permitsPerMinute <= 0 || key is null
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            //the number is part of the key: a changed setting starts new windows at once
            : RateLimitPartition.GetFixedWindowLimiter($"{permitsPerMinute}|{key}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true
            });

    private static bool IsPublic(HttpContext context) => context.Request.Path.StartsWithSegments(PublicPath, StringComparison.OrdinalIgnoreCase);

    #endregion

    #region Methods

    /// <summary>
    /// Creates the limiter: per client, then per token, both of which must allow the request
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> Create()
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !IsPublic(context) || SettingsOf(context) is not { } settings
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : Partition("client|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), settings.RateLimitPerClientPerMinute));

        var perToken = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsPublic(context) || SettingsOf(context) is not { } settings)
                return RateLimitPartition.GetNoLimiter(string.Empty);

            var token = context.Request.Query["token"].ToString();
            return Partition(string.IsNullOrEmpty(token) ? null : "token|" + token, settings.RateLimitPerTokenPerMinute);
        });

        return PartitionedRateLimiter.CreateChained(perClient, perToken);
    }

    #endregion
}
