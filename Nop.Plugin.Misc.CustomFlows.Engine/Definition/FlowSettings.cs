using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// Flow-wide rules applied at entry and to every message the flow sends.
/// </summary>
public sealed class FlowSettings
{
    /// <summary>
    /// Who may enter; checked once, when the trigger fires. Null lets everyone in.
    /// </summary>
    public FlowCondition Audience { get; set; }

    /// <summary>
    /// Whether a customer may enter again.
    /// </summary>
    public ReEntryRule ReEntry { get; set; } = new();

    /// <summary>
    /// Most messages (e-mails and pop-ups) this flow may send one customer in a period; null for no cap.
    /// </summary>
    public MessageLimit FrequencyCap { get; set; }

    /// <summary>
    /// Stores the flow runs in; empty means every store.
    /// </summary>
    public List<int> StoreIds { get; set; } = new();

    /// <summary>
    /// Higher first when one event starts several flows, so the more important flow spends the message budget first.
    /// </summary>
    public int Priority { get; set; }

    /// <summary>
    /// What happens to a message that the shop-wide message budget does not allow now.
    /// </summary>
    public BudgetExceededBehaviour WhenBudgetExceeded { get; set; } = BudgetExceededBehaviour.Postpone;
}

/// <summary>
/// What to do with a message the customer's message budget does not allow now.
/// </summary>
public enum BudgetExceededBehaviour
{
    /// <summary>Wait until the budget allows it, then send.</summary>
    Postpone,

    /// <summary>Do not send it and go on with the next step.</summary>
    Skip
}
