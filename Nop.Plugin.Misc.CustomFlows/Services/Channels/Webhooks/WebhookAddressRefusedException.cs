namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// A webhook address the plugin does not call (see <see cref="WebhookAddressPolicy"/>)
/// </summary>
public class WebhookAddressRefusedException : Exception
{
    /// <summary>
    /// Creates the exception
    /// </summary>
    /// <param name="message">Why</param>
    public WebhookAddressRefusedException(string message) : base(message)
    {
    }
}
