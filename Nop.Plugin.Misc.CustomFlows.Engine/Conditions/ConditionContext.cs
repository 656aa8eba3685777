using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Conditions;

/// <summary>
/// What a condition is evaluated against: the customer, the run (entry time, triggering event,
/// engagement) and the current time.
/// </summary>
/// <param name="Facts">The customer's facts.</param>
/// <param name="Run">The run (at entry: the run about to be created).</param>
/// <param name="NowUtc">The current time.</param>
/// <param name="NodeId">The step evaluating, for stable random percentages.</param>
public readonly record struct ConditionContext(ICustomerFacts Facts, FlowRunState Run, DateTime NowUtc, string NodeId);
