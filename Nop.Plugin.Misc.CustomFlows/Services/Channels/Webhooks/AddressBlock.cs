using System.Net;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// One block of addresses in CIDR notation ("10.0.0.0/8", "fc00::/7") with what it is for
/// </summary>
/// <param name="Cidr">Network address and prefix length</param>
/// <param name="Name">What the block is for, as the registry names it</param>
/// <param name="EmbedsIPv4">Whether the last 32 bits of an address in the block are an IPv4 address that is reached
/// through it (IPv4-mapped, NAT64), so that IPv4 address is what is checked</param>
public sealed record AddressBlock(string Cidr, string Name, bool EmbedsIPv4 = false)
{
    private readonly Lazy<(byte[] Network, int PrefixLength)> _parsed = new(() => Parse(Cidr));

    /// <summary>
    /// Gets the network address
    /// </summary>
    public IPAddress Network => new(_parsed.Value.Network);

    /// <summary>
    /// Gets the prefix length in bits
    /// </summary>
    public int PrefixLength => _parsed.Value.PrefixLength;

    private static (byte[], int) Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        var network = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
        var prefixLength = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (prefixLength < 0 || prefixLength > network.Length * 8)
            throw new FormatException($"'{cidr}' has a prefix longer than its address");

        return (network, prefixLength);
    }

    /// <summary>
    /// Tells whether an address of the same family lies in the block
    /// </summary>
    /// <param name="address">The address</param>
    public bool Contains(IPAddress address)
    {
        var (network, prefixLength) = _parsed.Value;
        var bytes = address.GetAddressBytes();
        if (bytes.Length != network.Length)
            return false;

        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Gets the IPv4 address carried in the last 32 bits of an IPv6 address
    /// </summary>
    /// <param name="address">An IPv6 address of a block that embeds IPv4</param>
    public static IPAddress EmbeddedIPv4(IPAddress address) => new(address.GetAddressBytes()[12..]);
}
