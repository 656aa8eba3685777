using System.Security.Cryptography;

namespace Nop.Plugin.Misc.CustomFlows.Services.Secrets;

/// <summary>
/// Creates the plugin's secrets (webhook signing secret, link signing key), so every place that needs a fresh one
/// gets the same strength
/// </summary>
public static class SecretKeys
{
    /// <summary>
    /// Bytes of randomness in a secret: 256 bits, the size of the HMAC-SHA256 key that signs with it
    /// </summary>
    public const int SecretBytes = 32;

    /// <summary>
    /// Creates a new random secret
    /// </summary>
    /// <returns>The secret as 64 upper-case hexadecimal characters</returns>
    public static string NewHexSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(SecretBytes));
}
