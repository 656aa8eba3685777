using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services;

[TestFixture]
public class FlowServiceTests
{
    [Test]
    public async Task Flow_list_puts_higher_priority_first_names_published_versions_and_hides_archived_flows()
    {
        var flows = new InMemoryRepository<Flow>();
        var versions = new InMemoryRepository<FlowVersion>();
        var draft = new Flow { Name = "Birthday", StatusId = (int)FlowStatus.Draft, Priority = 1 };
        var active = new Flow { Name = "Abandoned cart", StatusId = (int)FlowStatus.Active, Priority = 10 };
        var archived = new Flow { Name = "Old", StatusId = (int)FlowStatus.Archived, Priority = 99 };
        await flows.InsertAsync(draft);
        await flows.InsertAsync(active);
        await flows.InsertAsync(archived);
        var v1 = new FlowVersion { FlowId = active.Id, VersionNumber = 1, DefinitionJson = "{}" };
        var v2 = new FlowVersion { FlowId = active.Id, VersionNumber = 2, DefinitionJson = "{}" };
        await versions.InsertAsync(v1);
        await versions.InsertAsync(v2);
        active.PublishedVersionId = v2.Id;
        await flows.UpdateAsync(active);

        var list = await new FlowService(flows, versions).GetFlowSummariesAsync();

        Assert.That(list.Select(f => (f.Name, f.PublishedVersion)), Is.EqualTo(new[] { ("Abandoned cart", (int?)2), ("Birthday", null) }));
        Assert.That(list[0].Status, Is.EqualTo(FlowStatus.Active));

        var withArchived = await new FlowService(flows, versions).GetFlowSummariesAsync(includeArchived: true);
        Assert.That(withArchived.First().Name, Is.EqualTo("Old"));
    }
}
