using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels;

/// <summary>
/// Renders a nopCommerce message template for a flow's customer: the template by name for the store, its subject
/// and body in the customer's language, nopCommerce's store and customer tokens plus the plugin's own
/// </summary>
public class FlowMessageRenderer
{
    #region Fields

    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly FlowEmailTokenProvider _flowTokenProvider;
    private readonly IEmailAccountService _emailAccountService;
    private readonly ILocalizationService _localizationService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly IMessageTokenProvider _messageTokenProvider;
    private readonly ITokenizer _tokenizer;

    #endregion

    #region Ctor

    public FlowMessageRenderer(EmailAccountSettings emailAccountSettings,
        FlowEmailTokenProvider flowTokenProvider,
        IEmailAccountService emailAccountService,
        ILocalizationService localizationService,
        IMessageTemplateService messageTemplateService,
        IMessageTokenProvider messageTokenProvider,
        ITokenizer tokenizer)
    {
        _emailAccountSettings = emailAccountSettings;
        _flowTokenProvider = flowTokenProvider;
        _emailAccountService = emailAccountService;
        _localizationService = localizationService;
        _messageTemplateService = messageTemplateService;
        _messageTokenProvider = messageTokenProvider;
        _tokenizer = tokenizer;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the account e-mails are sent from: the given one, else the shop's default, else the first there is
    /// </summary>
    /// <param name="emailAccountId">Preferred account; 0 for the default</param>
    public async Task<EmailAccount> GetEmailAccountAsync(int emailAccountId = 0)
    {
        return (emailAccountId > 0 ? await _emailAccountService.GetEmailAccountByIdAsync(emailAccountId) : null)
            ?? await _emailAccountService.GetEmailAccountByIdAsync(_emailAccountSettings.DefaultEmailAccountId)
            ?? (await _emailAccountService.GetAllEmailAccountsAsync()).FirstOrDefault();
    }

    /// <summary>
    /// Gets the language a customer is written to in: their own, else the store's default
    /// </summary>
    /// <param name="customer">Customer</param>
    /// <param name="store">Store</param>
    public static int GetLanguageId(Customer customer, Store store) =>
        customer.LanguageId is > 0 ? customer.LanguageId.Value : store.DefaultLanguageId;

    /// <summary>
    /// Renders a template
    /// </summary>
    /// <param name="request">The action</param>
    /// <param name="templateName">Message template name</param>
    /// <param name="customer">Recipient</param>
    /// <param name="store">Store of the run</param>
    public async Task<FlowMessage> RenderAsync(FlowActionRequest request, string templateName, Customer customer, Store store)
    {
        var template = (await _messageTemplateService.GetMessageTemplatesByNameAsync(templateName, store.Id)).FirstOrDefault();
        if (template is null)
            return new FlowMessage { Problem = FlowActionResult.Failed($"Message template '{templateName}' not found for store {store.Id}") };

        if (!template.IsActive)
            return new FlowMessage { Problem = FlowActionResult.Skipped($"Message template '{templateName}' is not active") };

        var emailAccount = await GetEmailAccountAsync(template.EmailAccountId);
        if (emailAccount is null)
            return new FlowMessage { Problem = FlowActionResult.Failed("The shop has no e-mail account") };

        var languageId = GetLanguageId(customer, store);
        var subject = await _localizationService.GetLocalizedAsync(template, t => t.Subject, languageId);
        var body = await _localizationService.GetLocalizedAsync(template, t => t.Body, languageId);

        var tokens = new List<Token>();
        await _messageTokenProvider.AddStoreTokensAsync(tokens, store, emailAccount, languageId);
        await _messageTokenProvider.AddCustomerTokensAsync(tokens, customer);
        tokens.AddRange(await _flowTokenProvider.GetTokensAsync(request, customer, store, languageId));

        return new FlowMessage
        {
            Template = template,
            EmailAccount = emailAccount,
            LanguageId = languageId,
            Subject = _tokenizer.Replace(subject, tokens, false),
            Body = _tokenizer.Replace(body, tokens, true),
            UnsubscribeUrl = tokens.FirstOrDefault(token => token.Key == CustomFlowsTokenNames.UnsubscribeUrl)?.Value?.ToString()
        };
    }

    #endregion
}
