using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// The revision of a stored draft: a short hash of its text. An editor sends back the revision it loaded, and a save
/// over a draft that has changed since (another admin, another tab) is refused instead of overwriting it. A hash needs
/// no column of its own and does not depend on how precisely a database stores times.
/// </summary>
public static class FlowDraftRevision
{
    /// <summary>
    /// Gets the revision of a draft text
    /// </summary>
    /// <param name="definitionJson">Stored draft JSON</param>
    public static string Of(string definitionJson) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(definitionJson ?? string.Empty)), 0, 12);
}
