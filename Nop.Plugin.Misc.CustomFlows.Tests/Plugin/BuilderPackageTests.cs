using System.IO.Compression;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// The flow builder reaches the shop as its committed bundle in Content/builder; its JavaScript source and
/// node_modules (ClientApp) stay out of the upload package.
/// </summary>
[TestFixture]
public class BuilderPackageTests
{
    [Test]
    public void The_archive_carries_the_builder_bundle_and_none_of_its_source()
    {
        var path = Path.Combine(RepositoryFiles.Root, "artifacts", "Misc.CustomFlows.zip");
        Assert.That(File.Exists(path), Is.True, $"the build writes {path}");
        using var archive = ZipFile.OpenRead(path);
        var names = archive.Entries.Select(e => e.FullName).ToList();

        Assert.That(names, Does.Contain("Misc.CustomFlows/Content/builder/builder.js"));
        Assert.That(names, Does.Contain("Misc.CustomFlows/Content/builder/builder.css"));
        Assert.That(names.Where(name => name.Contains("ClientApp") || name.Contains("node_modules")), Is.Empty);
    }
}
