using System.IO.Compression;
using System.Text.Json;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// The zip built next to the plugin folder must pass nopCommerce's "Upload plugin or theme" checks:
/// exactly one root directory entry, the descriptor inside it, the shop's version supported.
/// </summary>
[TestFixture]
public class PluginPackageTests
{
    private static string ArchivePath => Path.Combine(RepositoryFiles.Root, "artifacts", "Misc.CustomFlows.zip");

    private static ZipArchive OpenArchive()
    {
        Assert.That(File.Exists(ArchivePath), Is.True, $"the build writes {ArchivePath}");
        return ZipFile.OpenRead(ArchivePath);
    }

    [Test]
    public void Archive_has_exactly_one_root_directory_named_after_the_system_name()
    {
        using var archive = OpenArchive();

        var rootDirectories = archive.Entries
            .Where(e => e.FullName.Count(c => c == '/') == 1 && e.FullName.EndsWith('/'))
            .Select(e => e.FullName)
            .ToList();

        Assert.That(rootDirectories, Is.EqualTo(new[] { "Misc.CustomFlows/" }));
        Assert.That(archive.Entries.Select(e => e.FullName), Has.All.StartsWith("Misc.CustomFlows/"));
    }

    [Test]
    public void Descriptor_in_the_archive_names_the_plugin_and_supports_4_90()
    {
        using var archive = OpenArchive();
        var entry = archive.GetEntry("Misc.CustomFlows/plugin.json");
        Assert.That(entry, Is.Not.Null);

        using var stream = entry.Open();
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;

        Assert.That(root.GetProperty("SystemName").GetString(), Is.EqualTo(CustomFlowsDefaults.SystemName));
        Assert.That(root.GetProperty("Group").GetString(), Is.EqualTo("Misc"));
        Assert.That(root.GetProperty("FileName").GetString(), Is.EqualTo("Nop.Plugin.Misc.CustomFlows.dll"));
        Assert.That(root.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Does.Contain("4.90"));
    }

    [Test]
    public void The_descriptor_and_the_assembly_carry_the_same_plugin_version()
    {
        //nopCommerce runs update migrations when the descriptor's version changes, so the two must move together
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "plugin.json")));
        var descriptorVersion = Version.Parse(json.RootElement.GetProperty("Version").GetString()!);
        var assemblyVersion = typeof(CustomFlowsPlugin).Assembly.GetName().Version!;

        Assert.That((assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build),
            Is.EqualTo((descriptorVersion.Major, descriptorVersion.Minor, descriptorVersion.Build)));
    }

    [Test]
    public void Archive_carries_the_plugin_assembly_logo_views_and_quartz()
    {
        using var archive = OpenArchive();
        var names = archive.Entries.Select(e => e.FullName).ToList();

        Assert.That(names, Does.Contain("Misc.CustomFlows/Nop.Plugin.Misc.CustomFlows.dll"));
        Assert.That(names, Does.Contain("Misc.CustomFlows/logo.png"));
        Assert.That(names, Does.Contain("Misc.CustomFlows/Quartz.dll"));
        //the pop-up sanitizer and its HTML parser: nopCommerce loads neither
        Assert.That(names, Does.Contain("Misc.CustomFlows/HtmlSanitizer.dll").And.Contain("Misc.CustomFlows/AngleSharp.dll").And.Contain("Misc.CustomFlows/AngleSharp.Css.dll"));
        Assert.That(names, Does.Contain("Misc.CustomFlows/Areas/Admin/Views/CustomFlows/Configure.cshtml"));
        Assert.That(names, Does.Contain("Misc.CustomFlows/Views/PopupHost.cshtml"));
        Assert.That(names, Does.Contain("Misc.CustomFlows/Content/popups.js"), "the storefront script the pop-up view loads");
    }

    [Test]
    public void No_reference_assembly_is_packaged_neither_in_the_archive_nor_in_the_folder()
    {
        using var archive = OpenArchive();
        var packaged = archive.Entries.Select(e => e.Name)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "artifacts", "Misc.CustomFlows"), "*", SearchOption.AllDirectories).Select(Path.GetFileName));

        var references = packaged
            .Where(n => (n.StartsWith("Nop.") && !n.StartsWith("Nop.Plugin.")) || n.StartsWith("FluentMigrator"))
            .Distinct()
            .ToList();

        Assert.That(references, Is.Empty, "the shop's own nopCommerce and FluentMigrator assemblies must be used");
    }
}
