using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// Something that happened in the shop, as the engine sees it: enough to match triggers and waits
/// without asking the shop anything. Arrays rather than lists keep it cheap to build in bulk.
/// </summary>
public sealed class FlowEvent
{
    /// <summary>What happened.</summary>
    public FlowEventType Type { get; set; }

    /// <summary>The customer it happened to.</summary>
    public int CustomerId { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime OccurredOnUtc { get; set; }

    /// <summary>The store it happened in.</summary>
    public int StoreId { get; set; }

    /// <summary>For cart_updated: whether an item was added or removed.</summary>
    public CartChange? CartChange { get; set; }

    /// <summary>Products the event is about (viewed product, cart items, order items).</summary>
    public int[] ProductIds { get; set; } = [];

    /// <summary>Categories those products are directly in.</summary>
    public int[] CategoryIds { get; set; } = [];

    /// <summary>
    /// All parent categories of <see cref="CategoryIds"/>, filled by the shop, so "category with
    /// subcategories" is matched without the engine knowing the catalogue tree.
    /// </summary>
    public int[] AncestorCategoryIds { get; set; } = [];

    /// <summary>Cart value for cart events, order total for order events.</summary>
    public decimal Value { get; set; }

    /// <summary>Total quantity of items in the cart or order.</summary>
    public int Quantity { get; set; }

    /// <summary>For tag_added: the tag.</summary>
    public string Tag { get; set; }

    /// <summary>For custom: the event name.</summary>
    public string EventName { get; set; }

    /// <summary>For date: the customer's date field that came round, e.g. "birthday".</summary>
    public string DateField { get; set; }

    /// <summary>For date: the value of that field (for a birthday, the date of birth).</summary>
    public DateOnly? DateValue { get; set; }

    /// <summary>For date: the customer's local date the daily job ran for.</summary>
    public DateOnly? LocalDate { get; set; }

    /// <summary>For e-mail and pop-up events: the run whose message it was.</summary>
    public long? RunId { get; set; }

    /// <summary>For e-mail and pop-up events: the action node whose message it was.</summary>
    public string NodeId { get; set; }
}
