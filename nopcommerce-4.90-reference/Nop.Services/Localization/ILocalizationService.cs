namespace Nop.Services.Localization;

public partial interface ILocalizationService
{
    Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null);

    Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null);

    Task<string> GetResourceAsync(string resourceKey);
}
