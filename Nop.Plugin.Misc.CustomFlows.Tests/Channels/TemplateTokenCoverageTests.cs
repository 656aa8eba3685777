using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// The template library's texts are installed as message templates; a plugin token they use that the
/// e-mail channel does not fill would reach customers as raw "%CustomFlows...%" text
/// </summary>
[TestFixture]
public class TemplateTokenCoverageTests
{
    [Test]
    public async Task Every_plugin_token_the_template_library_uses_is_filled_by_the_email_channel()
    {
        var shop = new TestShop();
        var tokens = await shop.TokenProvider.GetTokensAsync(
            TestShop.Request(TestShop.MarketingEmail, new FlowActionContext { ProductIds = [100] }), shop.Customer, shop.Stores[0], 1);
        var filled = tokens.Select(token => $"%{token.Key}%").ToHashSet();

        var used = FlowTemplateLibrary.All
            .SelectMany(template => template.Messages)
            .SelectMany(message => new[] { message.En.Title, message.En.Body, message.Pl.Title, message.Pl.Body })
            .SelectMany(TemplateTokens.In)
            .Where(token => token.StartsWith("%CustomFlows.", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.That(used, Is.Not.Empty);
        Assert.That(used.Where(token => !filled.Contains(token)), Is.Empty);
    }

    [Test]
    public async Task Cart_link_and_survey_link_point_into_the_store()
    {
        var shop = new TestShop();
        var tokens = (await shop.TokenProvider.GetTokensAsync(TestShop.Request(TestShop.MarketingEmail), shop.Customer, shop.Stores[0], 1))
            .ToDictionary(token => token.Key, token => token.Value?.ToString());

        Assert.That(tokens["CustomFlows.CartUrl"], Is.EqualTo("https://shop.example/cart"));
        Assert.That(tokens["CustomFlows.SurveyUrl"], Is.EqualTo("https://shop.example/contactus"), "the contact page until a survey address is set");
    }

    [Test]
    public async Task The_subscription_end_is_the_customers_next_ending_recurring_payment()
    {
        var shop = new TestShop();
        //the effect is created on 23 November 2026: a subscription that ended before does not count
        await AddSubscriptionAsync(shop, new DateTime(2025, 1, 1), cycles: 12);
        await AddSubscriptionAsync(shop, new DateTime(2026, 3, 1), cycles: 12);
        await AddSubscriptionAsync(shop, new DateTime(2026, 6, 1), cycles: 12);

        var tokens = (await shop.TokenProvider.GetTokensAsync(TestShop.Request(TestShop.MarketingEmail), shop.Customer, shop.Stores[0], 1))
            .ToDictionary(token => token.Key, token => token.Value?.ToString());

        Assert.That(tokens["CustomFlows.SubscriptionEndsOn"], Is.EqualTo("2027-03-01"));
    }

    [Test]
    public async Task Without_a_subscription_the_end_date_is_empty()
    {
        var shop = new TestShop();

        var tokens = (await shop.TokenProvider.GetTokensAsync(TestShop.Request(TestShop.MarketingEmail), shop.Customer, shop.Stores[0], 1))
            .ToDictionary(token => token.Key, token => token.Value?.ToString());

        Assert.That(tokens["CustomFlows.SubscriptionEndsOn"], Is.Empty);
    }

    private static async Task AddSubscriptionAsync(TestShop shop, DateTime start, int cycles)
    {
        var order = new Nop.Core.Domain.Orders.Order { CustomerId = TestShop.CustomerId, StoreId = TestShop.StoreId };
        await shop.Orders.InsertAsync(order);
        await shop.RecurringPayments.InsertAsync(new Nop.Core.Domain.Orders.RecurringPayment
        {
            InitialOrderId = order.Id, StartDateUtc = start, CyclePeriodId = (int)Nop.Core.Domain.Catalog.RecurringProductCyclePeriod.Months,
            CycleLength = 1, TotalCycles = cycles, IsActive = true
        });
    }
}
