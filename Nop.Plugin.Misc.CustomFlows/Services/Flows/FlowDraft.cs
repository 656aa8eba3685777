using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// A flow's editable draft as the editor loads it
/// </summary>
/// <param name="Flow">The flow</param>
/// <param name="Json">The draft document</param>
/// <param name="Revision">Revision to send back when saving (see <see cref="FlowDraftRevision"/>)</param>
/// <param name="Problems">What the validator finds in the draft</param>
/// <param name="LiveVersionNumber">Number of the version new entries go to; null before the first publish</param>
public sealed record FlowDraft(Flow Flow, string Json, string Revision, IReadOnlyList<ValidationProblem> Problems, int? LiveVersionNumber);
