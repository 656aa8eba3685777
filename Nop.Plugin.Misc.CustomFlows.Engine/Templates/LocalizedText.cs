namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates;

/// <summary>
/// A text in the two languages the library ships: English and Polish.
/// </summary>
/// <param name="En">English.</param>
/// <param name="Pl">Polish.</param>
public sealed record LocalizedText(string En, string Pl)
{
    /// <summary>
    /// The text in a language ("en" or "pl"); English for any other.
    /// </summary>
    public string In(string languageCode) =>
        string.Equals(languageCode, "pl", StringComparison.OrdinalIgnoreCase) ? Pl : En;
}
