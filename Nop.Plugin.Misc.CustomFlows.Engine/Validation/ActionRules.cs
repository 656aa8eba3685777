using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks an action's parameters, including that its template exists.
/// </summary>
internal static class ActionRules
{
    public static void Check(FlowAction action, RuleContext context, string nodeId, string path)
    {
        switch (action)
        {
            case null:
                context.Missing("The action", nodeId, path);
                break;
            case SendEmailAction email:
                CheckTemplate(TemplateKind.Email, email.Template, context, nodeId, path);
                if (!Enum.IsDefined(email.Category))
                    context.Invalid("category is marketing or transactional.", nodeId, path + ".category");
                break;
            case ShowPopupAction popup:
                CheckTemplate(TemplateKind.Popup, popup.Template, context, nodeId, path);
                context.Duration(popup.ExpiresAfter, required: false, mustBePositive: true, nodeId, path + ".expiresAfter");
                if (popup.Display != null)
                    CheckDisplay(popup.Display, context, nodeId, path + ".display");
                break;
            case WebhookAction webhook:
                if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    context.Invalid("url must be an absolute http or https address.", nodeId, path + ".url");
                break;
            case AddTagAction add:
                CheckText(add.Tag, "tag", context, nodeId, path);
                break;
            case RemoveTagAction remove:
                CheckText(remove.Tag, "tag", context, nodeId, path);
                break;
            case ChangeScoreAction score when score.Delta == 0:
                context.Invalid("delta of 0 changes nothing.", nodeId, path + ".delta");
                break;
            case SetFunnelStageAction stage:
                CheckText(stage.Stage, "stage", context, nodeId, path);
                context.NotLongerThan(stage.Stage, Definition.FlowLimits.FunnelStageLength, "A funnel stage", nodeId, path + ".stage");
                break;
            case AlertStaffAction alert:
                CheckText(alert.Message, "message", context, nodeId, path);
                break;
            case CreateCouponAction coupon:
                CheckCoupon(coupon, context, nodeId, path);
                break;
        }
    }

    private static void CheckDisplay(PopupDisplay display, RuleContext context, string nodeId, string path)
    {
        if (display.Pages != null)
        {
            for (var i = 0; i < display.Pages.Count; i++)
            {
                if (!Enum.IsDefined(display.Pages[i]))
                    context.Invalid("A page is home, product, category, search, cart, checkout, account or other.", nodeId, $"{path}.pages[{i}]");
            }
        }

        if (!Enum.IsDefined(display.Show))
            context.Invalid("show is onLoad, afterDelay, onScroll or onExitIntent.", nodeId, path + ".show");

        if (display.Show == PopupMoment.AfterDelay && display.DelaySeconds is null)
            context.Missing("delaySeconds (for show: afterDelay)", nodeId, path + ".delaySeconds");
        else if (display.DelaySeconds != null && display.Show != PopupMoment.AfterDelay)
            context.Invalid("delaySeconds applies only to show: afterDelay.", nodeId, path + ".delaySeconds");
        else if (display.DelaySeconds is < 1 or > PopupDisplay.MaxDelaySeconds)
            context.Invalid($"delaySeconds is from 1 to {PopupDisplay.MaxDelaySeconds}.", nodeId, path + ".delaySeconds");

        if (display.Show == PopupMoment.OnScroll && display.ScrollPercent is null)
            context.Missing("scrollPercent (for show: onScroll)", nodeId, path + ".scrollPercent");
        else if (display.ScrollPercent != null && display.Show != PopupMoment.OnScroll)
            context.Invalid("scrollPercent applies only to show: onScroll.", nodeId, path + ".scrollPercent");
        else if (display.ScrollPercent is < 1 or > 100)
            context.Invalid("scrollPercent is from 1 to 100.", nodeId, path + ".scrollPercent");

        if (display.MaxShows is < 1 or > PopupDisplay.MaxShowsLimit)
            context.Invalid($"maxShows is from 1 to {PopupDisplay.MaxShowsLimit}.", nodeId, path + ".maxShows");

        context.Duration(display.MinInterval, required: false, mustBePositive: false, nodeId, path + ".minInterval");
    }

    private static void CheckTemplate(TemplateKind kind, string name, RuleContext context, string nodeId, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
            context.Missing("template", nodeId, path + ".template");
        else if (context.Templates != null && !context.Templates.Exists(kind, name))
            context.Problems.Add(ProblemCodes.UnknownTemplate, $"There is no {(kind == TemplateKind.Email ? "e-mail" : "pop-up")} template {Excerpt.Quote(name)}.", nodeId, path + ".template");
    }

    private static void CheckText(string value, string property, RuleContext context, string nodeId, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
            context.Missing(property, nodeId, $"{path}.{property}");
    }

    private static void CheckCoupon(CreateCouponAction coupon, RuleContext context, string nodeId, string path)
    {
        if ((coupon.Percent == null) == (coupon.Amount == null))
            context.Invalid("Set either percent or amount.", nodeId, path + ".percent");
        if (coupon.Percent is <= 0 or > 100)
            context.Invalid("percent must be more than 0 and at most 100.", nodeId, path + ".percent");
        if (coupon.Amount is <= 0)
            context.Invalid("amount must be more than 0.", nodeId, path + ".amount");
        if (coupon.MaxDiscountAmount is <= 0)
            context.Invalid("maxDiscountAmount must be more than 0.", nodeId, path + ".maxDiscountAmount");
        else if (coupon.MaxDiscountAmount != null && coupon.Amount != null)
            context.Invalid("maxDiscountAmount caps a percentage; a fixed amount is its own cap.", nodeId, path + ".maxDiscountAmount");
        context.Duration(coupon.ValidFor, required: true, mustBePositive: true, nodeId, path + ".validFor");
    }
}
