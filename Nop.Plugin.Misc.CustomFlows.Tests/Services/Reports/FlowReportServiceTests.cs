using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Reports;

[TestFixture]
public class FlowReportServiceTests
{
    private static async Task<(ReportDataset Data, FlowReport Report)> ReportAsync()
    {
        var data = await ReportDataset.CreateAsync();
        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1.AddHours(15), ReportDataset.March3.AddHours(1));
        return (data, report);
    }

    [Test]
    public async Task Totals_count_entries_at_the_start_step_and_add_up_conversions_revenue_and_messages_of_the_range()
    {
        var (_, report) = await ReportAsync();

        //entered: start 10 (1 March) + 4 (3 March); the 100 of 28 February and the other flow's 50 are out
        Assert.That(report.Totals.Entered, Is.EqualTo(14));
        Assert.That(report.Totals.GoalReached, Is.EqualTo(2));
        //the two orders credited in the range; the one of 28 February, the other flow's and the old stat revenue are out
        Assert.That(report.Totals.Converted, Is.EqualTo(2));
        Assert.That(report.Totals.Revenue, Is.EqualTo(150.50m));
        Assert.That(report.Totals.Sent, Is.EqualTo(5));
        Assert.That(report.Totals.SentByChannel, Is.EqualTo(new[] { new FlowChannelSent(FlowChannel.Email, 5) }));
        Assert.That(report.Totals.Opened, Is.EqualTo(4), "3 on 1 March + 1 on 3 March");
        Assert.That(report.Totals.Clicked, Is.EqualTo(2));
        Assert.That((report.FromUtc, report.ToUtc), Is.EqualTo((ReportDataset.March1, ReportDataset.March3)), "whole UTC days");
    }

    [Test]
    public async Task Steps_come_in_definition_order_with_their_type_label_channel_and_own_counts()
    {
        var (_, report) = await ReportAsync();

        Assert.That(report.Steps.Select(step => step.NodeId), Is.EqualTo(new[] { "start", "big", "split", "mail", "wait", "end" }));
        Assert.That(report.Steps.Select(step => step.Label),
            Is.EqualTo(new[] { "Cart left", "Big cart?", "A/B split (split)", "Reminder, \"soft\"", "Wait (wait)", "End (end)" }));

        var filter = report.Steps.Single(step => step.NodeId == "big");
        Assert.That((filter.NodeType, filter.Entered, filter.PassedYes, filter.PassedNo), Is.EqualTo(("filter", 10, 6, 4)));

        var mail = report.Steps.Single(step => step.NodeId == "mail");
        Assert.That((mail.Channel, mail.Entered, mail.Sent, mail.Opened, mail.Clicked), Is.EqualTo((FlowChannel.Email, 6, 5, 4, 2)));
        Assert.That((mail.GoalReached, mail.Converted, mail.Revenue), Is.EqualTo((0, 2, 150.50m)), "the orders credited to the e-mail");

        var wait = report.Steps.Single(step => step.NodeId == "wait");
        Assert.That((wait.Entered, wait.GoalReached, wait.Converted, wait.Revenue), Is.EqualTo((5, 2, 0, 0m)), "runs met the goal here; no order is credited to a wait");
        Assert.That(report.Steps.Single(step => step.NodeId == "start").Entered, Is.EqualTo(14));
    }

    [Test]
    public async Task Every_day_of_the_range_is_in_the_series_with_zeros_for_a_day_without_statistics()
    {
        var (_, report) = await ReportAsync();

        Assert.That(report.Days, Is.EqualTo(new[]
        {
            new FlowReportDay(ReportDataset.March1, 10, 5, 0, 1, 100m),
            new FlowReportDay(ReportDataset.March2, 0, 0, 0, 0, 0m),
            new FlowReportDay(ReportDataset.March3, 4, 0, 2, 1, 50.50m)
        }));
    }

    [Test]
    public async Task Waiting_now_counts_this_flows_open_runs_at_their_current_step()
    {
        var (_, report) = await ReportAsync();

        //three waiting at the wait, one running at the e-mail; ended runs and the other flow's waiting run do not count
        Assert.That(report.Steps.Select(step => (step.NodeId, step.WaitingNow)), Is.EqualTo(new[]
        {
            ("start", 0), ("big", 0), ("split", 0), ("mail", 1), ("wait", 3), ("end", 0)
        }));
        Assert.That(report.Totals.WaitingNow, Is.EqualTo(4));
    }

    [Test]
    public async Task Split_branches_count_runs_that_entered_in_the_range_and_compare_with_the_holdout()
    {
        var (_, report) = await ReportAsync();

        var split = report.Splits.Single();
        Assert.That(split.NodeId, Is.EqualTo("split"));
        var a = split.Branches[0];
        var control = split.Branches[1];

        //A: 3 waiting + 2 converted (the run of 20 February is outside the range); control: 1 running, 1 converted, 1 not
        Assert.That((a.Name, a.Holdout, a.Runs, a.Converted, a.ConversionRate), Is.EqualTo(("A", false, 5, 2, (double?)0.4)));
        Assert.That((control.Name, control.Holdout, control.Runs, control.Converted, control.ConversionRate),
            Is.EqualTo(("control", true, 3, 1, (double?)0.3333)));

        // diff = 2/5 - 1/3 = .0666667; se = sqrt(.4 * .6 / 5 + (1/3)(2/3) / 3) = sqrt(.048 + .0740741) = .3493910
        // interval = .0666667 -/+ 1.96 * .3493910 = [-.6181397, .7514730], in points with 4 decimals:
        Assert.That(a.UpliftStatus, Is.EqualTo(FlowUpliftStatus.Computed));
        Assert.That(a.Uplift, Is.EqualTo(new FlowUpliftPoints(6.6667, -61.8140, 75.1473)));
        Assert.That((control.UpliftStatus, control.Uplift), Is.EqualTo((FlowUpliftStatus.IsHoldout, (FlowUpliftPoints)null)));
    }

    [Test]
    public async Task A_split_without_a_holdout_reports_no_uplift_instead_of_inventing_one()
    {
        var data = await ReportDataset.CreateAsync();
        data.Version.DefinitionJson = ReportDataset.Definition.Replace("\"holdout\": true, ", string.Empty);
        await data.Versions.UpdateAsync(data.Version);

        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3);

        Assert.That(report.Splits.Single().Branches.Select(b => (b.Name, b.Runs, b.UpliftStatus, b.Uplift)), Is.EqualTo(new[]
        {
            ("A", 5, FlowUpliftStatus.NoHoldout, (FlowUpliftPoints)null),
            ("control", 3, FlowUpliftStatus.NoHoldout, null)
        }));
    }

    [Test]
    public async Task A_holdout_without_runs_in_the_range_leaves_the_uplift_empty()
    {
        var data = await ReportDataset.CreateAsync();

        //the control runs all entered on 1 March
        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March3, ReportDataset.March3);

        var branches = report.Splits.Single().Branches;
        Assert.That(branches.Select(b => (b.Name, b.Runs, b.ConversionRate, b.UpliftStatus)), Is.EqualTo(new[]
        {
            ("A", 1, (double?)1.0, FlowUpliftStatus.NoHoldoutRuns),
            ("control", 0, null, FlowUpliftStatus.IsHoldout)
        }));
        Assert.That(branches[0].Uplift, Is.Null);
    }

    [Test]
    public async Task A_version_filter_keeps_to_that_version_while_no_filter_merges_the_versions_steps_by_id()
    {
        var data = await ReportDataset.CreateAsync();
        var v2Definition = ReportDataset.Definition
            .Replace("\"version\": 1", "\"version\": 2")
            .Replace("\"title\": \"Cart left\"", "\"title\": \"Cart left (v2)\"")
            .Replace("\"next\": \"wait\" },", "\"next\": \"tag\" },\n{ \"type\": \"action\", \"id\": \"tag\", \"action\": { \"type\": \"addTag\", \"tag\": \"reminded\" }, \"next\": \"wait\" },");
        var v2 = new FlowVersion { FlowId = data.Flow.Id, VersionNumber = 2, DefinitionJson = v2Definition };
        await data.Versions.InsertAsync(v2);
        await data.StatAsync(ReportDataset.March2, "start", entered: 7, versionId: v2.Id);
        await data.StatAsync(ReportDataset.March2, "tag", entered: 7, channel: FlowChannel.Tag, versionId: v2.Id);

        var onlyV1 = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3, data.Version.Id);
        var all = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3);

        Assert.That(onlyV1.Totals.Entered, Is.EqualTo(14));
        Assert.That(onlyV1.Steps.Select(step => step.NodeId), Has.No.Member("tag"));
        Assert.That(all.Totals.Entered, Is.EqualTo(21));
        Assert.That(all.Steps.Select(step => step.NodeId), Is.EqualTo(new[] { "start", "big", "split", "mail", "tag", "wait", "end" }));
        Assert.That(all.Steps[0].Label, Is.EqualTo("Cart left (v2)"), "the newest version names a shared step");
        Assert.That(all.Steps.Single(step => step.NodeId == "tag").Label, Is.EqualTo("Tag (tag)"));
        Assert.That(all.Days[1].Entered, Is.EqualTo(7));
    }

    [Test]
    public async Task A_step_only_the_statistics_know_is_listed_after_the_defined_ones_under_its_id()
    {
        var data = await ReportDataset.CreateAsync();
        await data.StatAsync(ReportDataset.March2, "removed-step", entered: 2);

        var report = await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3);

        var last = report.Steps[^1];
        Assert.That((last.NodeId, last.NodeType, last.Label, last.Entered), Is.EqualTo(("removed-step", "unknown", "removed-step", 2)));
    }

    [Test]
    public async Task An_unknown_flow_or_a_version_of_another_flow_gives_no_report()
    {
        var data = await ReportDataset.CreateAsync();
        var otherVersion = new FlowVersion { FlowId = data.OtherFlow.Id, VersionNumber = 1, DefinitionJson = ReportDataset.Definition };
        await data.Versions.InsertAsync(otherVersion);

        Assert.That(await data.Service.GetFlowReportAsync(12345, ReportDataset.March1, ReportDataset.March3), Is.Null);
        Assert.That(await data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March1, ReportDataset.March3, otherVersion.Id), Is.Null);
    }

    [Test]
    public async Task A_range_that_ends_before_it_starts_is_refused()
    {
        var data = await ReportDataset.CreateAsync();

        Assert.ThrowsAsync<ArgumentException>(() => data.Service.GetFlowReportAsync(data.Flow.Id, ReportDataset.March3, ReportDataset.March1));
    }
}
