using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class FlowSchedulerPropertiesTests
{
    private static FlowSchedulerSettings Clustered(SchedulerDatabase database) => new()
    {
        UseClusteredStore = true,
        Database = database,
        ConnectionString = "Server=db;Database=shop",
        ClusterCheckinInterval = TimeSpan.FromSeconds(2),
        ClusterFailureGrace = TimeSpan.FromSeconds(3)
    };

    [Test]
    public void By_default_the_scheduler_keeps_its_state_in_memory()
    {
        var properties = FlowSchedulerProperties.Build(new FlowSchedulerSettings());

        Assert.That(properties["quartz.jobStore.type"], Does.StartWith("Quartz.Simpl.RAMJobStore"));
        Assert.That(properties["quartz.jobStore.clustered"], Is.Null);
        Assert.That(properties["quartz.dataSource.customFlows.connectionString"], Is.Null);
    }

    [Test]
    public void A_clustered_store_is_a_clustered_AdoJobStore_with_string_job_data_and_the_plugins_serializer()
    {
        var properties = FlowSchedulerProperties.Build(Clustered(SchedulerDatabase.PostgreSql));

        Assert.Multiple(() =>
        {
            Assert.That(properties["quartz.jobStore.type"], Is.EqualTo("Quartz.Impl.AdoJobStore.JobStoreTX, Quartz"));
            Assert.That(properties["quartz.jobStore.clustered"], Is.EqualTo("true"));
            Assert.That(properties["quartz.scheduler.instanceId"], Is.EqualTo("AUTO"));
            Assert.That(properties["quartz.jobStore.useProperties"], Is.EqualTo("true"));
            Assert.That(properties["quartz.jobStore.tablePrefix"], Is.EqualTo("CF_QRTZ_"));
            Assert.That(properties["quartz.jobStore.clusterCheckinInterval"], Is.EqualTo("2000"), "Quartz reads these as milliseconds");
            Assert.That(properties["quartz.jobStore.clusterCheckinMisfireThreshold"], Is.EqualTo("3000"));
            Assert.That(properties["quartz.dataSource.customFlows.provider"], Is.EqualTo("Npgsql"));
            Assert.That(properties["quartz.jobStore.driverDelegateType"], Does.StartWith("Quartz.Impl.AdoJobStore.PostgreSQLDelegate"));
            Assert.That(new FlowTypeLoadHelper().LoadType(properties["quartz.serializer.type"]), Is.EqualTo(typeof(QuartzJsonSerializer)));
        });
    }

    [TestCase(SchedulerDatabase.SqlServer, "SqlServer", "SqlServerDelegate")]
    [TestCase(SchedulerDatabase.MySql, "MySqlConnector", "MySQLDelegate")]
    public void Each_shop_database_gets_the_ADO_provider_nopCommerce_itself_ships_and_its_Quartz_dialect(SchedulerDatabase database, string provider, string driverDelegate)
    {
        var properties = FlowSchedulerProperties.Build(Clustered(database));

        Assert.That(properties["quartz.dataSource.customFlows.provider"], Is.EqualTo(provider));
        Assert.That(properties["quartz.jobStore.driverDelegateType"], Is.EqualTo($"Quartz.Impl.AdoJobStore.{driverDelegate}, Quartz"));
    }

    [Test]
    public void A_table_prefix_that_is_not_a_plain_identifier_is_refused_before_Quartz_builds_SQL_with_it()
    {
        var settings = Clustered(SchedulerDatabase.SqlServer);
        settings.TablePrefix = "QRTZ_; DROP TABLE Customer --";

        Assert.Throws<ArgumentException>(() => FlowSchedulerProperties.Build(settings));
    }

    [Test]
    public void A_job_type_stored_by_an_older_plugin_version_still_loads()
    {
        var loader = new FlowTypeLoadHelper();

        var type = loader.LoadType("Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs.DrainFlowInboxJob, Nop.Plugin.Misc.CustomFlows, Version=4.90.0.0, Culture=neutral, PublicKeyToken=null");

        Assert.That(type, Is.EqualTo(typeof(DrainFlowInboxJob)));
        Assert.That(loader.LoadType("Quartz.Simpl.RAMJobStore, Quartz"), Is.Not.Null, "other types load as Quartz loads them");
    }
}
