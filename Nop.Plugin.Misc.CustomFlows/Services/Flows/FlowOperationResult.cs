using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// How a lifecycle operation on a flow ended
/// </summary>
public enum FlowOperationStatus
{
    /// <summary>
    /// Done
    /// </summary>
    Done,

    /// <summary>
    /// The flow (or version) does not exist
    /// </summary>
    NotFound,

    /// <summary>
    /// The draft changed since the caller read it; nothing was written
    /// </summary>
    Conflict,

    /// <summary>
    /// The definition has problems that forbid the operation (publishing, importing unreadable text)
    /// </summary>
    Invalid,

    /// <summary>
    /// The flow's state forbids the operation (e.g. deleting a flow with open runs); <see cref="FlowOperationResult.Refusal"/> says which
    /// </summary>
    Refused
}

/// <summary>
/// The outcome of a lifecycle operation: what happened, and for the editor the draft's new revision and its problems
/// </summary>
public sealed record FlowOperationResult
{
    /// <summary>
    /// Gets how the operation ended
    /// </summary>
    public FlowOperationStatus Status { get; init; }

    /// <summary>
    /// Gets the flow the operation concerned (or created); 0 when none
    /// </summary>
    public int FlowId { get; init; }

    /// <summary>
    /// Gets the draft's revision after the operation (see <see cref="FlowDraftRevision"/>)
    /// </summary>
    public string Revision { get; init; }

    /// <summary>
    /// Gets the number of the version published by the operation
    /// </summary>
    public int? VersionNumber { get; init; }

    /// <summary>
    /// Gets the problems of the draft (saved drafts may have some; publishing is refused while there are any)
    /// </summary>
    public IReadOnlyList<ValidationProblem> Problems { get; init; } = [];

    /// <summary>
    /// Gets why the operation was refused: the last part of a locale resource name under "Plugins.Misc.CustomFlows.Flows.Refused."
    /// </summary>
    public string Refusal { get; init; }

    /// <summary>
    /// Gets a value indicating whether the operation was done
    /// </summary>
    public bool Succeeded => Status == FlowOperationStatus.Done;

    /// <summary>
    /// A finished operation
    /// </summary>
    public static FlowOperationResult Done(int flowId, string revision = null, IReadOnlyList<ValidationProblem> problems = null, int? versionNumber = null) =>
        new() { Status = FlowOperationStatus.Done, FlowId = flowId, Revision = revision, Problems = problems ?? [], VersionNumber = versionNumber };

    /// <summary>
    /// The flow does not exist
    /// </summary>
    public static FlowOperationResult NotFound(int flowId) => new() { Status = FlowOperationStatus.NotFound, FlowId = flowId };

    /// <summary>
    /// The draft changed since it was read
    /// </summary>
    public static FlowOperationResult Conflict(int flowId, string currentRevision) =>
        new() { Status = FlowOperationStatus.Conflict, FlowId = flowId, Revision = currentRevision };

    /// <summary>
    /// The definition's problems forbid the operation
    /// </summary>
    public static FlowOperationResult Invalid(int flowId, IReadOnlyList<ValidationProblem> problems, string revision = null) =>
        new() { Status = FlowOperationStatus.Invalid, FlowId = flowId, Problems = problems, Revision = revision };

    /// <summary>
    /// The flow's state forbids the operation
    /// </summary>
    public static FlowOperationResult Refused(int flowId, string refusal) =>
        new() { Status = FlowOperationStatus.Refused, FlowId = flowId, Refusal = refusal };
}
