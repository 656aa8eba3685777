using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.CustomFlows.Services.Tracking;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.CustomFlows.Controllers;

/// <summary>
/// The storefront addresses behind flows' e-mails and pop-ups: the open pixel, tracked links, the
/// unsubscribe link (works without logging in) and the pop-up script's reports
/// </summary>
[AutoValidateAntiforgeryToken]
public class CustomFlowsTrackingController : BasePluginController
{
    #region Fields

    /// <summary>
    /// A transparent 1x1 GIF
    /// </summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private readonly IFlowEngagementService _engagementService;
    private readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public CustomFlowsTrackingController(IFlowEngagementService engagementService, IWorkContext workContext)
    {
        _engagementService = engagementService;
        _workContext = workContext;
    }

    #endregion

    #region Methods

    [HttpGet]
    public async Task<IActionResult> Open(string token)
    {
        await _engagementService.RecordOpenAsync(token);

        //the pixel is returned whatever the token: a mail client must never show a broken image
        Response.Headers.CacheControl = "no-store, no-cache, must-revalidate";
        return File(Pixel, "image/gif");
    }

    [HttpGet]
    public async Task<IActionResult> Click(string token)
    {
        var target = await _engagementService.RecordClickAsync(token);
        if (target == null)
            return RedirectToRoute("Homepage");

        return Redirect(target);
    }

    [HttpGet]
    public async Task<IActionResult> Unsubscribe(string token)
    {
        var email = await _engagementService.UnsubscribeAsync(token);

        return View($"{CustomFlowsDefaults.PluginPath}/Views/Tracking/Unsubscribed.cshtml", email ?? string.Empty);
    }

    /// <summary>
    /// One-click unsubscribe (RFC 8058): mail clients post to the same address without a page
    /// </summary>
    [HttpPost]
    [ActionName(nameof(Unsubscribe))]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeOneClick(string token)
    {
        var email = await _engagementService.UnsubscribeAsync(token);

        return email == null ? BadRequest() : Ok();
    }

    /// <summary>
    /// The pop-up script reports that a pop-up was shown, clicked or dismissed
    /// </summary>
    [HttpPost]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> PopupAnswer(int popupId, string answer)
    {
        //only the customer the pop-up was made for can answer it, identified by their own session
        var customer = await _workContext.GetCurrentCustomerAsync();
        var recorded = await _engagementService.RecordPopupAnswerAsync(popupId, customer.Id, answer);

        return recorded ? NoContent() : NotFound();
    }

    #endregion
}
