using System.Net;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// Replaces %Key% with the token's value, HTML-encoding it when asked unless the token says never, as nopCommerce's
/// tokenizer does
/// </summary>
public sealed class FakeTokenizer : ITokenizer
{
    public string Replace(string template, IEnumerable<Token> tokens, bool htmlEncode)
    {
        foreach (var token in tokens)
        {
            var value = token.Value?.ToString() ?? string.Empty;
            template = template.Replace($"%{token.Key}%", htmlEncode && !token.NeverHtmlEncoded ? WebUtility.HtmlEncode(value) : value);
        }

        return template;
    }
}
