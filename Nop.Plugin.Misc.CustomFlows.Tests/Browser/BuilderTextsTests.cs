using System.Text.Json.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Browser;

/// <summary>
/// The builder's texts: the server loads texts.en.json and texts.pl.json into locale resources, so both must carry
/// the same keys, none empty, and a counted text needs each plural form of its language. The builder README's
/// size figures are those of the committed bundle.
/// </summary>
[TestFixture]
public class BuilderTextsTests
{
    private static string Builder(params string[] parts)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nop.Plugin.Misc.CustomFlows.sln")))
            directory = directory.Parent;
        return Path.Combine([directory!.FullName, "Nop.Plugin.Misc.CustomFlows", .. parts]);
    }

    private static JsonObject Texts(string language) =>
        JsonNode.Parse(File.ReadAllText(Builder("ClientApp", "builder", $"texts.{language}.json")))!.AsObject();

    private static readonly string[] _pluralForms = ["one", "few", "many", "other"];

    /// <summary>"HiddenSteps_one" and "HiddenSteps_other" are one key with plural forms; "Page_other" (the page kind) is not, having no "_one"</summary>
    private static string BaseKey(string key, ICollection<string> keys)
    {
        var underscore = key.LastIndexOf('_');
        if (underscore <= 0 || !_pluralForms.Contains(key[(underscore + 1)..]))
            return key;
        var stem = key[..underscore];
        return keys.Contains($"{stem}_one") ? stem : key;
    }

    private static string[] BaseKeys(string language)
    {
        var keys = Texts(language).Select(pair => pair.Key).ToHashSet();
        return keys.Select(key => BaseKey(key, keys)).Distinct().ToArray();
    }

    [Test]
    public void The_polish_texts_have_exactly_the_english_keys()
    {
        var english = BaseKeys("en");
        var polish = BaseKeys("pl");

        Assert.That(polish.Except(english), Is.Empty, "keys only in Polish");
        Assert.That(english.Except(polish), Is.Empty, "keys missing in Polish");
    }

    [Test]
    public void Every_counted_text_has_the_plural_forms_its_language_needs()
    {
        var english = Texts("en").Select(pair => pair.Key).ToHashSet();
        var polish = Texts("pl").Select(pair => pair.Key).ToHashSet();
        var counted = english.Where(key => BaseKey(key, english) != key).Select(key => BaseKey(key, english)).Distinct().ToArray();

        Assert.That(counted, Is.Not.Empty);
        foreach (var key in counted)
        {
            Assert.That(english, Does.Contain($"{key}_one").And.Contain($"{key}_other"), key);
            Assert.That(polish, Does.Contain($"{key}_one").And.Contain($"{key}_few").And.Contain($"{key}_many").And.Contain($"{key}_other"), key);
        }
    }

    [Test]
    public void No_text_is_empty()
    {
        foreach (var language in new[] { "en", "pl" })
            Assert.That(Texts(language).Where(pair => string.IsNullOrWhiteSpace(pair.Value!.GetValue<string>())).Select(pair => pair.Key), Is.Empty, language);
    }

    [Test]
    public void The_builder_readme_states_the_size_of_the_committed_bundle()
    {
        var readme = File.ReadAllText(Builder("ClientApp", "builder", "README.md"));

        foreach (var file in new[] { "builder.js", "builder.css" })
            Assert.That(readme, Does.Contain($"({new FileInfo(Builder("Content", "builder", file)).Length} bytes)"), $"README.md's size of {file}");
    }
}
