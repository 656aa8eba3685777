using System.Text.Json;

namespace Nop.Plugin.Misc.CustomFlows.Localization;

/// <summary>
/// The flow builder's texts (ClientApp/builder/texts.en.json and texts.pl.json, embedded in the plugin), as locale
/// resources under "Plugins.Misc.CustomFlows.Builder."; part of <see cref="CustomFlowsLocales"/>. The builder bundles
/// the English file as its fallback, so the page and the module cannot disagree on a key.
/// </summary>
public static class BuilderLocales
{
    /// <summary>
    /// Prefix of the builder's resource names
    /// </summary>
    public static string Prefix => $"{CustomFlowsDefaults.LocalePrefix}.Builder.";

    /// <summary>
    /// English texts by resource name
    /// </summary>
    public static IReadOnlyDictionary<string, string> English { get; } = WithEveryPluralForm(Read("CustomFlows.Builder.texts.en.json"));

    /// <summary>
    /// Polish texts by resource name
    /// </summary>
    public static IReadOnlyDictionary<string, string> Polish { get; } = WithEveryPluralForm(Read("CustomFlows.Builder.texts.pl.json"));

    /// <summary>
    /// English counts in two forms (one, other), Polish in four (one, few, many, other); a dictionary may leave out the
    /// forms that read the same as "other". The English texts go to every
    /// language of the shop, so they carry all four: a language without its own dictionary then has a text for every
    /// form its plural rules may ask for.
    /// </summary>
    private static IReadOnlyDictionary<string, string> WithEveryPluralForm(IReadOnlyDictionary<string, string> texts)
    {
        var result = new Dictionary<string, string>(texts);
        foreach (var (key, value) in texts.Where(pair => pair.Key.EndsWith("_other", StringComparison.Ordinal)))
        {
            var stem = key[..^"_other".Length];
            result.TryAdd(stem + "_few", value);
            result.TryAdd(stem + "_many", value);
        }

        return result;
    }

    private static IReadOnlyDictionary<string, string> Read(string resource)
    {
        using var stream = typeof(BuilderLocales).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The plugin assembly lacks its resource {resource}.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        return texts.ToDictionary(pair => Prefix + pair.Key, pair => pair.Value);
    }
}
