using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Services.Secrets;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;

/// <summary>
/// Builds the plugin's storefront links on the store's own address, with tokens signed by
/// <see cref="CustomFlowsSettings.LinkSigningKey"/> (created on first use when the shop has none yet) that expire after
/// <see cref="CustomFlowsSettings.LinkLifetimeDays"/>
/// </summary>
public class CustomFlowsUrlBuilder : ICustomFlowsUrlBuilder
{
    #region Fields

    /// <summary>Path of the unsubscribe endpoint, relative to the store address</summary>
    public const string UnsubscribePath = "customflows/unsubscribe";

    /// <summary>Path of the open-pixel endpoint, relative to the store address</summary>
    public const string OpenPath = "customflows/open";

    /// <summary>Path of the click-redirect endpoint, relative to the store address</summary>
    public const string ClickPath = "customflows/click";

    private readonly CustomFlowsSettings _settings;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public CustomFlowsUrlBuilder(CustomFlowsSettings settings, ISettingService settingService, IStoreService storeService, TimeProvider timeProvider)
    {
        _settings = settings;
        _settingService = settingService;
        _storeService = storeService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    private async Task<string> GetSigningKeyAsync()
    {
        if (string.IsNullOrEmpty(_settings.LinkSigningKey))
        {
            _settings.LinkSigningKey = SecretKeys.NewHexSecret();
            await _settingService.SaveSettingAsync(_settings, settings => settings.LinkSigningKey);
        }

        return _settings.LinkSigningKey;
    }

    private async Task<string> BuildAsync(int storeId, string path, string kind, params string[] parts)
    {
        var store = await _storeService.GetStoreByIdAsync(storeId)
            ?? throw new InvalidOperationException($"Store {storeId} not found");
        //long enough for a newsletter read weeks later; an unsubscribe link past it shows where else to unsubscribe
        var expiresOnUtc = _timeProvider.GetUtcNow().UtcDateTime.AddDays(Math.Max(_settings.LinkLifetimeDays, 1));
        var token = FlowLinkToken.Create(await GetSigningKeyAsync(), kind, expiresOnUtc, parts);

        return $"{store.Url?.TrimEnd('/')}/{path}?token={token}";
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public Task<string> GetUnsubscribeUrlAsync(int storeId, int customerId, string email) =>
        BuildAsync(storeId, UnsubscribePath, FlowLinkToken.Unsubscribe,
            storeId.ToString(CultureInfo.InvariantCulture), customerId.ToString(CultureInfo.InvariantCulture), email ?? string.Empty);

    /// <inheritdoc />
    public Task<string> GetOpenTrackingUrlAsync(int storeId, string idempotencyKey) =>
        BuildAsync(storeId, OpenPath, FlowLinkToken.Open, storeId.ToString(CultureInfo.InvariantCulture), idempotencyKey);

    /// <inheritdoc />
    public Task<string> GetClickTrackingUrlAsync(int storeId, string idempotencyKey, string targetUrl) =>
        BuildAsync(storeId, ClickPath, FlowLinkToken.Click, storeId.ToString(CultureInfo.InvariantCulture), idempotencyKey, targetUrl);

    /// <inheritdoc />
    public async Task<string> CreatePopupAnswerTokenAsync(int popupId, int customerId) =>
        //a page is answered from within a day of being shown; a stolen token is of no use for longer
        FlowLinkToken.Create(await GetSigningKeyAsync(), FlowLinkToken.PopupAnswer, _timeProvider.GetUtcNow().UtcDateTime.AddDays(1),
            popupId.ToString(CultureInfo.InvariantCulture), customerId.ToString(CultureInfo.InvariantCulture));

    #endregion
}
