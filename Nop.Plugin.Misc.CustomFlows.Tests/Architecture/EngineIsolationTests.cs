using System.Reflection;
using System.Xml.Linq;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md section 2: the engine is an assembly of its own that references nothing but .NET, so
/// "no nopCommerce, no Quartz in the engine" is a compiler fact; the simulator is a second host beside it.
/// </summary>
[TestFixture]
public class EngineIsolationTests
{
    private static readonly Assembly Engine = typeof(FlowInterpreter).Assembly;
    private static readonly Assembly Simulation = typeof(FlowSimulator).Assembly;

    private static bool IsFramework(AssemblyName name) =>
        name.Name is "netstandard" or "mscorlib" || name.Name!.StartsWith("System", StringComparison.Ordinal)
        || name.Name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    private static XDocument Project(string folder) =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, folder, folder + ".csproj"));

    [Test]
    public void The_engine_assembly_references_only_the_dotnet_framework()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Engine.GetName().Name, Is.EqualTo("Nop.Plugin.Misc.CustomFlows.Engine"));
            Assert.That(Engine.GetReferencedAssemblies().Where(name => !IsFramework(name)).Select(name => name.Name), Is.Empty);
        });
    }

    [Test]
    public void The_engine_project_has_no_package_or_project_reference()
    {
        var references = Project("Nop.Plugin.Misc.CustomFlows.Engine").Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => e.Attribute("Include")?.Value);

        Assert.That(references, Is.Empty);
    }

    [Test]
    public void The_simulator_references_the_engine_and_the_framework_only()
    {
        var others = Simulation.GetReferencedAssemblies().Where(name => !IsFramework(name)).Select(name => name.Name);

        Assert.That(others, Is.EquivalentTo(new[] { "Nop.Plugin.Misc.CustomFlows.Engine" }));
    }

    [Test]
    public void The_plugin_assembly_defines_no_type_in_the_engine_or_simulator_namespaces()
    {
        var strays = typeof(CustomFlowsPlugin).Assembly.GetTypes()
            .Where(type => type.Namespace != null && (type.Namespace.StartsWith("Nop.Plugin.Misc.CustomFlows.Engine", StringComparison.Ordinal)
                || type.Namespace.StartsWith("Nop.Plugin.Misc.CustomFlows.Simulation", StringComparison.Ordinal)))
            .Select(type => type.FullName);

        Assert.That(strays, Is.Empty);
    }
}
