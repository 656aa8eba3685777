using System.Reflection;
using Nop.Core;
using Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

/// <summary>
/// What nopCommerce sees of the plugin's entities: the entity types, their builders, and which properties
/// become columns by its automatic mapping rules
/// </summary>
public static class PluginEntities
{
    /// <summary>
    /// CLR types nopCommerce's automatic mapping turns into columns (FluentMigratorExtensions.TypeMapping)
    /// </summary>
    private static readonly HashSet<Type> _autoMappedTypes =
        [typeof(int), typeof(long), typeof(string), typeof(bool), typeof(decimal), typeof(DateTime), typeof(byte[]), typeof(Guid)];

    public static Assembly Assembly => typeof(Flow).Assembly;

    public static IEnumerable<Type> EntityTypes => Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(BaseEntity).IsAssignableFrom(t))
        .OrderBy(t => t.Name);

    /// <summary>
    /// Finds builders the way nopCommerce does: concrete entity builders whose direct base type has the entity among its generic arguments
    /// </summary>
    public static IList<Type> BuildersOf(Type entityType) => Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(Nop.Data.Mapping.Builders.IEntityBuilder).IsAssignableFrom(t))
        .Where(t => t.BaseType?.GetGenericArguments().Contains(entityType) ?? false)
        .ToList();

    /// <summary>
    /// Replays the builder of an entity against a recorder
    /// </summary>
    public static RecordingTable RecordColumns(Type entityType)
    {
        var builderType = BuildersOf(entityType).Single();
        var builder = Activator.CreateInstance(builderType);
        var table = new RecordingTable();
        builderType.GetMethod(nameof(CustomFlowsEntityBuilder<Flow>.MapColumns))!.Invoke(builder, [table]);
        return table;
    }

    /// <summary>
    /// Properties that become columns: readable, writable, of a mapped type; Id is the primary key nopCommerce adds itself
    /// </summary>
    public static IEnumerable<PropertyInfo> MappedProperties(Type entityType) => entityType
        .GetProperties(BindingFlags.Instance | BindingFlags.Public)
        .Where(p => p.CanRead && p.CanWrite && p.Name != nameof(BaseEntity.Id))
        .Where(p => _autoMappedTypes.Contains(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType));

    public static bool IsDateTime(PropertyInfo property) =>
        (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(DateTime);
}
