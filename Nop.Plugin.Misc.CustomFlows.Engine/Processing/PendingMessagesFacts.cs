using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// A customer's facts plus the messages other runs emitted earlier in the same batch, which the
/// channels have not recorded yet but the message budget must already count.
/// </summary>
internal sealed class PendingMessagesFacts : ICustomerFacts
{
    private readonly ICustomerFacts _inner;
    private readonly List<SentMessage> _messages;

    public PendingMessagesFacts(ICustomerFacts inner)
    {
        _inner = inner;
        _messages = new List<SentMessage>(inner.RecentMessages ?? []);
    }

    public void Add(IEnumerable<FlowEffect> effects)
    {
        foreach (var effect in effects)
        {
            if (effect.Action.IsMessage)
                _messages.Add(new SentMessage(effect.CreatedOnUtc, effect.Action.Channel, effect.Action.IsMarketingMessage, effect.FlowId));
        }
    }

    public int CustomerId => _inner.CustomerId;
    public bool IsRegistered => _inner.IsRegistered;
    public string CountryCode => _inner.CountryCode;
    public string LanguageCode => _inner.LanguageCode;
    public TimeZoneInfo TimeZone => _inner.TimeZone;
    public bool NewsletterSubscribed => _inner.NewsletterSubscribed;
    public int Score => _inner.Score;
    public string FunnelStage => _inner.FunnelStage;
    public DateTime? LastOrderOnUtc => _inner.LastOrderOnUtc;
    public decimal CartValue => _inner.CartValue;
    public IReadOnlyList<SentMessage> RecentMessages => _messages;
    public bool HasTag(string tag) => _inner.HasTag(tag);
    public bool HasRole(string roleSystemName) => _inner.HasRole(roleSystemName);
    public int CountOrders(DateTime? afterUtc) => _inner.CountOrders(afterUtc);
    public decimal SumOrders(DateTime? afterUtc) => _inner.SumOrders(afterUtc);
    public bool Purchased(ProductScope scope, DateTime afterUtc) => _inner.Purchased(scope, afterUtc);
    public bool CartContains(ProductScope scope) => _inner.CartContains(scope);
}
