using System.Text.Json;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// What a pending pop-up shows, stored as JSON in <c>PendingPopup.ContentJson</c> by the pop-up channel
/// </summary>
public record PopupContent
{
    /// <summary>Heading</summary>
    public string Title { get; init; }

    /// <summary>Body HTML, already rendered with the customer's tokens</summary>
    public string BodyHtml { get; init; }

    /// <summary>Call-to-action text; empty for none</summary>
    public string ButtonText { get; init; }

    /// <summary>Call-to-action target</summary>
    public string ButtonUrl { get; init; }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Serializes the content for storage
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>
    /// Reads stored content; null when the value is missing or damaged
    /// </summary>
    /// <param name="json">Stored JSON</param>
    public static PopupContent FromJson(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;

        try
        {
            return JsonSerializer.Deserialize<PopupContent>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
