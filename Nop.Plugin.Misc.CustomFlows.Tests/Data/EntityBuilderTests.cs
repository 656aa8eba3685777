using System.Reflection;
using Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

[TestFixture]
public class EntityBuilderTests
{
    private static IEnumerable<Type> Entities => PluginEntities.EntityTypes;

    [Test]
    public void The_plugin_has_the_entities_of_the_foundation_and_run_storage()
    {
        Assert.That(Entities.Select(t => t.Name), Is.EquivalentTo(new[]
        {
            "Flow", "FlowVersion", "FlowRun", "FlowInboxEvent", "FlowActionLog", "PendingPopup", "CustomerFlowState", "FlowNodeDailyStat", "FlowAttribution"
        }));
    }

    [TestCaseSource(nameof(Entities))]
    public void Each_entity_has_exactly_one_builder_nopCommerce_can_find_and_create(Type entity)
    {
        var builders = PluginEntities.BuildersOf(entity);

        Assert.That(builders, Has.Count.EqualTo(1), "nopCommerce takes the first builder whose base type names the entity");
        Assert.That(builders[0].GetConstructor(Type.EmptyTypes), Is.Not.Null, "nopCommerce creates builders outside DI");
        Assert.That(typeof(CustomFlowsEntityBuilder<>).MakeGenericType(entity).IsAssignableFrom(builders[0]), Is.True);
    }

    [TestCaseSource(nameof(Entities))]
    public void Each_builder_declares_columns_cleanly_and_only_for_real_properties(Type entity)
    {
        var table = PluginEntities.RecordColumns(entity);
        var properties = PluginEntities.MappedProperties(entity).Select(p => p.Name).ToHashSet();

        Assert.That(table.Mistakes, Is.Empty);
        Assert.That(table.Columns.Select(c => c.Name), Is.Unique);
        Assert.That(table.Columns.Select(c => c.Name), Is.SubsetOf(properties), "a column without a property would never be read or written");
        Assert.That(table.Columns.Where(c => c.Type is null || c.IsNullable is null), Is.Empty, "every column states its type and nullability");
    }

    [TestCaseSource(nameof(Entities))]
    public void Every_mapped_property_is_declared_except_date_times_which_nopCommerce_maps_with_its_precision(Type entity)
    {
        var declared = PluginEntities.RecordColumns(entity).Columns.Select(c => c.Name).ToHashSet();

        foreach (var property in PluginEntities.MappedProperties(entity))
        {
            if (PluginEntities.IsDateTime(property))
                Assert.That(declared, Does.Not.Contain(property.Name), $"{entity.Name}.{property.Name} should keep nopCommerce's date-time mapping");
            else
                Assert.That(declared, Does.Contain(property.Name), $"{entity.Name}.{property.Name} would become an unbounded nullable default column");
        }
    }

    [TestCaseSource(nameof(Entities))]
    public void Declared_types_and_nullability_match_the_properties(Type entity)
    {
        foreach (var column in PluginEntities.RecordColumns(entity).Columns)
        {
            var property = entity.GetProperty(column.Name)!;
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var clrType = underlying ?? property.PropertyType;
            var expectedType = clrType == typeof(int) ? "Int32"
                : clrType == typeof(string) ? "String"
                : clrType == typeof(bool) ? "Boolean"
                : clrType == typeof(decimal) ? "Decimal"
                : null;

            Assert.That(column.Type, Is.EqualTo(expectedType), $"{entity.Name}.{column.Name}");
            if (clrType.IsValueType)
                Assert.That(column.IsNullable, Is.EqualTo(underlying is not null), $"{entity.Name}.{column.Name} nullability follows the CLR type");
            if (clrType == typeof(decimal))
                Assert.That((column.Size, column.Precision), Is.EqualTo((18, 4)), "money as nopCommerce stores it");
            if (clrType == typeof(string))
                Assert.That(column.Size, Is.EqualTo(int.MaxValue).Or.InRange(1, 4000), $"{entity.Name}.{column.Name}: SQL Server nvarchar is at most 4000 unless max");
        }
    }

    [TestCaseSource(nameof(Entities))]
    public void Enum_properties_are_unmapped_views_of_their_Id_columns(Type entity)
    {
        var declared = PluginEntities.RecordColumns(entity).Columns.Select(c => c.Name).ToHashSet();

        foreach (var property in entity.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.PropertyType.IsEnum))
        {
            var idProperty = entity.GetProperty(property.Name + "Id");
            Assert.That(idProperty?.PropertyType, Is.EqualTo(typeof(int)), $"{entity.Name}.{property.Name} needs an int {property.Name}Id column");
            Assert.That(declared, Does.Contain(idProperty!.Name));
            Assert.That(declared, Does.Not.Contain(property.Name));

            var instance = Activator.CreateInstance(entity);
            var last = Enum.GetValues(property.PropertyType).Cast<object>().Last();
            property.SetValue(instance, last);
            Assert.That(idProperty.GetValue(instance), Is.EqualTo((int)last), "setting the enum sets the stored id");
        }
    }

    [TestCaseSource(nameof(Entities))]
    public void Times_are_UTC_by_name(Type entity)
    {
        foreach (var property in entity.GetProperties().Where(PluginEntities.IsDateTime))
            Assert.That(property.Name, Does.EndWith("OnUtc"), $"{entity.Name}.{property.Name}");
    }
}
