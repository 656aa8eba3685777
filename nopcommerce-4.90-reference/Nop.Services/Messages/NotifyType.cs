namespace Nop.Services.Messages;

public enum NotifyType
{
    Error,
    Success,
    Warning
}
