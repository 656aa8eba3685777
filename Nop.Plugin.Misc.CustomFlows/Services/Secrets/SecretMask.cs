using System.Data.Common;

namespace Nop.Plugin.Misc.CustomFlows.Services.Secrets;

/// <summary>
/// What the admin pages show of a stored secret: enough to tell which one is set, never enough to use it
/// </summary>
public static class SecretMask
{
    /// <summary>
    /// The dots shown in place of the hidden part
    /// </summary>
    public const string Dots = "••••••••";

    /// <summary>
    /// Characters shown at the end of a secret, so the admin can tell it from the one a receiver has
    /// </summary>
    public const int VisibleTail = 4;

    //below this length the last four characters would give away too much of the secret
    private const int ShortestWithTail = 16;

    //the parts of a connection string that say where the database is and never how to get in; anything else
    //(password, user, keys, tokens) stays hidden because providers name their credentials in many ways
    private static readonly string[] LocationKeys =
        ["host", "server", "data source", "address", "addr", "network address", "port", "database", "initial catalog"];

    /// <summary>
    /// Masks a secret: dots and its last characters
    /// </summary>
    /// <param name="secret">The stored secret</param>
    /// <returns>The masked text; null when no secret is set</returns>
    public static string Mask(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return null;

        return secret.Length < ShortestWithTail ? Dots : Dots + secret[^VisibleTail..];
    }

    /// <summary>
    /// Masks a connection string: only where the database is (host, port, database name)
    /// </summary>
    /// <param name="connectionString">The stored connection string</param>
    /// <returns>The location parts joined with "; " and dots for the rest; just dots when it cannot be read or names
    /// no location; null when none is set</returns>
    public static string MaskConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return null;

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return Dots;
        }

        var location = builder.Keys.Cast<string>()
            .Where(key => LocationKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Select(key => $"{key}={builder[key]}")
            .ToList();

        return location.Count == 0 ? Dots : string.Join("; ", location.Append(Dots));
    }
}
