using Ganss.Xss;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// Cleans the admin's pop-up HTML by an allow-list before it reaches the storefront (HtmlSanitizer): text formatting,
/// lists, links, images and tables stay; scripts, event handlers, frames, styles sheets, forms and every scheme but
/// http, https, mailto and tel go. A pop-up is rendered on every page of the shop, so a template edited by a careless
/// or compromised admin account must not run code in customers' browsers.
/// </summary>
public static class PopupHtmlSanitizer
{
    private static readonly string[] FormTags = ["form", "input", "button", "textarea", "select", "option", "optgroup", "label", "fieldset", "legend", "datalist", "output"];

    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        //a pop-up asks for nothing: no fields that could imitate the shop's login
        foreach (var tag in FormTags)
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }

    /// <summary>
    /// Cleans a pop-up body
    /// </summary>
    /// <param name="html">The body as rendered from the message template</param>
    /// <returns>The body with only allowed tags, attributes and schemes</returns>
    public static string Sanitize(string html) => string.IsNullOrEmpty(html) ? string.Empty : Sanitizer.Sanitize(html);

    /// <summary>
    /// Keeps a call-to-action address only when it is a web address or one within the shop
    /// </summary>
    /// <param name="url">The button's target</param>
    /// <returns>The address, or null when it is anything else (javascript:, data:, ...)</returns>
    public static string SafeUrl(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;

        var trimmed = url.Trim();
        //a path of the shop, not "//other.example" (another host); checked first, since on Linux "/cart" parses as file:///cart
        if (trimmed.StartsWith('/'))
            return trimmed.StartsWith("//") || trimmed.StartsWith("/\\") ? null : trimmed;

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? trimmed
            : null;
    }
}
