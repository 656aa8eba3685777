using System.Security.Cryptography;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Coupons;

/// <summary>
/// Random coupon codes from a cryptographic generator, in an alphabet without look-alikes (no 0/O, 1/I/L), so a
/// customer can type the code from a printed or spoken message
/// </summary>
public static class CouponCodeGenerator
{
    /// <summary>
    /// The characters codes are made of
    /// </summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Length of a code: 31^10 (about 8e14) codes, far too many to guess
    /// </summary>
    public const int Length = 10;

    /// <summary>
    /// Creates a code
    /// </summary>
    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);
}
