namespace Nop.Core.Domain.Messages;

public partial class EmailUnsubscribedEvent
{
    public EmailUnsubscribedEvent(NewsLetterSubscription subscription)
    {
        Subscription = subscription;
    }

    public NewsLetterSubscription Subscription { get; }

    public bool Equals(EmailUnsubscribedEvent other) => other is not null && other.Subscription?.Id == Subscription?.Id;

    public override bool Equals(object obj) => obj is EmailUnsubscribedEvent other && Equals(other);

    public override int GetHashCode() => Subscription?.Id.GetHashCode() ?? 0;
}
