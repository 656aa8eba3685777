using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using static Nop.Plugin.Misc.CustomFlows.Tests.Services.Runs.RunInspectorHarness;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Runs;

[TestFixture]
public class FlowRunInspectorTests
{
    [Test]
    public async Task A_waiting_runs_timeline_dates_its_entry_its_e_mail_with_open_and_click_and_its_wait()
    {
        var harness = await CreateAsync();

        var timeline = await harness.Inspector.GetRunTimelineAsync(harness.WaitingRun.Id);

        Assert.That(timeline.Entries, Is.EqualTo(new[]
        {
            new FlowRunTimelineEntry(Entered, FlowRunTimelineKind.Entered, "start", "Start (start)", "cart_updated; value 180; products 101"),
            new FlowRunTimelineEntry(Entered.AddSeconds(2), FlowRunTimelineKind.Action, "mail", "Reminder", "email succeeded; Queued to [e-mail]; queued e-mail #42"),
            new FlowRunTimelineEntry(Entered.AddSeconds(2), FlowRunTimelineKind.Waiting, "wait", "Wait (wait)", "waiting until 2026-03-02T10:00:00Z (waitStep)"),
            new FlowRunTimelineEntry(Entered.AddHours(2), FlowRunTimelineKind.Opened, "mail", "Reminder", "opened"),
            new FlowRunTimelineEntry(Entered.AddHours(2).AddMinutes(5), FlowRunTimelineKind.Clicked, "mail", "Reminder", "clicked")
        }));
        Assert.That((timeline.FlowName, timeline.VersionNumber, timeline.Status), Is.EqualTo(("Cart reminder", 1, FlowRunStatus.Waiting)));
    }

    [Test]
    public async Task Ending_a_waiting_run_by_hand_exits_it_now_stops_the_wait_and_frees_the_customer_to_enter_again()
    {
        var harness = await CreateAsync();

        var outcome = await harness.Inspector.EndRunAsync(harness.WaitingRun.Id, " asked by phone ");

        Assert.That(outcome, Is.EqualTo(EndRunOutcome.Ended));
        var row = await harness.Runs.GetByIdAsync(harness.WaitingRun.Id);
        Assert.That((row.Status, row.EndedOnUtc, row.DueOnUtc, row.ExitReason),
            Is.EqualTo((FlowRunStatus.Exited, (DateTime?)harness.Clock.UtcNow, (DateTime?)null, "endedByAdmin: asked by phone")));
        Assert.That(row.ActiveKey, Is.EqualTo($"ended|{row.Id}"), "the unique active key no longer holds the customer's place");
        var state = JsonSerializer.Deserialize<FlowRunState>(row.StateJson, FlowJson.Options);
        Assert.That((state.Status, state.EndReason, state.DueOnUtc, state.WaitReason),
            Is.EqualTo((RunStatus.Exited, "endedByAdmin: asked by phone", (DateTime?)null, WaitReason.None)), "the engine reads it as ended");

        //a second open run of the same flow and customer would be refused by the unique index while the first was open
        Assert.DoesNotThrowAsync(() => harness.RunAsync(harness.Flow, harness.Version, CustomerId, harness.Clock.UtcNow,
            new FlowRunState { Status = RunStatus.Active, NodeId = "start" }));
    }

    [Test]
    public async Task The_timeline_of_a_run_with_a_wait_an_e_mail_and_an_end_shows_the_end_instead_of_the_wait_and_lists_the_steps_visited()
    {
        var harness = await CreateAsync();
        await harness.Inspector.EndRunAsync(harness.WaitingRun.Id, "asked by phone");

        var timeline = await harness.Inspector.GetRunTimelineAsync(harness.WaitingRun.Id);

        Assert.That(timeline.Entries.Select(entry => entry.Kind), Is.EqualTo(new[]
        {
            FlowRunTimelineKind.Entered, FlowRunTimelineKind.Action, FlowRunTimelineKind.Opened, FlowRunTimelineKind.Clicked, FlowRunTimelineKind.Ended
        }));
        Assert.That(timeline.Entries[^1], Is.EqualTo(new FlowRunTimelineEntry(harness.Clock.UtcNow, FlowRunTimelineKind.Ended, "wait", "Wait (wait)",
            "exited: endedByAdmin: asked by phone")));
        Assert.That(timeline.StepsVisited, Is.EqualTo(new[]
        {
            new FlowRunStepVisit("start", "Start (start)", 1, null),
            new FlowRunStepVisit("mail", "Reminder", 1, null),
            new FlowRunStepVisit("wait", "Wait (wait)", 1, null)
        }));
        Assert.That(timeline.Status, Is.EqualTo(FlowRunStatus.Exited));
    }

    [Test]
    public async Task Ending_a_run_that_has_ended_is_refused_and_changes_nothing()
    {
        var harness = await CreateAsync();
        await harness.Inspector.EndRunAsync(harness.WaitingRun.Id, "first");
        var endedAt = harness.Clock.UtcNow;
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await harness.Inspector.EndRunAsync(harness.WaitingRun.Id, "second");

        Assert.That(outcome, Is.EqualTo(EndRunOutcome.AlreadyEnded));
        var row = await harness.Runs.GetByIdAsync(harness.WaitingRun.Id);
        Assert.That((row.EndedOnUtc, row.ExitReason), Is.EqualTo(((DateTime?)endedAt, "endedByAdmin: first")));
        Assert.That(await harness.Inspector.EndRunAsync(9999, "none"), Is.EqualTo(EndRunOutcome.NotFound));
    }

    [Test]
    public async Task A_customers_runs_in_every_flow_are_listed_newest_first_with_their_flow_step_and_outcome()
    {
        var harness = await CreateAsync();
        var (welcome, welcomeV3) = await harness.FlowAsync("Welcome", 3, Definition);
        var converted = await harness.RunAsync(welcome, welcomeV3, CustomerId, Entered.AddDays(2), new FlowRunState
        {
            Status = RunStatus.Converted, NodeId = "wait", EndReason = "purchased", EndedOnUtc = Entered.AddDays(2).AddHours(3)
        }, converted: true, revenue: 999m);
        //a run's revenue is the orders credited to it (two), not the column versions before 4.90.5 wrote
        await harness.Attributions.InsertAsync(new FlowAttribution { OrderId = 1, FlowId = welcome.Id, FlowRunId = converted.Id, NodeId = "mail", OrderTotal = 30m });
        await harness.Attributions.InsertAsync(new FlowAttribution { OrderId = 2, FlowId = welcome.Id, FlowRunId = converted.Id, NodeId = "mail", OrderTotal = 50m });
        //another customer's run is not listed
        await harness.RunAsync(welcome, welcomeV3, CustomerId + 1, Entered.AddDays(3), new FlowRunState { Status = RunStatus.Waiting, NodeId = "wait" });

        var found = await harness.Inspector.FindCustomerRunsAsync(" " + Email + " ");

        Assert.That((found.CustomerId, found.Email), Is.EqualTo(((int?)CustomerId, Email)));
        Assert.That(found.Runs, Is.EqualTo(new[]
        {
            new CustomerFlowRun(converted.Id, welcome.Id, "Welcome", 3, FlowRunStatus.Completed, Entered.AddDays(2), Entered.AddDays(2).AddHours(3),
                "wait", "Wait (wait)", null, true, 80m, "purchased"),
            new CustomerFlowRun(harness.WaitingRun.Id, harness.Flow.Id, "Cart reminder", 1, FlowRunStatus.Waiting, Entered, null,
                "wait", "Wait (wait)", Entered.AddDays(1), false, 0m, null)
        }));
    }

    [Test]
    public async Task An_address_nobody_has_finds_no_customer_and_no_runs()
    {
        var harness = await CreateAsync();

        var found = await harness.Inspector.FindCustomerRunsAsync("nobody@example.com");

        Assert.That((found.CustomerId, found.Runs.Count), Is.EqualTo(((int?)null, 0)));
    }

    [Test]
    public async Task A_converted_runs_end_names_the_goal_an_order_credited_to_its_message_is_dated_and_a_split_visit_names_the_branch()
    {
        var harness = await CreateAsync();
        var withSplit = Definition.Replace("\"next\": \"mail\" },",
            "\"next\": \"split\" },\n{ \"type\": \"split\", \"id\": \"split\", \"branches\": [ { \"name\": \"A\", \"next\": \"mail\" }, { \"name\": \"control\", \"holdout\": true, \"next\": \"mail\" } ] },");
        var (flow, version) = await harness.FlowAsync("Split", 1, withSplit);
        var run = await harness.RunAsync(flow, version, CustomerId, Entered, new FlowRunState
        {
            Status = RunStatus.Converted, NodeId = "wait", EndReason = "purchased", EndedOnUtc = Entered.AddHours(6),
            Variant = "control", Holdout = true,
            Visits = new Dictionary<string, int> { ["start"] = 1, ["split"] = 1, ["mail"] = 1, ["wait"] = 1 }
        }, converted: true);
        await harness.Attributions.InsertAsync(new FlowAttribution
        {
            OrderId = 55, FlowId = flow.Id, FlowVersionId = version.Id, FlowRunId = run.Id, NodeId = "mail", CustomerId = CustomerId,
            OrderTotal = 120.5m, PlacedOnUtc = Entered.AddHours(5), MessageSentOnUtc = Entered.AddHours(1)
        });

        var timeline = await harness.Inspector.GetRunTimelineAsync(run.Id);

        Assert.That(timeline.Entries[^1].Details, Is.EqualTo("converted (purchased)"));
        var order = timeline.Entries.Single(entry => entry.Kind == FlowRunTimelineKind.OrderCredited);
        Assert.That((order.AtUtc, order.NodeId), Is.EqualTo((Entered.AddHours(5), "mail")));
        Assert.That(order.Details, Is.EqualTo($"order #55, 120.50, credited to the message of {Entered.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}"));
        Assert.That(timeline.StepsVisited.Single(step => step.NodeId == "split").Details, Is.EqualTo("branch control (holdout)"));
        Assert.That(await harness.Inspector.GetRunTimelineAsync(9999), Is.Null);
    }

    [TestCase("Queued to jane@example.com and to a.b+c@shop.co.uk.", "Queued to [e-mail] and to [e-mail].")]
    [TestCase("<jane@example.com>", "<[e-mail]>")]
    [TestCase("HTTP 500 from https://hooks.example.com/x", "HTTP 500 from https://hooks.example.com/x")]
    public void Addresses_in_details_are_masked_and_other_text_is_kept(string text, string expected)
    {
        Assert.That(FlowRunTimelineBuilder.MaskEmails(text), Is.EqualTo(expected));
    }
}
