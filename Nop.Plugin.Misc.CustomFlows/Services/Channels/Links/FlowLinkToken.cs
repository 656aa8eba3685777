using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;

/// <summary>
/// Sealed, URL-safe tokens for the plugin's storefront links: the parts and an expiry time, encrypted and
/// authenticated with AES-256-GCM under a key derived from the link signing key, the kind bound as associated data,
/// all base64url. Nothing inside (an e-mail address, a customer id) can be read from a link, a changed one is
/// refused, and one past its expiry is refused. The storefront endpoints read them back with <see cref="TryRead"/>.
/// </summary>
public static class FlowLinkToken
{
    private const char Separator = '\u001f';
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] EncryptionKeyPurpose = Encoding.UTF8.GetBytes("CustomFlows link token encryption v2");

    /// <summary>Unsubscribe link: store, customer, e-mail</summary>
    public const string Unsubscribe = "u";

    /// <summary>Open pixel: store, action key</summary>
    public const string Open = "o";

    /// <summary>Click redirect: store, action key, target</summary>
    public const string Click = "c";

    /// <summary>Pop-up answers: pop-up, customer</summary>
    public const string PopupAnswer = "p";

    #region Utilities

    private static byte[] EncryptionKey(string key) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), EncryptionKeyPurpose);

    private static byte[] AssociatedData(string kind) => Encoding.UTF8.GetBytes("customflows-link|" + kind);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }

    /// <summary>
    /// Unsubscribe links of e-mails sent before tokens were sealed (readable, HMAC-signed, no expiry): still honoured
    /// for unsubscribing only, so an address can always leave; nothing else accepts that form
    /// </summary>
    private static bool TryReadLegacyUnsubscribe(string key, string token, out string[] parts)
    {
        parts = [];
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

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), payload)))
            return false;

        var all = Encoding.UTF8.GetString(payload).Split(Separator);
        if (all[0] != Unsubscribe)
            return false;

        parts = all[1..];
        return true;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Writes a token
    /// </summary>
    /// <param name="key">Link signing key</param>
    /// <param name="kind">What the link does (<see cref="Unsubscribe"/>, <see cref="Open"/>, <see cref="Click"/>, <see cref="PopupAnswer"/>)</param>
    /// <param name="expiresOnUtc">After this moment the token is refused</param>
    /// <param name="parts">What the endpoint needs back</param>
    public static string Create(string key, string kind, DateTime expiresOnUtc, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        var expiry = new DateTimeOffset(DateTime.SpecifyKind(expiresOnUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
        var plain = Encoding.UTF8.GetBytes(string.Join(Separator, parts.Prepend(expiry.ToString(CultureInfo.InvariantCulture))));
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(EncryptionKey(key), TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), AssociatedData(kind));

        return Base64Url(sealedBytes);
    }

    /// <summary>
    /// Reads a token back; false when it is damaged, sealed with another key, of another kind or expired
    /// </summary>
    /// <param name="key">Link signing key</param>
    /// <param name="kind">The kind the endpoint expects</param>
    /// <param name="token">The token from the link</param>
    /// <param name="nowUtc">The current time</param>
    /// <param name="parts">The parts given to <see cref="Create"/></param>
    public static bool TryRead(string key, string kind, string token, DateTime nowUtc, out string[] parts)
    {
        parts = [];
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(token))
            return false;

        if (token.Contains('.'))
            return kind == Unsubscribe && TryReadLegacyUnsubscribe(key, token, out parts);

        byte[] sealedBytes;
        try
        {
            sealedBytes = FromBase64Url(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (sealedBytes.Length < NonceSize + TagSize)
            return false;

        var plainLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[plainLength];
        try
        {
            using var aes = new AesGcm(EncryptionKey(key), TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plainLength),
                sealedBytes.AsSpan(NonceSize + plainLength), plain, AssociatedData(kind));
        }
        catch (CryptographicException)
        {
            return false;
        }

        var all = Encoding.UTF8.GetString(plain).Split(Separator);
        if (!long.TryParse(all[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expiry)
            || new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)).ToUnixTimeSeconds() > expiry)
            return false;

        parts = all[1..];
        return true;
    }

    #endregion
}
