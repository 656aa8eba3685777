using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

[TestFixture]
public class LocalizationCoverageTests
{
    private static readonly Regex ResourceKeyLiteral = new("\"(Plugins\\.Misc\\.CustomFlows\\.[A-Za-z0-9_.]+)\"", RegexOptions.Compiled);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepositoryFiles.PluginFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Test]
    public void English_and_polish_have_the_same_keys()
    {
        Assert.That(CustomFlowsLocales.Polish.Keys, Is.EquivalentTo(CustomFlowsLocales.English.Keys));
    }

    [Test]
    public void Every_text_is_filled_in_both_languages_and_polish_is_really_translated()
    {
        foreach (var (key, english) in CustomFlowsLocales.English)
        {
            Assert.That(english, Is.Not.Empty, key);
            Assert.That(CustomFlowsLocales.Polish[key], Is.Not.Empty, key);
        }

        var same = CustomFlowsLocales.English.Count(pair => pair.Value == CustomFlowsLocales.Polish[pair.Key]);
        Assert.That(same, Is.LessThan(CustomFlowsLocales.English.Count / 5), "most Polish texts must differ from the English ones");
    }

    [Test]
    public void Every_key_is_under_the_plugin_prefix_so_uninstall_removes_it()
    {
        Assert.That(CustomFlowsLocales.English.Keys, Has.All.StartsWith(CustomFlowsDefaults.LocalePrefix + "."));
    }

    [Test]
    public void Every_resource_key_used_in_code_and_views_exists()
    {
        var missing = SourceFiles()
            .Where(f => !f.EndsWith("CustomFlowsLocales.cs"))
            .SelectMany(f => ResourceKeyLiteral.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            //a key ending in a dot is a prefix completed at run time (e.g. by an enum value): some key must start with it
            .Where(use => use.Key.EndsWith('.')
                ? !CustomFlowsLocales.English.Keys.Any(key => key.StartsWith(use.Key))
                : !CustomFlowsLocales.English.ContainsKey(use.Key))
            .Select(use => $"{use.File}: {use.Key}")
            .Distinct()
            .ToList();

        Assert.That(missing, Is.Empty, "resource keys used but not installed");
    }

    [Test]
    public void Every_model_field_has_a_label_and_a_hint()
    {
        var keys = typeof(CustomFlowsPlugin).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttribute<NopResourceDisplayNameAttribute>()?.ResourceKey)
            .Where(k => k != null)
            .ToList();

        Assert.That(keys, Is.Not.Empty);
        foreach (var key in keys)
        {
            Assert.That(CustomFlowsLocales.English.ContainsKey(key), key);
            Assert.That(CustomFlowsLocales.English.ContainsKey(key + ".Hint"), key + ".Hint");
        }
    }

    [Test]
    public void Every_flow_status_has_a_name_in_the_list()
    {
        foreach (var status in Enum.GetValues<Nop.Plugin.Misc.CustomFlows.Domain.FlowStatus>())
            Assert.That(CustomFlowsLocales.English.ContainsKey($"Plugins.Misc.CustomFlows.Flows.Status.{status}"), status.ToString());
    }

    [TestCase("pl-PL", true)]
    [TestCase("pl", true)]
    [TestCase("PL-pl", true)]
    [TestCase("en-US", false)]
    [TestCase("plt-XX", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void Polish_texts_go_to_polish_cultures_only(string culture, bool expected)
    {
        Assert.That(CustomFlowsLocales.IsPolish(culture), Is.EqualTo(expected));
    }
}
