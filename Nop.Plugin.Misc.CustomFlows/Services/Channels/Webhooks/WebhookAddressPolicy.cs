using System.Net;
using System.Net.Sockets;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// Keeps webhooks away from the shop's own network: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
/// link-local (169.254/16, fe80::/10) and unspecified addresses are refused. A host name is resolved and refused
/// when ANY of its addresses is, and the check runs when the connection is made, so a name cannot resolve to a
/// public address for the check and a private one for the call.
/// </summary>
public class WebhookAddressPolicy
{
    #region Fields

    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    #endregion

    #region Ctor

    /// <summary>
    /// Creates the policy
    /// </summary>
    /// <param name="resolve">Resolves a host name to its addresses; DNS when null</param>
    public WebhookAddressPolicy(Func<string, CancellationToken, Task<IPAddress[]>> resolve = null)
    {
        _resolve = resolve ?? ((host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));
    }

    #endregion

    #region Utilities

    private static bool InRange(byte[] address, byte[] network, int prefixLength)
    {
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask))
                return false;
        }

        return true;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Tells whether an address belongs to the shop's own network or machine
    /// </summary>
    /// <param name="address">The address</param>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            return true;

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return InRange(bytes, [0, 0, 0, 0], 8)          //"this network", includes 0.0.0.0
                || InRange(bytes, [10, 0, 0, 0], 8)
                || InRange(bytes, [172, 16, 0, 0], 12)
                || InRange(bytes, [192, 168, 0, 0], 16)
                || InRange(bytes, [169, 254, 0, 0], 16);
        }

        return InRange(bytes, [0xfc, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 7)
            || InRange(bytes, [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10);
    }

    /// <summary>
    /// Resolves a host and checks every address it has
    /// </summary>
    /// <param name="host">Host name or address literal</param>
    /// <param name="allowInternal">Whether internal addresses are allowed (plugin setting)</param>
    /// <param name="cancellationToken">Cancellation</param>
    /// <returns>The addresses to connect to</returns>
    /// <exception cref="WebhookAddressRefusedException">An address is internal and that is not allowed, or the host has none</exception>
    public async Task<IPAddress[]> ResolveAsync(string host, bool allowInternal, CancellationToken cancellationToken = default)
    {
        var literal = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(literal, out var address)
            ? [address]
            : await _resolve(host, cancellationToken);

        if (addresses.Length == 0)
            throw new WebhookAddressRefusedException($"'{host}' has no address");

        if (!allowInternal)
        {
            var refused = addresses.FirstOrDefault(IsInternal);
            if (refused is not null)
                throw new WebhookAddressRefusedException($"'{host}' resolves to {refused}, a loopback, private, link-local or unspecified address; allow such addresses in the plugin settings to call it");
        }

        return addresses;
    }

    #endregion
}
