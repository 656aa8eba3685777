using System.Globalization;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// What a shop must supply before a template of the library runs in it
/// </summary>
public enum TemplateParameterKind
{
    /// <summary>
    /// A category of the shop (browse abandonment, repurchase, subscriptions)
    /// </summary>
    Category,

    /// <summary>
    /// A product of the shop
    /// </summary>
    Product,

    /// <summary>
    /// The address a webhook step calls (an ad audience, a CRM)
    /// </summary>
    WebhookUrl
}

/// <summary>
/// One value a template needs from the shop
/// </summary>
/// <param name="Key">Key of the value in the gallery's form, e.g. "category:12"</param>
/// <param name="Kind">What kind of value</param>
/// <param name="TemplateValue">The example value the template carries (a category id of the sample shop, an example address)</param>
/// <param name="Uses">How many places of the template use it</param>
public sealed record TemplateParameter(string Key, TemplateParameterKind Kind, string TemplateValue, int Uses);

/// <summary>
/// Finds the shop-specific values of a template document (product scopes naming a category or product of the sample
/// shop, webhook addresses) and puts the shop's own values in their place. The document is walked as JSON, so every
/// place a scope can stand (trigger, conditions, goal, waits) is covered without a list of them.
/// </summary>
public static class TemplateParameters
{
    /// <summary>
    /// Gets the parameters of a template document, in the order they first appear
    /// </summary>
    /// <param name="document">Template document</param>
    public static IReadOnlyList<TemplateParameter> Find(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<TemplateParameter>();
        Walk(document, (key, kind, value, _) =>
        {
            var index = found.FindIndex(parameter => parameter.Key == key);
            if (index < 0)
                found.Add(new TemplateParameter(key, kind, value, 1));
            else
                found[index] = found[index] with { Uses = found[index].Uses + 1 };
        });

        return found;
    }

    /// <summary>
    /// Puts the shop's values into a template document
    /// </summary>
    /// <param name="document">Template document; changed in place</param>
    /// <param name="values">Value by parameter key (category and product ids as numbers, addresses as text)</param>
    /// <returns>Keys of the parameters the document has but no value was given for</returns>
    public static IReadOnlyList<string> Apply(JsonObject document, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(document);
        values ??= new Dictionary<string, string>();
        var missing = new List<string>();
        Walk(document, (key, kind, _, owner) =>
        {
            if (!values.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                if (!missing.Contains(key))
                    missing.Add(key);
                return;
            }

            if (kind == TemplateParameterKind.WebhookUrl)
                owner["url"] = value.Trim();
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                owner["id"] = id;
            else if (!missing.Contains(key))
                missing.Add(key);
        });

        return missing;
    }

    private static void Walk(JsonNode node, Action<string, TemplateParameterKind, string, JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Text(obj, "kind") is "category" or "product" && obj["id"] is JsonValue id && id.TryGetValue<int>(out var number))
                {
                    var kind = Text(obj, "kind") == "category" ? TemplateParameterKind.Category : TemplateParameterKind.Product;
                    var value = number.ToString(CultureInfo.InvariantCulture);
                    visit($"{(kind == TemplateParameterKind.Category ? "category" : "product")}:{value}", kind, value, obj);
                }
                else if (Text(obj, "type") == "webhook" && Text(obj, "url") is { } url)
                    visit($"webhook:{url}", TemplateParameterKind.WebhookUrl, url, obj);

                //a snapshot of the children: visiting may replace values, never add properties to walk
                foreach (var child in obj.Select(pair => pair.Value).ToList())
                    Walk(child, visit);
                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                    Walk(item, visit);
                break;
        }
    }

    private static string Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
