using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// One flow job as the scheduler registers it: the job and its single trigger
/// </summary>
/// <param name="Job">The durable job</param>
/// <param name="Trigger">The trigger that fires it</param>
/// <param name="ScheduleSignature">A readable description of the timing; when it differs from the one
/// stored with an existing trigger, the settings changed and the trigger is replaced</param>
public sealed record FlowJobDefinition(IJobDetail Job, ITrigger Trigger, string ScheduleSignature);
