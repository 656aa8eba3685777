using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates;

/// <summary>
/// The tokens template texts use. nopCommerce's own tokens (customer, store) come from its token
/// provider; the CustomFlows ones the shop adapter must provide from the run (cart, coupon, products).
/// </summary>
public static partial class TemplateTokens
{
    /// <summary>nopCommerce tokens the texts use.</summary>
    public static IReadOnlyList<string> NopCommerce { get; } =
    [
        "%Customer.FirstName%",
        "%Store.Name%",
        "%Store.URL%"
    ];

    /// <summary>Tokens the plugin provides, with what each stands for.</summary>
    public static IReadOnlyDictionary<string, string> Plugin { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["%CustomFlows.CartItems%"] = "the products in the customer's cart (names, quantities, prices) as an HTML list",
        ["%CustomFlows.CartUrl%"] = "link to the customer's cart that restores it on any device",
        ["%CustomFlows.CouponCode%"] = "the personal discount code the run's last createCoupon step made",
        ["%CustomFlows.CouponValue%"] = "what that code is worth, formatted (\"10%\" or \"20,00 zł\")",
        ["%CustomFlows.CouponExpiresOn%"] = "the last day the code works, as a date in the customer's language",
        ["%CustomFlows.RecommendedProducts%"] = "products picked for the customer (related to what they bought or viewed) as an HTML list",
        ["%CustomFlows.ViewedProducts%"] = "products the customer viewed recently as an HTML list",
        ["%CustomFlows.OrderedProducts%"] = "the products of the order that started the run",
        ["%CustomFlows.CategoryName%"] = "name of the category the trigger is scoped to",
        ["%CustomFlows.CategoryUrl%"] = "link to that category",
        ["%CustomFlows.SubscriptionEndsOn%"] = "the customer's subscription end date (the subscriptionEndsOn date field)",
        ["%CustomFlows.SurveyUrl%"] = "link to the satisfaction survey for this run; answering raises the custom event nps_answered",
        ["%CustomFlows.FeedbackUrl%"] = "link to a short form asking why the customer did not come back",
        ["%CustomFlows.UnsubscribeUrl%"] = "link that withdraws newsletter consent in one click (every marketing e-mail carries it)"
    };

    /// <summary>
    /// The tokens in a text, in order of appearance.
    /// </summary>
    public static IEnumerable<string> In(string text) =>
        text == null ? [] : TokenPattern().Matches(text).Select(m => m.Value);

    /// <summary>
    /// Whether the token is one the texts may use.
    /// </summary>
    public static bool IsKnown(string token) => Plugin.ContainsKey(token) || NopCommerce.Contains(token);

    //a plain compiled pattern rather than a generated one: the engine builds without source generators too (the CLI, the isolation check)
    private static readonly Regex TokenRegex = new(@"%[A-Za-z]+\.[A-Za-z]+%", RegexOptions.Compiled);

    private static Regex TokenPattern() => TokenRegex;
}
