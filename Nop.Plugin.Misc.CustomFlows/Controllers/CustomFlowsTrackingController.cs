using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.CustomFlows.Models;
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

    private static readonly string UnsubscribeView = CustomFlowsDefaults.PluginPath + "/Views/Tracking/Unsubscribe.cshtml";

    private readonly IAntiforgery _antiforgery;
    private readonly IFlowEngagementService _engagementService;
    private readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public CustomFlowsTrackingController(IAntiforgery antiforgery, IFlowEngagementService engagementService, IWorkContext workContext)
    {
        _antiforgery = antiforgery;
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

    /// <summary>
    /// The unsubscribe link asks first: mail scanners and link previews open links by GET, which must change nothing
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Unsubscribe(string token)
    {
        var address = await _engagementService.ReadUnsubscribeAsync(token);

        return View(UnsubscribeView, new UnsubscribePageModel(address == null ? null : token, address, Done: false));
    }

    /// <summary>
    /// Unsubscribes: either the confirmation page's form (antiforgery token required) or the one-click POST of a mail
    /// client (RFC 8058: body <c>List-Unsubscribe=One-Click</c>, no cookies and so no antiforgery; the sealed link
    /// token is what proves it)
    /// </summary>
    [HttpPost]
    [ActionName(nameof(Unsubscribe))]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribePost(string token, [FromForm(Name = "List-Unsubscribe")] string listUnsubscribe)
    {
        var oneClick = string.Equals(listUnsubscribe, "One-Click", StringComparison.Ordinal);
        if (!oneClick)
        {
            try
            {
                await _antiforgery.ValidateRequestAsync(HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                return BadRequest();
            }
        }

        var address = await _engagementService.UnsubscribeAsync(token);
        if (oneClick)
            return address == null ? BadRequest() : Ok();

        return View(UnsubscribeView, new UnsubscribePageModel(null, address, Done: address != null));
    }

    /// <summary>
    /// The pop-up script reports that a pop-up was shown, clicked or dismissed
    /// </summary>
    [HttpPost]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> PopupAnswer(int popupId, string answer, string token)
    {
        //only the customer the pop-up was made for can answer it, identified by their own session and the pop-up's token
        var customer = await _workContext.GetCurrentCustomerAsync();
        var recorded = await _engagementService.RecordPopupAnswerAsync(popupId, customer.Id, answer, token);

        return recorded ? NoContent() : NotFound();
    }

    #endregion
}
