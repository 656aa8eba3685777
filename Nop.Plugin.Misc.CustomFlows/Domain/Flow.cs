using Nop.Core;
using Nop.Core.Domain.Stores;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// A marketing-automation flow as the shop admin sees it in the list; its steps live in <see cref="FlowVersion"/>
/// </summary>
public partial class Flow : BaseEntity, IStoreMappingSupported
{
    /// <summary>
    /// Gets or sets the name shown to the admin
    /// </summary>
    public string Name { get; set; }

    /// <summary>
    /// Gets or sets the admin's note on what the flow is for
    /// </summary>
    public string Description { get; set; }

    /// <summary>
    /// Gets or sets the status identifier (see <see cref="FlowStatus"/>)
    /// </summary>
    public int StatusId { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the version new runs enter; null until the first publish
    /// </summary>
    public int? PublishedVersionId { get; set; }

    /// <summary>
    /// Gets or sets the priority: when several flows match one event and guardrails allow only one, the highest wins
    /// </summary>
    public int Priority { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the flow is limited to the stores in nopCommerce's store mapping
    /// </summary>
    public bool LimitedToStores { get; set; }

    /// <summary>
    /// Gets or sets the date and time of creation
    /// </summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the date and time of the last change
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the status
    /// </summary>
    public FlowStatus Status
    {
        get => (FlowStatus)StatusId;
        set => StatusId = (int)value;
    }
}
