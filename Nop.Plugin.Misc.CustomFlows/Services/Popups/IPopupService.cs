using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// Pending storefront pop-ups created by flows
/// </summary>
public interface IPopupService
{
    /// <summary>
    /// Gets the pop-ups to show a customer now in a store: not expired, not yet answered, allowed by their display rules
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="page">The kind of page being viewed</param>
    Task<IList<PopupToShow>> GetPopupsToShowAsync(int customerId, int storeId, PopupPage page);
}
