using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Popups;
using Nop.Services.Configuration;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.CustomFlows.Components;

/// <summary>
/// Renders the customer's pending pop-ups at the end of every storefront page
/// </summary>
public class PopupHostViewComponent : NopViewComponent
{
    #region Fields

    private readonly IPopupService _popupService;
    private readonly ICustomFlowsUrlBuilder _urlBuilder;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public PopupHostViewComponent(IPopupService popupService,
        ISettingService settingService,
        IStoreContext storeContext,
        ICustomFlowsUrlBuilder urlBuilder,
        IWorkContext workContext)
    {
        _urlBuilder = urlBuilder;
        _popupService = popupService;
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    #endregion

    #region Methods

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        if (!settings.Enabled || settings.PauseAll)
            return Content(string.Empty);

        var customer = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        var page = StorefrontPages.Classify(RouteData?.Values["controller"]?.ToString(), RouteData?.Values["action"]?.ToString());
        var popups = await _popupService.GetPopupsToShowAsync(customer.Id, store.Id, page);
        if (!popups.Any())
            return Content(string.Empty);

        var answerable = new List<PopupToShow>();
        foreach (var popup in popups)
            answerable.Add(popup with { AnswerToken = await _urlBuilder.CreatePopupAnswerTokenAsync(popup.Id, customer.Id) });
        popups = answerable;

        return View($"{CustomFlowsDefaults.PluginPath}/Views/PopupHost.cshtml", popups);
    }

    #endregion
}
