using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

/// <summary>
/// Where, when and how often a pop-up appears on the storefront.
/// </summary>
public sealed class PopupDisplay
{
    /// <summary>
    /// How many page views show a pop-up the customer neither clicks nor closes, when the flow does not say.
    /// </summary>
    public const int DefaultMaxShows = 3;

    /// <summary>
    /// The most page views a flow may ask for.
    /// </summary>
    public const int MaxShowsLimit = 20;

    /// <summary>
    /// The longest delay a flow may ask for, in seconds.
    /// </summary>
    public const int MaxDelaySeconds = 600;

    /// <summary>
    /// Time between two shows when the flow does not say.
    /// </summary>
    public static readonly TimeSpan DefaultMinInterval = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The pages it may appear on; empty or missing means every page except checkout.
    /// </summary>
    public List<PopupPage> Pages { get; set; }

    /// <summary>
    /// The moment on the page it appears.
    /// </summary>
    public PopupMoment Show { get; set; }

    /// <summary>
    /// Seconds on the page before it appears, for <see cref="PopupMoment.AfterDelay"/>.
    /// </summary>
    public int? DelaySeconds { get; set; }

    /// <summary>
    /// How far down the page, in percent, the customer scrolls before it appears, for <see cref="PopupMoment.OnScroll"/>.
    /// </summary>
    public int? ScrollPercent { get; set; }

    /// <summary>
    /// On how many page views it appears at most while the customer neither clicks nor closes it; then it is dropped.
    /// </summary>
    public int? MaxShows { get; set; }

    /// <summary>
    /// The least time between two appearances, as a duration ("30m"); "0m" allows every page view.
    /// </summary>
    public string MinInterval { get; set; }

    /// <summary>
    /// Whether a page of this kind may show the pop-up.
    /// </summary>
    /// <param name="page">The page being viewed</param>
    public bool Allows(PopupPage page) => Pages is { Count: > 0 } ? Pages.Contains(page) : page != PopupPage.Checkout;

    /// <summary>
    /// The page views it may appear on, the default filled in.
    /// </summary>
    public int EffectiveMaxShows => MaxShows ?? DefaultMaxShows;

    /// <summary>
    /// The least time between two appearances, the default filled in (also for a value that is not a duration).
    /// </summary>
    public TimeSpan EffectiveMinInterval => MinInterval != null && FlowDuration.TryParse(MinInterval, out var interval) && interval >= TimeSpan.Zero
        ? interval
        : DefaultMinInterval;
}

/// <summary>
/// Kinds of storefront page a pop-up can be limited to.
/// </summary>
public enum PopupPage
{
    /// <summary>The home page.</summary>
    Home,

    /// <summary>A product's page.</summary>
    Product,

    /// <summary>A category, manufacturer, vendor or tag listing.</summary>
    Category,

    /// <summary>Search results.</summary>
    Search,

    /// <summary>The shopping cart.</summary>
    Cart,

    /// <summary>Any step of checkout; never unless listed.</summary>
    Checkout,

    /// <summary>The customer's account pages.</summary>
    Account,

    /// <summary>Every other page (topics, blog, contact, ...).</summary>
    Other
}

/// <summary>
/// When on the page a pop-up appears.
/// </summary>
public enum PopupMoment
{
    /// <summary>As soon as the page has loaded.</summary>
    OnLoad,

    /// <summary>After <see cref="PopupDisplay.DelaySeconds"/> on the page.</summary>
    AfterDelay,

    /// <summary>When the customer has scrolled <see cref="PopupDisplay.ScrollPercent"/> of the page.</summary>
    OnScroll,

    /// <summary>When the pointer leaves the page towards the browser's tabs or address bar (on touch screens: after a while on the page).</summary>
    OnExitIntent
}
