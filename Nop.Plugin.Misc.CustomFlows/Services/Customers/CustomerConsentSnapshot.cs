using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Customers;

/// <summary>
/// Keeps, per customer and store, the marketing consent the plugin last saw (when a marketing e-mail was checked
/// against it, or when the customer subscribed or unsubscribed), with where it came from and when; shown to the admin
/// on the customer page, so "why did this customer get / not get this e-mail" has an answer.
/// </summary>
public class CustomerConsentSnapshot
{
    #region Fields

    /// <summary>The newsletter subscription in the store, checked before a marketing e-mail</summary>
    public const string NEWSLETTER = "newsletter";

    /// <summary>The customer subscribed to the newsletter</summary>
    public const string SUBSCRIBED = "subscribed";

    /// <summary>The customer unsubscribed (shop page or the plugin's unsubscribe link)</summary>
    public const string UNSUBSCRIBED = "unsubscribed";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly CustomerStateRows _stateRows;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public CustomerConsentSnapshot(CustomerStateRows stateRows, TimeProvider timeProvider)
    {
        _stateRows = stateRows;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Reads a stored snapshot; missing or damaged counts as nothing seen
    /// </summary>
    /// <param name="consentJson">Stored JSON</param>
    /// <returns>Consent per store</returns>
    public static Dictionary<int, ConsentRecord> Read(string consentJson)
    {
        if (string.IsNullOrWhiteSpace(consentJson))
            return [];

        try
        {
            return JsonSerializer.Deserialize<Dictionary<int, ConsentRecord>>(consentJson, JsonOptions) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Records the consent seen for a customer in a store
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="marketingEmail">Whether marketing e-mails may be sent</param>
    /// <param name="source">Where it was seen: <see cref="NEWSLETTER"/>, <see cref="SUBSCRIBED"/> or <see cref="UNSUBSCRIBED"/></param>
    public async Task RecordAsync(int customerId, int storeId, bool marketingEmail, string source)
    {
        if (customerId <= 0)
            return;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        await _stateRows.ChangeAsync(customerId, state =>
        {
            var snapshot = Read(state.ConsentJson);
            if (snapshot.TryGetValue(storeId, out var seen) && seen.MarketingEmail == marketingEmail && seen.Source == source)
                return false;

            snapshot[storeId] = new ConsentRecord(marketingEmail, source, now);
            state.ConsentJson = JsonSerializer.Serialize(snapshot, JsonOptions);
            return true;
        });
    }

    #endregion
}

/// <summary>
/// The consent seen in one store
/// </summary>
/// <param name="MarketingEmail">Whether marketing e-mails may be sent</param>
/// <param name="Source">Where it was seen</param>
/// <param name="SeenOnUtc">When it changed to this value</param>
public record ConsentRecord(bool MarketingEmail, string Source, DateTime SeenOnUtc);
