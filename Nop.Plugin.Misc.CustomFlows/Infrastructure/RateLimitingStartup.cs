using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;

namespace Nop.Plugin.Misc.CustomFlows.Infrastructure;

/// <summary>
/// Puts ASP.NET Core's rate limiter in front of the plugin's public addresses (<see cref="PublicEndpointRateLimits"/>).
/// A middleware of its own with its own options, so nopCommerce's own limiter (appsettings CommonConfig.PermitLimit)
/// is neither needed nor changed; placed after nopCommerce's routing (400) and before its endpoints (900).
/// </summary>
public class RateLimitingStartup : INopStartup
{
    /// <summary>
    /// Add and configure any of the middleware
    /// </summary>
    /// <param name="services">Collection of service descriptors</param>
    /// <param name="configuration">Configuration of the application</param>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        //the services the middleware needs; nothing of nopCommerce's own limiter options is set here
        services.AddRateLimiter(_ => { });
    }

    /// <summary>
    /// Configure the using of added middleware
    /// </summary>
    /// <param name="application">Builder for configuring an application's request pipeline</param>
    public void Configure(IApplicationBuilder application)
    {
        application.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = PublicEndpointRateLimits.Create(),
            RejectionStatusCode = StatusCodes.Status429TooManyRequests
        });
    }

    /// <summary>
    /// Gets order of this startup configuration implementation
    /// </summary>
    public int Order => 450;
}
