using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Reports;

[TestFixture]
public class FlowReportCsvTests
{
    private static FlowReport ReportWith(params FlowStepReport[] steps) =>
        new(1, "Flow", null, ReportDataset.March1, ReportDataset.March1,
            new FlowReportTotals(0, 0, 0, 0, 0, 0, [], 0, 0), steps, [], []);

    private static FlowStepReport Step(string id, string label, decimal revenue = 0) =>
        new(id, "action", label, label, FlowChannel.Email, 1234, 2, 0, 0, 1000, 10, 3, 1, 2, revenue);

    private static async Task<string> CsvAsync(FlowReport report)
    {
        var writer = new StringWriter();
        await new FlowReportService(null, null, null, null, null).WriteCsvAsync(report, writer);
        return writer.ToString();
    }

    [Test]
    public async Task A_report_is_a_header_row_and_one_crlf_terminated_row_per_step()
    {
        var csv = await CsvAsync(ReportWith(Step("mail", "Reminder"), Step("end", "End")));

        Assert.That(csv, Is.EqualTo(
            "NodeId,Type,Step,Channel,Entered,WaitingNow,PassedYes,PassedNo,Sent,Opened,Clicked,GoalReached,Converted,Revenue\r\n" +
            "mail,action,Reminder,Email,1234,2,0,0,1000,10,3,1,2,0\r\n" +
            "end,action,End,Email,1234,2,0,0,1000,10,3,1,2,0\r\n"));
    }

    [Test]
    public async Task A_title_with_a_comma_and_quotes_is_quoted_with_its_quotes_doubled()
    {
        var csv = await CsvAsync(ReportWith(Step("mail", "Reminder, \"soft\"")));

        Assert.That(csv.Split("\r\n")[1], Does.StartWith("mail,action,\"Reminder, \"\"soft\"\"\",Email,"));
    }

    [Test]
    public async Task A_title_with_a_line_break_stays_in_one_quoted_field()
    {
        var csv = await CsvAsync(ReportWith(Step("mail", "two\nlines")));

        Assert.That(csv, Does.Contain("mail,action,\"two\nlines\",Email,"));
    }

    [Test]
    public async Task Numbers_are_written_in_the_invariant_culture_whatever_the_admins_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var csv = await CsvAsync(ReportWith(Step("mail", "Reminder", revenue: 1234.5m)));

            Assert.That(csv.Split("\r\n")[1], Is.EqualTo("mail,action,Reminder,Email,1234,2,0,0,1000,10,3,1,2,1234.5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public async Task The_known_dataset_exports_its_steps_with_the_e_mail_title_quoted()
    {
        var data = await ReportDataset.CreateAsync();
        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3);

        var rows = (await CsvAsync(report)).Split("\r\n");

        Assert.That(rows, Has.Length.EqualTo(1 + 6 + 1), "header, six steps, and the empty string after the last CRLF");
        Assert.That(rows[4], Is.EqualTo("mail,action,\"Reminder, \"\"soft\"\"\",Email,6,1,0,0,5,4,2,0,2,150.50"));
        Assert.That(rows[5], Is.EqualTo("wait,wait,Wait (wait),,5,3,0,0,0,0,0,2,0,0"));
    }
}
