using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// Everything that changes a flow as a whole: creating it (blank, from a template, imported, duplicated), its one
/// editable draft, publishing numbered immutable versions, pausing, resuming, archiving and deleting. Used by the
/// admin pages, the builder's endpoints and the tests; each change goes into nopCommerce's activity log.
/// </summary>
public interface IFlowLifecycleService
{
    /// <summary>
    /// Creates a flow whose draft is a start step with the given trigger and an end
    /// </summary>
    /// <param name="name">Flow name</param>
    /// <param name="triggerEvent">What starts the flow</param>
    Task<FlowOperationResult> CreateBlankAsync(string name, FlowEventType triggerEvent);

    /// <summary>
    /// Creates a flow from a template of the library with the shop's own values for its parameters
    /// </summary>
    /// <param name="templateName">Template name (slug)</param>
    /// <param name="name">Flow name</param>
    /// <param name="values">Value of each parameter the template asks for, by parameter key (see <see cref="TemplateParameters"/>)</param>
    Task<FlowOperationResult> CreateFromTemplateAsync(string templateName, string name, IReadOnlyDictionary<string, string> values);

    /// <summary>
    /// Creates a flow from a flow document (the CLI's and the export's dialect). A document that cannot be read is
    /// refused with every problem found and nothing is stored; a readable one with problems becomes a draft that
    /// reports them (a draft is never live)
    /// </summary>
    /// <param name="json">Flow document</param>
    /// <param name="name">Flow name; null keeps the document's</param>
    Task<FlowOperationResult> ImportAsync(string json, string name = null);

    /// <summary>
    /// Creates a draft flow with a copy of another flow's draft
    /// </summary>
    /// <param name="flowId">Flow to copy</param>
    /// <param name="name">Name of the copy</param>
    Task<FlowOperationResult> DuplicateAsync(int flowId, string name);

    /// <summary>
    /// Gets a flow's draft with its revision and problems; null when the flow does not exist
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    Task<FlowDraft> GetDraftAsync(int flowId);

    /// <summary>
    /// Stores a flow's draft, even with problems, unless the draft changed since the caller read it
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="json">New draft document</param>
    /// <param name="expectedRevision">Revision the caller read; null to overwrite whatever is there</param>
    Task<FlowOperationResult> SaveDraftAsync(int flowId, string json, string expectedRevision);

    /// <summary>
    /// Validates a document as a draft of a flow would be validated, storing nothing
    /// </summary>
    /// <param name="flowId">Flow identifier; 0 for a document of no flow yet</param>
    /// <param name="json">Document</param>
    Task<IReadOnlyList<ValidationProblem>> ValidateAsync(int flowId, string json);

    /// <summary>
    /// Publishes the draft as the next version, which new entries go to from then on; runs already in the flow stay
    /// on the version they entered. Refused while the draft has problems
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="expectedRevision">Revision of the draft the admin saw; null to publish whatever is there</param>
    Task<FlowOperationResult> PublishAsync(int flowId, string expectedRevision);

    /// <summary>
    /// Pauses a live flow: no new entries, nothing sent; waiting runs keep their place
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    Task<FlowOperationResult> PauseAsync(int flowId);

    /// <summary>
    /// Resumes a paused flow; runs whose time came during the pause continue spread over a short window, not all at once
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    Task<FlowOperationResult> ResumeAsync(int flowId);

    /// <summary>
    /// Archives a flow: it takes no one and is kept for its history. Refused while runs are open unless they are ended
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="endOpenRuns">Whether to end the flow's open runs</param>
    Task<FlowOperationResult> ArchiveAsync(int flowId, bool endOpenRuns);

    /// <summary>
    /// Deletes a flow with its versions, runs, statistics and pending pop-ups. Refused while runs are open unless they are ended
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="endOpenRuns">Whether to end the flow's open runs</param>
    Task<FlowOperationResult> DeleteAsync(int flowId, bool endOpenRuns);

    /// <summary>
    /// Gets a flow's document: its draft, or a published version; null when there is none
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="versionNumber">Version number; null for the draft</param>
    Task<string> ExportAsync(int flowId, int? versionNumber = null);

    /// <summary>
    /// Gets a flow's published versions, newest first
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    Task<IList<FlowVersion>> GetVersionsAsync(int flowId);

    /// <summary>
    /// Counts a flow's open runs (running or waiting)
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    Task<int> CountOpenRunsAsync(int flowId);
}
