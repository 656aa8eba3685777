using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Services.Catalog;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// The run inspector pages, driven through the real model factory with the inspector service and nopCommerce's
/// services mocked; the admin sits two hours east of UTC so a time left in UTC shows
/// </summary>
[TestFixture]
public class CustomFlowRunControllerTests
{
    private static readonly TimeSpan AdminOffset = TimeSpan.FromHours(2);
    private static readonly DateTime Monday10Utc = new(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

    private Mock<IFlowRunInspector> _inspector;
    private Mock<INotificationService> _notifications;
    private Mock<Nop.Services.Logging.ICustomerActivityService> _activity;
    private bool _mayManageFlows;

    [SetUp]
    public void SetUp()
    {
        _inspector = new Mock<IFlowRunInspector>(MockBehavior.Strict);
        _notifications = new Mock<INotificationService>();
        _activity = new Mock<Nop.Services.Logging.ICustomerActivityService>();
        _mayManageFlows = true;
    }

    private CustomFlowRunController CreateController()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync<string, ILocalizationService, string>(key => $"[{key}]");
        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(d => d.ConvertToUserTimeAsync(It.IsAny<DateTime>(), DateTimeKind.Utc))
            .ReturnsAsync<DateTime, DateTimeKind, IDateTimeHelper, DateTime>((utc, _) => DateTime.SpecifyKind(utc + AdminOffset, DateTimeKind.Unspecified));
        var permissions = new Mock<IPermissionService>();
        permissions.Setup(p => p.AuthorizeAsync(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)).ReturnsAsync(() => _mayManageFlows);
        var prices = new Mock<IPriceFormatter>();
        prices.Setup(p => p.FormatPriceAsync(It.IsAny<decimal>(), true, false))
            .ReturnsAsync<decimal, bool, bool, IPriceFormatter, string>((price, _, _) => $"{price:0.00} EUR");

        var factory = new FlowRunModelFactory(dates.Object, _inspector.Object, localization.Object, permissions.Object, prices.Object);
        return new CustomFlowRunController(_activity.Object, _inspector.Object, factory, localization.Object, _notifications.Object);
    }

    private static CustomerFlowRun Run(int id, FlowRunStatus status, DateTime? waitingUntilUtc = null, string flowName = "Abandoned cart") =>
        new(id, 7, flowName, 3, status, Monday10Utc, status is FlowRunStatus.Completed ? Monday10Utc.AddDays(1) : null,
            "wait-1", "Wait 1 day", waitingUntilUtc, status is FlowRunStatus.Completed, status is FlowRunStatus.Completed ? 49.90m : 0m,
            status is FlowRunStatus.Completed ? "order placed" : null);

    private static T ModelOf<T>(IActionResult result) => (T)((ViewResult)result).Model;

    [Test]
    public async Task The_search_page_opens_empty_without_asking_the_service()
    {
        var result = await CreateController().Index(null);

        Assert.That(((ViewResult)result).ViewName, Is.EqualTo("~/Plugins/Misc.CustomFlows/Areas/Admin/Views/CustomFlowRun/Index.cshtml"));
        var model = ModelOf<CustomerRunsModel>(result);
        Assert.That((model.Searched, model.Runs.Count), Is.EqualTo((false, 0)));
        _inspector.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Searching_an_email_lists_the_customers_runs_with_times_in_the_admins_time_zone()
    {
        _inspector.Setup(i => i.FindCustomerRunsAsync("anna@example.com")).ReturnsAsync(new CustomerFlowRuns(42, "anna@example.com",
            [Run(2, FlowRunStatus.Waiting, waitingUntilUtc: Monday10Utc.AddDays(1)), Run(1, FlowRunStatus.Completed)]));

        var model = ModelOf<CustomerRunsModel>(await CreateController().Index(" anna@example.com "));

        Assert.That((model.Searched, model.CustomerId, model.Email), Is.EqualTo((true, (int?)42, "anna@example.com")));
        Assert.That(model.Runs.Select(run => run.RunId), Is.EqualTo(new[] { 2, 1 }), "newest first, as the service lists them");
        var waiting = model.Runs[0];
        Assert.That(waiting.StartedOn, Is.EqualTo(new DateTime(2026, 11, 30, 12, 0, 0)), "10:00 UTC is noon for the admin");
        Assert.That(waiting.WaitingUntil, Is.EqualTo(new DateTime(2026, 12, 1, 12, 0, 0)));
        Assert.That((waiting.Status, waiting.IsOpen, waiting.FlowId, waiting.FlowName, waiting.VersionNumber, waiting.CurrentStep),
            Is.EqualTo(("[Plugins.Misc.CustomFlows.Runs.Status.Waiting]", true, 7, "Abandoned cart", 3, "Wait 1 day")));
        var completed = model.Runs[1];
        Assert.That((completed.IsOpen, completed.Converted, completed.Revenue, completed.ExitReason, completed.EndedOn),
            Is.EqualTo((false, true, "49.90 EUR", "order placed", (DateTime?)new DateTime(2026, 12, 1, 12, 0, 0))));
    }

    [Test]
    public async Task An_address_nobody_has_is_reported_as_no_customer()
    {
        _inspector.Setup(i => i.FindCustomerRunsAsync("nobody@example.com")).ReturnsAsync(new CustomerFlowRuns(null, "nobody@example.com", []));

        var model = ModelOf<CustomerRunsModel>(await CreateController().Index("nobody@example.com"));

        Assert.That((model.Searched, model.CustomerId, model.Runs.Count), Is.EqualTo((true, (int?)null, 0)));
    }

    [Test]
    public async Task A_full_list_says_that_older_runs_are_left_out()
    {
        var runs = Enumerable.Range(1, FlowRunInspector.MaxRunsListed).Select(id => Run(id, FlowRunStatus.Completed)).ToList();
        _inspector.Setup(i => i.FindCustomerRunsAsync("busy@example.com")).ReturnsAsync(new CustomerFlowRuns(5, "busy@example.com", runs));

        var model = ModelOf<CustomerRunsModel>(await CreateController().Index("busy@example.com"));

        Assert.That(model.MoreRunsExist, Is.True);
    }

    private static FlowRunTimeline Timeline(FlowRunStatus status) => new(9, 7, "Abandoned cart", 3, status,
    [
        new FlowRunTimelineEntry(Monday10Utc, FlowRunTimelineKind.Entered, "start", "Cart abandoned", "cart of 2 items"),
        new FlowRunTimelineEntry(Monday10Utc.AddHours(1), FlowRunTimelineKind.Action, "email-1", "Reminder", "sent to a***@example.com"),
        new FlowRunTimelineEntry(Monday10Utc.AddHours(1), FlowRunTimelineKind.Opened, "email-1", "Reminder", "opened"),
        new FlowRunTimelineEntry(Monday10Utc.AddHours(3), FlowRunTimelineKind.Waiting, "wait-1", "Wait 1 day", "waiting until 2026-12-01T13:00:00Z")
    ],
    [
        new FlowRunStepVisit("start", "Cart abandoned", 1, null),
        new FlowRunStepVisit("split-1", "A/B test", 1, "branch B")
    ]);

    [Test]
    public async Task The_run_page_shows_the_timeline_in_order_in_the_admins_time_zone_and_language()
    {
        _inspector.Setup(i => i.GetRunTimelineAsync(9)).ReturnsAsync(Timeline(FlowRunStatus.Waiting));

        var result = await CreateController().Run(9);

        Assert.That(((ViewResult)result).ViewName, Is.EqualTo("~/Plugins/Misc.CustomFlows/Areas/Admin/Views/CustomFlowRun/Run.cshtml"));
        var model = ModelOf<FlowRunModel>(result);
        Assert.That((model.RunId, model.FlowId, model.FlowName, model.VersionNumber, model.Status),
            Is.EqualTo((9, 7, "Abandoned cart", 3, "[Plugins.Misc.CustomFlows.Runs.Status.Waiting]")));
        Assert.That(model.Entries.Select(entry => (entry.At.Hour, entry.Kind, entry.Step)), Is.EqualTo(new[]
        {
            (12, "[Plugins.Misc.CustomFlows.Runs.Kind.Entered]", "Cart abandoned"),
            (13, "[Plugins.Misc.CustomFlows.Runs.Kind.Action]", "Reminder"),
            (13, "[Plugins.Misc.CustomFlows.Runs.Kind.Opened]", "Reminder"),
            (15, "[Plugins.Misc.CustomFlows.Runs.Kind.Waiting]", "Wait 1 day")
        }), "same-moment events keep the service's order: the send comes before its open");
        Assert.That(model.Entries[1].Details, Is.EqualTo("sent to a***@example.com"));
        Assert.That(model.StepsVisited.Select(step => (step.Step, step.Visits, step.Details)),
            Is.EqualTo(new[] { ("Cart abandoned", 1, (string)null), ("A/B test", 1, "branch B") }));
    }

    [TestCase(FlowRunStatus.Waiting, true, true)]
    [TestCase(FlowRunStatus.Running, true, true)]
    [TestCase(FlowRunStatus.Completed, true, false)]
    [TestCase(FlowRunStatus.Exited, true, false)]
    [TestCase(FlowRunStatus.Waiting, false, false)]
    public async Task The_end_form_is_offered_for_open_runs_to_admins_who_may_manage_flows(FlowRunStatus status, bool mayManage, bool offered)
    {
        _mayManageFlows = mayManage;
        _inspector.Setup(i => i.GetRunTimelineAsync(9)).ReturnsAsync(Timeline(status));

        var model = ModelOf<FlowRunModel>(await CreateController().Run(9));

        Assert.That(model.IsOpen && model.CanEnd, Is.EqualTo(offered));
    }

    [Test]
    public async Task A_run_that_does_not_exist_sends_the_admin_back_to_the_search_with_an_error()
    {
        _inspector.Setup(i => i.GetRunTimelineAsync(404)).ReturnsAsync((FlowRunTimeline)null);

        var result = await CreateController().Run(404);

        Assert.That(((RedirectToActionResult)result).ActionName, Is.EqualTo(nameof(CustomFlowRunController.Index)));
        _notifications.Verify(n => n.ErrorNotification("[Plugins.Misc.CustomFlows.Runs.NotFound]", true, 0), Times.Once);
    }

    [TestCase(EndRunOutcome.Ended, true, "Run")]
    [TestCase(EndRunOutcome.AlreadyEnded, false, "Run")]
    [TestCase(EndRunOutcome.ChangedMeanwhile, false, "Run")]
    [TestCase(EndRunOutcome.NotFound, false, "Index")]
    public async Task Ending_a_run_reports_the_outcome_and_goes_back(EndRunOutcome outcome, bool success, string action)
    {
        _inspector.Setup(i => i.EndRunAsync(9, "customer asked by phone")).ReturnsAsync(outcome);

        var result = (RedirectToActionResult)await CreateController().End(9, "customer asked by phone");

        var text = $"[Plugins.Misc.CustomFlows.Runs.End.{outcome}]";
        _notifications.Verify(n => n.SuccessNotification(text, true, 0), success ? Times.Once() : Times.Never());
        _notifications.Verify(n => n.ErrorNotification(text, true, 0), success ? Times.Never() : Times.Once());
        Assert.That(result.ActionName, Is.EqualTo(action));
        if (action == "Run")
            Assert.That(result.RouteValues?["id"], Is.EqualTo(9));
        Assert.That(CustomFlowsLocales.English.ContainsKey(text.Trim('[', ']')), text);
        _activity.Verify(a => a.InsertActivityAsync(CustomFlowsDefaults.ActivityLogTypes.RUN_ENDED, "Ended run 9 by hand: customer asked by phone", null),
            success ? Times.Once() : Times.Never(), "an end by hand goes into the activity log");
    }

    [Test]
    public void Reading_runs_needs_the_reports_permission_and_ending_one_needs_manage_flows()
    {
        static string PermissionOf(string action) => typeof(CustomFlowRunController).GetMethod(action)!
            .GetCustomAttribute<CheckPermissionAttribute>()!.PermissionSystemName.Single();

        Assert.That(PermissionOf(nameof(CustomFlowRunController.Index)), Is.EqualTo(CustomFlowsDefaults.Permissions.VIEW_REPORTS));
        Assert.That(PermissionOf(nameof(CustomFlowRunController.Run)), Is.EqualTo(CustomFlowsDefaults.Permissions.VIEW_REPORTS));
        Assert.That(PermissionOf(nameof(CustomFlowRunController.End)), Is.EqualTo(CustomFlowsDefaults.Permissions.MANAGE_FLOWS));
        Assert.That(typeof(CustomFlowRunController).GetMethod(nameof(CustomFlowRunController.End))!.GetCustomAttribute<HttpPostAttribute>(), Is.Not.Null);
    }

    [Test]
    public void Every_run_status_and_timeline_kind_has_a_text_in_both_languages()
    {
        var keys = Enum.GetNames<FlowRunStatus>().Select(status => $"Plugins.Misc.CustomFlows.Runs.Status.{status}")
            .Concat(Enum.GetNames<FlowRunTimelineKind>().Select(kind => $"Plugins.Misc.CustomFlows.Runs.Kind.{kind}"))
            .Concat(Enum.GetNames<EndRunOutcome>().Select(outcome => $"Plugins.Misc.CustomFlows.Runs.End.{outcome}"));

        foreach (var key in keys)
            Assert.That(CustomFlowsLocales.English.ContainsKey(key) && CustomFlowsLocales.Polish.ContainsKey(key), key);
    }
}
