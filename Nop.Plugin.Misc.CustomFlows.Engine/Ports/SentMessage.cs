using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// A message a flow sent to a customer, as message budgets and frequency caps count them.
/// </summary>
/// <param name="SentOnUtc">When it was sent.</param>
/// <param name="Channel">E-mail or pop-up.</param>
/// <param name="Marketing">Whether it counted as marketing (transactional e-mails do not).</param>
/// <param name="FlowId">The flow that sent it.</param>
public sealed record SentMessage(DateTime SentOnUtc, ActionChannel Channel, bool Marketing, string FlowId);
