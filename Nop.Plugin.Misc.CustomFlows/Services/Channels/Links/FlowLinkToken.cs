using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;

/// <summary>
/// Signed, URL-safe tokens for the plugin's storefront links: the parts joined, then an HMAC-SHA256 over them,
/// both base64url. The storefront endpoints read them back with <see cref="TryRead"/>.
/// </summary>
public static class FlowLinkToken
{
    private const char Separator = '\u001f';

    /// <summary>Unsubscribe link: store, customer, e-mail</summary>
    public const string Unsubscribe = "u";

    /// <summary>Open pixel: store, action key</summary>
    public const string Open = "o";

    /// <summary>Click redirect: store, action key, target</summary>
    public const string Click = "c";

    /// <summary>
    /// Writes a token
    /// </summary>
    /// <param name="key">Signing key</param>
    /// <param name="kind">What the link does (<see cref="Unsubscribe"/>, <see cref="Open"/>, <see cref="Click"/>)</param>
    /// <param name="parts">What the endpoint needs back</param>
    public static string Create(string key, string kind, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        var payload = Encoding.UTF8.GetBytes(string.Join(Separator, parts.Prepend(kind)));
        return $"{Base64Url(payload)}.{Base64Url(Sign(key, payload))}";
    }

    /// <summary>
    /// Reads a token back; false when it is damaged, signed with another key or of another kind
    /// </summary>
    /// <param name="key">Signing key</param>
    /// <param name="kind">The kind the endpoint expects</param>
    /// <param name="token">The token from the link</param>
    /// <param name="parts">The parts given to <see cref="Create"/></param>
    public static bool TryRead(string key, string kind, string token, out string[] parts)
    {
        parts = [];
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(token))
            return false;

        var dot = token.IndexOf('.');
        if (dot <= 0)
            return false;

        byte[] payload, signature;
        try
        {
            payload = FromBase64Url(token[..dot]);
            signature = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(key, payload)))
            return false;

        var all = Encoding.UTF8.GetString(payload).Split(Separator);
        if (all[0] != kind)
            return false;

        parts = all[1..];
        return true;
    }

    private static byte[] Sign(string key, byte[] payload) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), payload);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
