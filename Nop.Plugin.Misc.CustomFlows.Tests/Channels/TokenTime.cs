namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// Times for link tokens in tests that are not about expiry: the test shop's "now" and a moment well within a token's life
/// </summary>
public static class TokenTime
{
    public static DateTime Now { get; } = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    //far enough that services on the real clock read it too
    public static DateTime Later { get; } = Now.AddYears(50);
}
