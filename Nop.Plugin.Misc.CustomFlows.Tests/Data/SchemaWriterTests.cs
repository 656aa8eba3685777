using Nop.Plugin.Misc.CustomFlows.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

[TestFixture]
public class SchemaWriterTests
{
    [Test]
    public void Creating_on_an_empty_database_adds_each_table_followed_by_its_indexes()
    {
        var database = new FakeDatabase();

        new RecordingSchemaWriter(database).CreateMissing(CustomFlowsSchema.Foundation);

        Assert.That(database.Log, Is.EqualTo(new[]
        {
            "create table Flow",
            "create table FlowVersion",
            "create index UX_FlowVersion_FlowId_VersionNumber"
        }));
        var index = database.IndexesOf("FlowVersion").Single();
        Assert.That(index.TableName, Is.EqualTo("FlowVersion"));
        Assert.That(index.Columns, Is.EqualTo(new[] { "FlowId", "VersionNumber" }));
        Assert.That(index.IsUnique, Is.True);
    }

    [Test]
    public void Every_described_index_reaches_the_database_with_its_columns_and_uniqueness()
    {
        var database = new FakeDatabase();

        new RecordingSchemaWriter(database).CreateMissing(CustomFlowsSchema.All);

        foreach (var table in CustomFlowsSchema.All)
        {
            var name = table.EntityType.Name;
            Assert.That(database.IndexesOf(name).Select(i => (i.Name, string.Join(",", i.Columns), i.IsUnique)),
                Is.EquivalentTo(table.Indexes.Select(i => (i.GetName(name), string.Join(",", i.Columns), i.IsUnique))), name);
        }
    }

    [Test]
    public void Creating_again_changes_nothing()
    {
        var database = new FakeDatabase();
        var writer = new RecordingSchemaWriter(database);
        writer.CreateMissing(CustomFlowsSchema.All);
        var before = database.Log.Count;

        writer.CreateMissing(CustomFlowsSchema.All);

        Assert.That(database.Log, Has.Count.EqualTo(before));
    }

    [Test]
    public void Creating_on_a_partial_schema_adds_only_what_is_missing()
    {
        var database = new FakeDatabase();
        database.AddTable(nameof(FlowRun));
        database.Log.Clear();

        new RecordingSchemaWriter(database).CreateMissing(CustomFlowsSchema.RunStorage.Take(1));

        Assert.That(database.Log, Has.None.StartsWith("create table"));
        Assert.That(database.Log, Has.Count.EqualTo(CustomFlowsSchema.RunStorage[0].Indexes.Count));
    }

    [Test]
    public void Dropping_removes_existing_tables_in_reverse_order_and_skips_missing_ones()
    {
        var database = new FakeDatabase();
        database.AddTable(nameof(Flow));
        database.AddTable(nameof(FlowVersion));
        database.Log.Clear();

        new RecordingSchemaWriter(database).DropExisting(CustomFlowsSchema.All);

        Assert.That(database.Log, Is.EqualTo(new[] { "drop table FlowVersion", "drop table Flow" }));
        Assert.That(database.Tables, Is.Empty);
    }
}
