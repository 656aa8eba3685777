using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// One immutable published definition of a flow (runs stay pinned to the version they entered), or the flow's
/// one editable draft (<see cref="DraftVersionNumber"/>)
/// </summary>
public partial class FlowVersion : BaseEntity
{
    /// <summary>
    /// Number of the row that holds a flow's editable draft; published versions count from 1
    /// </summary>
    public const int DraftVersionNumber = 0;

    /// <summary>
    /// Gets or sets the flow identifier
    /// </summary>
    public int FlowId { get; set; }

    /// <summary>
    /// Gets or sets the version number, counting from 1 within the flow
    /// </summary>
    public int VersionNumber { get; set; }

    /// <summary>
    /// Gets or sets the flow definition (nodes and edges) as JSON
    /// </summary>
    public string DefinitionJson { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the customer (admin) who created the version
    /// </summary>
    public int CreatedByCustomerId { get; set; }

    /// <summary>
    /// Gets or sets the date and time of creation
    /// </summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the date and time of publishing; null while the version is not published
    /// </summary>
    public DateTime? PublishedOnUtc { get; set; }
}
