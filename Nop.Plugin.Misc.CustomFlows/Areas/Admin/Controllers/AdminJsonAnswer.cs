using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// The JSON answers of the plugin's admin endpoints (builder, backtest): the plugin's own camelCase serialization,
/// whatever the shop's MVC serializer is set to
/// </summary>
public static class AdminJsonAnswer
{
    private static readonly JsonSerializerOptions ResponseOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// An answer with a status code and a body serialized as JSON
    /// </summary>
    public static ContentResult Create(int status, object body) => new()
    {
        StatusCode = status,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(body, ResponseOptions)
    };
}
