using System.Net;
using System.Net.Sockets;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// Keeps webhooks away from the shop's own network and from addresses that are no public receiver: every block of
/// the IANA special-purpose registries of both families (<see cref="SpecialPurposeAddresses"/>: loopback, private,
/// shared/CGNAT, link-local, benchmarking, documentation, multicast, broadcast, 6to4, Teredo, ...) is refused; an
/// IPv4-mapped or NAT64 address is judged by the IPv4 address inside it. A host name is resolved once and refused
/// when ANY of its addresses is, and the connection goes to the addresses that were checked.
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

    #region Methods

    /// <summary>
    /// Gets the special-purpose block an address lies in (the most specific one); null for a public address
    /// </summary>
    /// <param name="address">The address</param>
    public static AddressBlock FindSpecialPurposeBlock(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            //an address that carries an IPv4 address is reached at that IPv4 address: judge that one
            var carrier = SpecialPurposeAddresses.IPv6.FirstOrDefault(block => block.EmbedsIPv4 && block.Contains(address));
            if (carrier is not null)
                return FindSpecialPurposeBlock(AddressBlock.EmbeddedIPv4(address)) is { } inner
                    ? inner with { Name = $"{inner.Name} inside {carrier.Name}" }
                    : null;
        }

        var blocks = address.AddressFamily == AddressFamily.InterNetwork ? SpecialPurposeAddresses.IPv4 : SpecialPurposeAddresses.IPv6;
        return blocks.Where(block => !block.EmbedsIPv4 && block.Contains(address))
            .OrderByDescending(block => block.PrefixLength)
            .FirstOrDefault();
    }

    /// <summary>
    /// Tells whether an address is no public receiver (the shop's own network or machine, or a special-purpose block)
    /// </summary>
    /// <param name="address">The address</param>
    public static bool IsInternal(IPAddress address) => FindSpecialPurposeBlock(address) is not null;

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
            foreach (var candidate in addresses)
            {
                if (FindSpecialPurposeBlock(candidate) is { } block)
                    throw new WebhookAddressRefusedException($"'{host}' resolves to {candidate}, an address of {block.Cidr} ({block.Name}), which is no public receiver; allow internal addresses in the plugin settings to call it");
            }
        }

        return addresses;
    }

    #endregion
}
