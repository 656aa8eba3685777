using Nop.Services.Configuration;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Reports;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Services.Reports;
using Nop.Services.Catalog;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// The report page over the real report service and a known dataset: the page, the chart's JSON and the CSV say the
/// same numbers, amounts go through nopCommerce's price formatter, and an unknown flow leads back to the list
/// </summary>
[TestFixture]
public class FlowReportPageTests
{
    private ReportDataset _data;

    [SetUp]
    public async Task SetUp() => _data = await ReportDataset.CreateAsync();

    private CustomFlowReportController Controller()
    {
        var lifecycle = new Mock<IFlowLifecycleService>();
        lifecycle.Setup(l => l.GetVersionsAsync(It.IsAny<int>())).ReturnsAsync(new List<FlowVersion> { _data.Version });
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync<string, ILocalizationService, string>(key => key.EndsWith("LastDays") ? "last {0} days" : key);
        var prices = new Mock<IPriceFormatter>();
        prices.Setup(p => p.FormatPriceAsync(It.IsAny<decimal>(), true, false)).ReturnsAsync<decimal, bool, bool, IPriceFormatter, string>((price, _, _) => $"{price:0.00} zł");
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { AttributionWindowDays = 10 });
        return new CustomFlowReportController(lifecycle.Object, _data.Service, localization.Object, prices.Object, settings.Object,
            new TestClock(ReportDataset.March3.AddHours(12)));
    }

    [Test]
    public async Task The_page_shows_the_numbers_of_the_period_with_amounts_in_the_shops_currency()
    {
        var view = (ViewResult)await Controller().Index(_data.Flow.Id, days: 7);
        var model = (FlowReportModel)view.Model!;

        var expected = await _data.Service.GetFlowReportAsync(_data.Flow.Id, ReportDataset.March3.AddDays(-6), ReportDataset.March3);
        Assert.That(model.Report.Totals, Is.EqualTo(expected.Totals).Using<FlowReportTotals>((a, b) => FlowReportJson.Serialize(a) == FlowReportJson.Serialize(b)),
            "the last 7 days, ending today");
        Assert.That(model.Report.Totals.Entered, Is.GreaterThan(0));
        Assert.That(model.RevenueText, Is.EqualTo($"{model.Report.Totals.Revenue:0.00} zł"));
        Assert.That(model.Report.Days, Has.Count.EqualTo(7), "every day of the period, empty ones too");
        Assert.That(model.AvailableDays.Single(item => item.Selected).Value, Is.EqualTo("7"));
        Assert.That(JsonNode.Parse(model.ReportJson)!["totals"]!["converted"]!.GetValue<int>(), Is.EqualTo(model.Report.Totals.Converted),
            "the chart reads the same report the page shows");
        Assert.That(view.ViewName, Does.EndWith("/Areas/Admin/Views/CustomFlowReport/Index.cshtml"));
    }

    [Test]
    public async Task The_chart_data_and_the_csv_carry_the_pages_report()
    {
        var data = (ContentResult)await Controller().Data(_data.Flow.Id, days: 30);
        var csv = (FileContentResult)await Controller().Csv(_data.Flow.Id, days: 30);

        var report = await _data.Service.GetFlowReportAsync(_data.Flow.Id, ReportDataset.March3.AddDays(-29), ReportDataset.March3);
        Assert.That(data.Content, Is.EqualTo(FlowReportJson.Serialize(report)));
        Assert.That(csv.FileContents.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "spreadsheets read the accents right");
        var lines = Encoding.UTF8.GetString(csv.FileContents[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(report.Steps.Count + 1), "a header and a row per step");
        Assert.That(csv.FileDownloadName, Is.EqualTo($"flow-{_data.Flow.Id}-report-30d.csv"));
    }

    [Test]
    public async Task An_unknown_flow_or_range_leads_back_to_the_list_or_to_thirty_days()
    {
        Assert.That(await Controller().Index(9999), Is.InstanceOf<RedirectToActionResult>());
        var model = (FlowReportModel)((ViewResult)await Controller().Index(_data.Flow.Id, days: 12345)).Model!;
        Assert.That(model.Days, Is.EqualTo(30));
    }
}
