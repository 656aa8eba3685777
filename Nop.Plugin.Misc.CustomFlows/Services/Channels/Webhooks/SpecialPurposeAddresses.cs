namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// The IANA special-purpose address registries (iana-ipv4-special-registry and iana-ipv6-special-registry, as of
/// 2025), one entry per block, plus the blocks of the address-space registries that are no unicast destination at
/// all (IPv4 multicast; everything of IPv6 outside global unicast 2000::/3). A webhook never goes to any of them
/// unless the admin allows internal addresses.
/// </summary>
/// <remarks>
/// Facts, kept as data: when IANA adds a block, it is one more line here. Blocks that carry an IPv4 address inside
/// (IPv4-mapped, NAT64 well-known prefix) are not refused as a whole: the IPv4 address inside is checked instead, so
/// a shop on an IPv6-only network with NAT64 still reaches public receivers.
/// </remarks>
public static class SpecialPurposeAddresses
{
    /// <summary>
    /// IPv4: the special-purpose registry, then multicast (224.0.0.0/4, from the multicast registry)
    /// </summary>
    public static IReadOnlyList<AddressBlock> IPv4 { get; } =
    [
        new("0.0.0.0/8", "\"This network\" (RFC 791)"),
        new("0.0.0.0/32", "\"This host on this network\" (RFC 1122)"),
        new("10.0.0.0/8", "Private-Use (RFC 1918)"),
        new("100.64.0.0/10", "Shared Address Space, carrier-grade NAT (RFC 6598)"),
        new("127.0.0.0/8", "Loopback (RFC 1122)"),
        new("169.254.0.0/16", "Link Local (RFC 3927)"),
        new("172.16.0.0/12", "Private-Use (RFC 1918)"),
        new("192.0.0.0/24", "IETF Protocol Assignments (RFC 6890)"),
        new("192.0.0.0/29", "IPv4 Service Continuity Prefix (RFC 7335)"),
        new("192.0.0.8/32", "IPv4 dummy address (RFC 7600)"),
        new("192.0.0.9/32", "Port Control Protocol Anycast (RFC 7723)"),
        new("192.0.0.10/32", "Traversal Using Relays around NAT Anycast (RFC 8155)"),
        new("192.0.0.170/32", "NAT64/DNS64 Discovery (RFC 8880)"),
        new("192.0.0.171/32", "NAT64/DNS64 Discovery (RFC 8880)"),
        new("192.0.2.0/24", "Documentation, TEST-NET-1 (RFC 5737)"),
        new("192.31.196.0/24", "AS112-v4 (RFC 7535)"),
        new("192.52.193.0/24", "AMT (RFC 7450)"),
        new("192.88.99.0/24", "Deprecated, 6to4 Relay Anycast (RFC 7526)"),
        new("192.168.0.0/16", "Private-Use (RFC 1918)"),
        new("192.175.48.0/24", "Direct Delegation AS112 Service (RFC 7534)"),
        new("198.18.0.0/15", "Benchmarking (RFC 2544)"),
        new("198.51.100.0/24", "Documentation, TEST-NET-2 (RFC 5737)"),
        new("203.0.113.0/24", "Documentation, TEST-NET-3 (RFC 5737)"),
        new("240.0.0.0/4", "Reserved (RFC 1112)"),
        new("255.255.255.255/32", "Limited Broadcast (RFC 919)"),
        new("224.0.0.0/4", "Multicast (RFC 5771)")
    ];

    /// <summary>
    /// IPv6: the special-purpose registry, then what the IPv6 address-space registry does not allocate as global
    /// unicast (multicast ff00::/8 and every other block outside 2000::/3)
    /// </summary>
    public static IReadOnlyList<AddressBlock> IPv6 { get; } =
    [
        new("::1/128", "Loopback Address (RFC 4291)"),
        new("::/128", "Unspecified Address (RFC 4291)"),
        new("::ffff:0:0/96", "IPv4-mapped Address (RFC 4291)", EmbedsIPv4: true),
        new("::/96", "IPv4-compatible Address, deprecated (RFC 4291)"),
        new("64:ff9b::/96", "IPv4-IPv6 Translation, NAT64 well-known prefix (RFC 6052)", EmbedsIPv4: true),
        new("64:ff9b:1::/48", "IPv4-IPv6 Translation, local use (RFC 8215)"),
        new("100::/64", "Discard-Only Address Block (RFC 6666)"),
        new("100:0:0:1::/64", "Dummy IPv6 Prefix (RFC 9780)"),
        new("2001::/23", "IETF Protocol Assignments (RFC 2928)"),
        new("2001::/32", "TEREDO (RFC 4380)"),
        new("2001:1::1/128", "Port Control Protocol Anycast (RFC 7723)"),
        new("2001:1::2/128", "Traversal Using Relays around NAT Anycast (RFC 8155)"),
        new("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast (RFC 9665)"),
        new("2001:2::/48", "Benchmarking (RFC 5180)"),
        new("2001:3::/32", "AMT (RFC 7450)"),
        new("2001:4:112::/48", "AS112-v6 (RFC 7535)"),
        new("2001:10::/28", "Deprecated, previously ORCHID (RFC 4843)"),
        new("2001:20::/28", "ORCHIDv2 (RFC 7343)"),
        new("2001:30::/28", "Drone Remote ID Protocol Entity Tags (RFC 9374)"),
        new("2001:db8::/32", "Documentation (RFC 3849)"),
        new("2002::/16", "6to4 (RFC 3056)"),
        new("2620:4f:8000::/48", "Direct Delegation AS112 Service (RFC 7534)"),
        new("3fff::/20", "Documentation (RFC 9637)"),
        new("5f00::/16", "Segment Routing SIDs (RFC 9602)"),
        new("fc00::/7", "Unique-Local (RFC 4193)"),
        new("fe80::/10", "Link-Local Unicast (RFC 4291)"),
        new("ff00::/8", "Multicast (RFC 4291)"),
        //the address-space registry: only 2000::/3 is global unicast; 0000::/3 and 4000::/2 - e000::/4 etc. are reserved
        new("::/3", "Reserved by IETF, outside global unicast (RFC 4291)"),
        new("4000::/2", "Reserved by IETF, outside global unicast (RFC 4291)"),
        new("8000::/1", "Reserved by IETF, outside global unicast (RFC 4291)")
    ];
}
