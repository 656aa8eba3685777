namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// A customer's date came round: <paramref name="DateValue"/> is the date itself (e.g. the date of
/// birth), <paramref name="LocalDate"/> the day it is handled on, <paramref name="OffsetDays"/> how far
/// that day is after (+) or before (-) the date this year.
/// </summary>
public record DatePayload(string DateField, DateOnly DateValue, DateOnly LocalDate, int OffsetDays);
