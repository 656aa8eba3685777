using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// The message templates of the shop as the flow validator sees them: e-mail and pop-up steps name a nopCommerce
/// message template by its system name, so a typo is a problem on the step instead of a failure at sending time
/// </summary>
public class MessageTemplateLookup
{
    #region Fields

    private readonly IMessageTemplateService _messageTemplateService;

    #endregion

    #region Ctor

    public MessageTemplateLookup(IMessageTemplateService messageTemplateService)
    {
        _messageTemplateService = messageTemplateService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a lookup over the message templates of every store, active or not (an inactive template is the
    /// admin's choice, not a broken reference)
    /// </summary>
    public async Task<ITemplateLookup> GetLookupAsync()
    {
        var templates = await _messageTemplateService.GetAllMessageTemplatesAsync(0);
        return new NameSet(templates.Select(template => template.Name).Where(name => !string.IsNullOrEmpty(name)));
    }

    #endregion

    #region Nested

    private sealed class NameSet : ITemplateLookup
    {
        private readonly HashSet<string> _names;

        public NameSet(IEnumerable<string> names)
        {
            //nopCommerce finds message templates by name regardless of case
            _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        }

        public bool Exists(TemplateKind kind, string name) => name != null && _names.Contains(name);
    }

    #endregion
}
