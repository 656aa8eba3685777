using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Reports;

/// <summary>
/// The admin's report JSON for the known dataset is kept as a file, so the admin's chart tests (JavaScript) read
/// exactly what the service returns. A change of the report's shape fails here until the fixture is rewritten,
/// which is done on purpose by running this test with CUSTOMFLOWS_WRITE_FIXTURES=1 and reviewing the diff.
/// </summary>
[TestFixture]
public class ReportFixtureTests
{
    private static string FixturePath => Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", "report-flow.json");

    [Test]
    public async Task The_report_of_the_known_dataset_serializes_exactly_as_the_admin_api_fixture()
    {
        var data = await ReportDataset.CreateAsync();
        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3);

        var json = FlowReportJson.Serialize(report) + "\n";

        if (Environment.GetEnvironmentVariable("CUSTOMFLOWS_WRITE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FixturePath)!);
            await File.WriteAllTextAsync(FixturePath, json);
        }

        Assert.That(json, Is.EqualTo(await File.ReadAllTextAsync(FixturePath)));
    }

    [Test]
    public async Task The_fixture_names_enums_in_camel_case_and_days_in_utc()
    {
        var data = await ReportDataset.CreateAsync();
        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3);

        var json = FlowReportJson.Serialize(report);

        Assert.That(json, Does.Contain("\"channel\": \"email\""));
        Assert.That(json, Does.Contain("\"upliftStatus\": \"isHoldout\""));
        Assert.That(json, Does.Contain("\"dayUtc\": \"2026-03-02T00:00:00Z\""));
    }
}
