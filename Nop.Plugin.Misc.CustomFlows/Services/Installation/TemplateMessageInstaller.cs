using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Services.Installation;

/// <summary>
/// Installs the texts of the template library as nopCommerce message templates (English, with Polish
/// localized values for the shop's Polish languages), so a flow made from a template sends real
/// e-mails and pop-ups at once, and the admin edits the texts where all shop e-mails are edited.
/// A message template the shop already has under the same name is left as it is.
/// </summary>
public class TemplateMessageInstaller
{
    #region Fields

    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly ILanguageService _languageService;
    private readonly ILocalizedEntityService _localizedEntityService;
    private readonly IMessageTemplateService _messageTemplateService;

    #endregion

    #region Ctor

    public TemplateMessageInstaller(EmailAccountSettings emailAccountSettings,
        ILanguageService languageService,
        ILocalizedEntityService localizedEntityService,
        IMessageTemplateService messageTemplateService)
    {
        _emailAccountSettings = emailAccountSettings;
        _languageService = languageService;
        _localizedEntityService = localizedEntityService;
        _messageTemplateService = messageTemplateService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// The messages of every template of the library, once per reference
    /// </summary>
    public static IReadOnlyList<TemplateMessage> LibraryMessages() => FlowTemplateLibrary.All
        .SelectMany(template => template.Messages)
        .GroupBy(message => message.Reference, StringComparer.OrdinalIgnoreCase)
        .Select(group => group.First())
        .OrderBy(message => message.Reference, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Adds the message templates that do not exist yet
    /// </summary>
    /// <returns>The number of message templates added</returns>
    public async Task<int> InstallAsync()
    {
        var polishLanguages = (await _languageService.GetAllLanguagesAsync(showHidden: true))
            .Where(language => CustomFlowsLocales.IsPolish(language.LanguageCulture))
            .ToList();

        var added = 0;
        foreach (var message in LibraryMessages())
        {
            if ((await _messageTemplateService.GetMessageTemplatesByNameAsync(message.Reference)).Any())
                continue;

            var template = new MessageTemplate
            {
                Name = message.Reference,
                Subject = message.En.Title,
                Body = BodyOf(message.Kind, message.En),
                IsActive = true,
                EmailAccountId = _emailAccountSettings.DefaultEmailAccountId,
                LimitedToStores = false
            };
            await _messageTemplateService.InsertMessageTemplateAsync(template);

            foreach (var language in polishLanguages)
            {
                await _localizedEntityService.SaveLocalizedValueAsync(template, t => t.Subject, message.Pl.Title, language.Id);
                await _localizedEntityService.SaveLocalizedValueAsync(template, t => t.Body, BodyOf(message.Kind, message.Pl), language.Id);
            }

            added++;
        }

        return added;
    }

    /// <summary>
    /// Removes the library's message templates
    /// </summary>
    public async Task UninstallAsync()
    {
        foreach (var message in LibraryMessages())
        {
            foreach (var template in await _messageTemplateService.GetMessageTemplatesByNameAsync(message.Reference))
                await _messageTemplateService.DeleteMessageTemplateAsync(template);
        }
    }

    /// <summary>
    /// A pop-up's button becomes a link in its body: the pop-up channel shows the body as it is
    /// </summary>
    public static string BodyOf(TemplateKind kind, MessageText text) =>
        kind == TemplateKind.Popup && !string.IsNullOrEmpty(text.Button)
            ? $"{text.Body}<p><a class=\"button-1\" href=\"%Store.URL%\">{System.Net.WebUtility.HtmlEncode(text.Button)}</a></p>"
            : text.Body;

    #endregion
}
