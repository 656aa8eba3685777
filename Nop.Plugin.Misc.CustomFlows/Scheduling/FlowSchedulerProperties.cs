using System.Collections.Specialized;
using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// Translates <see cref="FlowSchedulerSettings"/> into Quartz configuration properties
/// </summary>
public static class FlowSchedulerProperties
{
    /// <summary>
    /// Builds the Quartz properties for the settings
    /// </summary>
    /// <param name="settings">The scheduler settings</param>
    /// <returns>The properties a <c>StdSchedulerFactory</c> is created with</returns>
    public static NameValueCollection Build(FlowSchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = settings.SchedulerName,
            ["quartz.scheduler.idleWaitTime"] = Milliseconds(settings.IdleWaitTime),
            ["quartz.scheduler.typeLoadHelper.type"] = TypeName<FlowTypeLoadHelper>(),
            ["quartz.threadPool.maxConcurrency"] = settings.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            // Shutting the shop down should not wait for a long batch to notice: jobs see the cancellation.
            ["quartz.scheduler.interruptJobsOnShutdownWithWait"] = "true"
        };

        if (!settings.UseClusteredStore)
        {
            properties["quartz.scheduler.instanceId"] = settings.InstanceId ?? "NON_CLUSTERED";
            properties["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz";
            properties["quartz.jobStore.misfireThreshold"] = Milliseconds(settings.MisfireThreshold);
            return properties;
        }

        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
            throw new ArgumentException("A clustered flow scheduler needs a connection string.", nameof(settings));

        var (provider, driverDelegate) = settings.Database switch
        {
            SchedulerDatabase.SqlServer => ("SqlServer", "Quartz.Impl.AdoJobStore.SqlServerDelegate, Quartz"),
            SchedulerDatabase.PostgreSql => ("Npgsql", "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz"),
            SchedulerDatabase.MySql => ("MySqlConnector", "Quartz.Impl.AdoJobStore.MySQLDelegate, Quartz"),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Database, "Unknown scheduler database.")
        };

        properties["quartz.scheduler.instanceId"] = settings.InstanceId ?? "AUTO";
        properties["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz";
        properties["quartz.jobStore.driverDelegateType"] = driverDelegate;
        properties["quartz.jobStore.dataSource"] = "customFlows";
        properties["quartz.dataSource.customFlows.provider"] = provider;
        properties["quartz.dataSource.customFlows.connectionString"] = settings.ConnectionString;
        properties["quartz.jobStore.tablePrefix"] = QuartzSchema.ValidatePrefix(settings.TablePrefix);
        properties["quartz.jobStore.clustered"] = "true";
        properties["quartz.jobStore.clusterCheckinInterval"] = Milliseconds(settings.ClusterCheckinInterval);
        properties["quartz.jobStore.clusterCheckinMisfireThreshold"] = Milliseconds(settings.ClusterFailureGrace);
        properties["quartz.jobStore.misfireThreshold"] = Milliseconds(settings.MisfireThreshold);
        properties["quartz.jobStore.maxMisfiresToHandleAtATime"] = settings.MaxMisfiresToHandleAtATime.ToString(CultureInfo.InvariantCulture);
        // Job data stays plain strings, readable in the database and immune to type renames.
        properties["quartz.jobStore.useProperties"] = "true";
        properties["quartz.serializer.type"] = TypeName<QuartzJsonSerializer>();

        return properties;
    }

    private static string Milliseconds(TimeSpan value)
    {
        return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }

    private static string TypeName<T>()
    {
        // Without the version: FlowTypeLoadHelper resolves the plugin's types by full name anyway.
        return $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}";
    }
}
