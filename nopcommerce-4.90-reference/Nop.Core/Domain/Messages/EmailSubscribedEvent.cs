namespace Nop.Core.Domain.Messages;

public partial class EmailSubscribedEvent
{
    public EmailSubscribedEvent(NewsLetterSubscription subscription)
    {
        Subscription = subscription;
    }

    public NewsLetterSubscription Subscription { get; }

    public bool Equals(EmailSubscribedEvent other) => other is not null && other.Subscription?.Id == Subscription?.Id;

    public override bool Equals(object obj) => obj is EmailSubscribedEvent other && Equals(other);

    public override int GetHashCode() => Subscription?.Id.GetHashCode() ?? 0;
}
