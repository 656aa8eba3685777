using Nop.Plugin.Misc.CustomFlows.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

[TestFixture]
public class SchemaTests
{
    private static IEnumerable<PluginTable> Tables => CustomFlowsSchema.All;

    private static IEnumerable<TestCaseData> Indexes => CustomFlowsSchema.All
        .SelectMany(table => table.Indexes.Select(index => new TestCaseData(table, index).SetArgDisplayNames(index.GetName(table.EntityType.Name))));

    private static IEnumerable<TestCaseData> UniqueIndexes => CustomFlowsSchema.All
        .SelectMany(table => table.Indexes.Where(index => index.IsUnique)
            .Select(index => new TestCaseData(table, index).SetArgDisplayNames(index.GetName(table.EntityType.Name))));

    private static PluginIndex IndexOf<TEntity>(params string[] columns) => CustomFlowsSchema.All
        .Single(table => table.EntityType == typeof(TEntity)).Indexes
        .SingleOrDefault(index => index.Columns.SequenceEqual(columns));

    private static int KeyBytes(Type entity, IEnumerable<string> columns, int bytesPerCharacter)
    {
        var declared = PluginEntities.RecordColumns(entity).Columns.ToDictionary(c => c.Name);
        return columns.Sum(column => declared.TryGetValue(column, out var c) && c.Type == "String" ? c.Size!.Value * bytesPerCharacter : 8);
    }

    [Test]
    public void Every_entity_has_exactly_one_table_and_the_schema_is_foundation_plus_run_storage()
    {
        Assert.That(Tables.Select(t => t.EntityType), Is.EquivalentTo(PluginEntities.EntityTypes));
        Assert.That(Tables.Select(t => t.EntityType), Is.Unique);
        Assert.That(CustomFlowsSchema.All, Is.EqualTo(CustomFlowsSchema.Foundation.Concat(CustomFlowsSchema.RunStorage).Concat(CustomFlowsSchema.Attribution)));
        Assert.That(CustomFlowsSchema.Foundation.Select(t => t.EntityType), Is.EqualTo(new[] { typeof(Flow), typeof(FlowVersion) }));
    }

    [TestCaseSource(nameof(Indexes))]
    public void An_index_covers_real_columns_of_its_table(PluginTable table, PluginIndex index)
    {
        var columns = PluginEntities.MappedProperties(table.EntityType).Select(p => p.Name).Append("Id");

        Assert.That(index.Columns, Is.SubsetOf(columns));
        Assert.That(index.Columns, Is.Unique);
    }

    [TestCaseSource(nameof(Indexes))]
    public void An_index_name_fits_every_supported_database(PluginTable table, PluginIndex index)
    {
        Assert.That(index.GetName(table.EntityType.Name).Length, Is.LessThanOrEqualTo(63), "PostgreSQL truncates identifiers after 63 bytes, MySQL refuses more than 64");
    }

    [TestCaseSource(nameof(Indexes))]
    public void An_index_key_fits_SQL_Server_and_MySQL_limits(PluginTable table, PluginIndex index)
    {
        Assert.That(KeyBytes(table.EntityType, index.Columns, 2), Is.LessThanOrEqualTo(1700), "SQL Server nonclustered key, nvarchar");
        Assert.That(KeyBytes(table.EntityType, index.Columns, 4), Is.LessThanOrEqualTo(3072), "MySQL InnoDB key, utf8mb4");
    }

    [TestCaseSource(nameof(UniqueIndexes))]
    public void A_unique_index_covers_only_non_nullable_columns(PluginTable table, PluginIndex index)
    {
        var declared = PluginEntities.RecordColumns(table.EntityType).Columns.ToDictionary(c => c.Name);
        foreach (var column in index.Columns)
        {
            //columns left to nopCommerce's mapping (date-times, Id) are nullable exactly when their CLR type is
            var nullable = declared.TryGetValue(column, out var c)
                ? c.IsNullable
                : Nullable.GetUnderlyingType(table.EntityType.GetProperty(column)!.PropertyType) is not null;
            Assert.That(nullable, Is.False, $"{column}: SQL Server lets one NULL into a unique index, the others any number; keep keys non-null so all three agree");
        }
    }

    [Test]
    public void Index_names_are_unique_across_the_schema_as_PostgreSQL_requires()
    {
        Assert.That(Tables.SelectMany(t => t.Indexes.Select(i => i.GetName(t.EntityType.Name))), Is.Unique);
    }

    [Test]
    public void Due_runs_are_found_by_status_then_due_time()
    {
        var index = IndexOf<FlowRun>(nameof(FlowRun.StatusId), nameof(FlowRun.DueOnUtc));

        Assert.That(index, Is.Not.Null);
        Assert.That(index.IsUnique, Is.False);
    }

    [Test]
    public void Only_one_run_per_flow_customer_and_entry_key_can_be_active()
    {
        Assert.That(IndexOf<FlowRun>(nameof(FlowRun.ActiveKey))?.IsUnique, Is.True);
    }

    [Test]
    public void Pending_inbox_events_are_read_by_unprocessed_and_unquarantined_then_id()
    {
        var index = IndexOf<FlowInboxEvent>(nameof(FlowInboxEvent.ProcessedOnUtc), nameof(FlowInboxEvent.QuarantinedOnUtc), nameof(FlowInboxEvent.Id));

        Assert.That(index, Is.Not.Null);
    }

    [Test]
    public void An_action_is_recorded_once_per_idempotency_key()
    {
        Assert.That(IndexOf<FlowActionLog>(nameof(FlowActionLog.IdempotencyKey))?.IsUnique, Is.True);
    }

    [Test]
    public void Rows_that_must_be_single_have_unique_keys()
    {
        Assert.That(IndexOf<FlowVersion>(nameof(FlowVersion.FlowId), nameof(FlowVersion.VersionNumber))?.IsUnique, Is.True);
        Assert.That(IndexOf<CustomerFlowState>(nameof(CustomerFlowState.CustomerId))?.IsUnique, Is.True);
        Assert.That(IndexOf<FlowNodeDailyStat>(nameof(FlowNodeDailyStat.FlowVersionId), nameof(FlowNodeDailyStat.NodeId), nameof(FlowNodeDailyStat.DayOnUtc))?.IsUnique, Is.True);
    }

    [Test]
    public void Retention_and_page_view_queries_have_indexes()
    {
        Assert.That(IndexOf<FlowRun>(nameof(FlowRun.EndedOnUtc)), Is.Not.Null);
        Assert.That(IndexOf<FlowActionLog>(nameof(FlowActionLog.CreatedOnUtc)), Is.Not.Null);
        Assert.That(IndexOf<PendingPopup>(nameof(PendingPopup.CustomerId), nameof(PendingPopup.StoreId)), Is.Not.Null);
    }
}
