using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class FlowEmailChannelTests
{
    private static async Task<QueuedEmail> SendAsync(TestShop shop, SendEmailAction action = null, FlowActionContext context = null)
    {
        var result = await shop.EmailChannel.PerformAsync(TestShop.Request(action ?? TestShop.MarketingEmail, context));
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded), result.Message);

        var email = shop.QueuedEmails.Table.Single();
        Assert.That(result.QueuedEmailId, Is.EqualTo(email.Id));
        return email;
    }

    [Test]
    public async Task A_marketing_email_is_queued_from_the_default_account_to_the_customer_at_low_priority()
    {
        var shop = new TestShop();

        var email = await SendAsync(shop);

        Assert.That((email.To, email.ToName), Is.EqualTo((TestShop.CustomerEmail, "Anna Nowak")));
        Assert.That((email.EmailAccountId, email.From, email.FromName), Is.EqualTo((1, "shop@shop.example", "Test shop")));
        Assert.That(email.Priority, Is.EqualTo(QueuedEmailPriority.Low));
        Assert.That(email.CreatedOnUtc, Is.EqualTo(shop.Clock.UtcNow));
        Assert.That(email.DontSendBeforeDateUtc, Is.Null);
    }

    [Test]
    public async Task The_templates_own_email_account_wins_over_the_default()
    {
        var shop = new TestShop();
        shop.Templates[0].EmailAccountId = 2;

        var email = await SendAsync(shop);

        Assert.That((email.EmailAccountId, email.From), Is.EqualTo((2, "news@shop.example")));
    }

    [Test]
    public async Task A_marketing_email_needs_an_active_subscription_in_the_runs_store()
    {
        //given the customer subscribed in another store and unsubscribed in this one
        var shop = new TestShop();
        shop.Subscriptions.Clear();
        shop.Subscriptions.Add(new NewsLetterSubscription { Email = TestShop.CustomerEmail, StoreId = 2, Active = true });
        shop.Subscriptions.Add(new NewsLetterSubscription { Email = TestShop.CustomerEmail, StoreId = TestShop.StoreId, Active = false });

        var result = await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Skipped));
        Assert.That(result.Message, Does.Contain("consent"));
        Assert.That(shop.QueuedEmails.Table, Is.Empty);
        var seen = CustomerConsentSnapshot.Read(shop.CustomerStates.Table.Single().ConsentJson);
        Assert.That((seen[TestShop.StoreId].MarketingEmail, seen[TestShop.StoreId].Source, seen[TestShop.StoreId].SeenOnUtc),
            Is.EqualTo((false, CustomerConsentSnapshot.NEWSLETTER, shop.Clock.UtcNow)), "the admin sees why nothing was sent");
    }

    [Test]
    public async Task The_consent_a_marketing_email_went_out_under_is_kept_per_store_and_only_changes_when_it_changes()
    {
        var shop = new TestShop();
        await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail, nodeId: "mail-1"));
        var firstSeen = shop.Clock.UtcNow;
        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail, nodeId: "mail-2"));

        var seen = CustomerConsentSnapshot.Read(shop.CustomerStates.Table.Single().ConsentJson);
        Assert.That(seen.Keys, Is.EqualTo(new[] { TestShop.StoreId }));
        Assert.That((seen[TestShop.StoreId].MarketingEmail, seen[TestShop.StoreId].SeenOnUtc), Is.EqualTo((true, firstSeen)));
    }

    [Test]
    public async Task A_transactional_email_goes_without_newsletter_consent_at_high_priority()
    {
        var shop = new TestShop();
        shop.Subscriptions.Clear();

        var email = await SendAsync(shop, new SendEmailAction { Template = TestShop.Template, Category = EmailCategory.Transactional });

        Assert.That(email.Priority, Is.EqualTo(QueuedEmailPriority.High));
    }

    [Test]
    public async Task Subject_and_body_are_in_the_customers_language_with_nopcommerce_and_plugin_tokens()
    {
        //given a Polish translation of the template for the customer's language (2)
        var shop = new TestShop();
        shop.Translations[("MessageTemplate", 1, 2, "Subject")] = "Twój koszyk w %Store.Name%";
        shop.Translations[("MessageTemplate", 1, 2, "Body")] = "<p>Cześć %Customer.FullName%</p>%CustomFlows.CartItems%";
        shop.Translations[("Product", 100, 2, "Name")] = "Czerwone <buty>";

        var email = await SendAsync(shop);

        Assert.That(email.Subject, Is.EqualTo("Twój koszyk w Test shop"));
        Assert.That(email.Body, Does.StartWith("<p>Cześć Anna Nowak</p><ul class=\"custom-flows-products\"><li><a href=\""));
        Assert.That(email.Body, Does.Contain(">Czerwone &lt;buty&gt;</a> &times; 2</li>"), "product names are HTML-encoded and quantities shown");
    }

    [Test]
    public async Task The_recommended_products_are_those_bought_together_with_the_cart_leaving_out_unpublished_ones()
    {
        var shop = new TestShop();

        var email = await SendAsync(shop);

        Assert.That(email.Body, Does.Contain(">Shoe polish</a></li><li>"));
        Assert.That(email.Body, Does.Contain(">Socks</a></li></ul>"));
        Assert.That(email.Body, Does.Not.Contain("Old model"));
    }

    [Test]
    public async Task The_viewed_product_comes_from_the_runs_trigger()
    {
        var shop = new TestShop();
        shop.Templates[0].Body = "Still thinking about %CustomFlows.ViewedProduct%?";

        var email = await SendAsync(shop, context: new FlowActionContext { ProductIds = [101] });

        Assert.That(email.Body, Does.StartWith("Still thinking about <a href=\""));
        Assert.That(email.Body, Does.Contain(">Socks</a>?"));
    }

    [Test]
    public void The_runs_trigger_products_become_the_context_with_the_first_as_viewed_product()
    {
        var run = new Nop.Plugin.Misc.CustomFlows.Engine.Runtime.FlowRunState { Trigger = new() { ProductIds = [101, 100] } };

        Assert.That(FlowActionContext.From(run).ProductIds, Is.EqualTo(new[] { 101, 100 }));
        Assert.That(FlowActionContext.From(new Nop.Plugin.Misc.CustomFlows.Engine.Runtime.FlowRunState { Trigger = null }).ProductIds, Is.Empty);
    }

    [Test]
    public async Task The_coupon_created_earlier_in_the_same_run_is_the_coupon_code_token()
    {
        //given the run created a coupon in an earlier step, and another run created another one
        var shop = new TestShop();
        var executor = shop.CreateExecutor();
        var coupon = await executor.PerformAsync(TestShop.Effect(new CreateCouponAction { Percent = 10, ValidFor = "7d" }, nodeId: "coupon"));
        await executor.PerformAsync(TestShop.Effect(new CreateCouponAction { Percent = 10, ValidFor = "7d" }, runId: 99, nodeId: "coupon"));
        shop.Templates[0].Body = "Your code: %CustomFlows.CouponCode%";

        //when the run's e-mail step is performed
        await executor.PerformAsync(TestShop.Effect(TestShop.MarketingEmail, nodeId: "email"));

        //then the e-mail shows this run's code
        Assert.That(coupon.CouponCode, Is.Not.Empty);
        Assert.That(shop.QueuedEmails.Table.Single().Body, Does.StartWith($"Your code: {coupon.CouponCode}<!--"));
    }

    [Test]
    public async Task Links_are_tracked_except_the_unsubscribe_link_and_the_open_pixel_is_signed()
    {
        var shop = new TestShop();

        var email = await SendAsync(shop);

        var clickLinks = System.Text.RegularExpressions.Regex.Matches(email.Body, "href=\"https://shop.example/customflows/click\\?token=([^\"]+)\"");
        var unsubscribe = System.Text.RegularExpressions.Regex.Match(email.Body, "href=\"(https://shop.example/customflows/unsubscribe\\?token=([^\"]+))\"");
        var pixel = System.Text.RegularExpressions.Regex.Match(email.Body, "<img src=\"https://shop.example/customflows/open\\?token=([^\"]+)\"");

        Assert.That(unsubscribe.Success, Is.True, "the unsubscribe link goes straight to its page");
        Assert.That(FlowLinkToken.TryRead(shop.Settings.LinkSigningKey, FlowLinkToken.Unsubscribe, unsubscribe.Groups[2].Value, TokenTime.Now, out var who), Is.True);
        Assert.That(who, Is.EqualTo(new[] { "1", "7", TestShop.CustomerEmail }));

        Assert.That(pixel.Success, Is.True);
        Assert.That(FlowLinkToken.TryRead(shop.Settings.LinkSigningKey, FlowLinkToken.Open, pixel.Groups[1].Value, TokenTime.Now, out var opened), Is.True);
        Assert.That(opened, Is.EqualTo(new[] { "1", "41:step-1:1" }));

        var targets = clickLinks.Select(link =>
        {
            Assert.That(FlowLinkToken.TryRead(shop.Settings.LinkSigningKey, FlowLinkToken.Click, System.Net.WebUtility.HtmlDecode(link.Groups[1].Value), TokenTime.Now, out var parts), Is.True);
            Assert.That(parts[1], Is.EqualTo("41:step-1:1"));
            return parts[2];
        }).ToList();
        Assert.That(targets, Does.Contain("https://shop.example/cart?a=1&b=2"), "the target is the decoded address the customer would have opened");
        Assert.That(targets, Does.Contain("https://shop.example/product-102"), "product links are tracked too");
        Assert.That(email.Body, Does.Not.Contain("href=\"https://shop.example/cart"));
    }

    [Test]
    public async Task The_templates_delay_holds_the_email_in_the_queue()
    {
        var shop = new TestShop();
        shop.Templates[0].DelayBeforeSend = 2;
        shop.Templates[0].DelayPeriod = MessageDelayPeriod.Days;

        var email = await SendAsync(shop);

        Assert.That(email.DontSendBeforeDateUtc, Is.EqualTo(shop.Clock.UtcNow.AddDays(2)));
    }

    [Test]
    public async Task A_missing_template_fails_and_an_inactive_one_is_skipped()
    {
        var shop = new TestShop();

        var missing = await shop.EmailChannel.PerformAsync(TestShop.Request(new SendEmailAction { Template = "No.Such.Template" }));
        shop.Templates[0].IsActive = false;
        var inactive = await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail));

        Assert.That(missing.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(missing.Message, Does.Contain("No.Such.Template"));
        Assert.That(inactive.Status, Is.EqualTo(FlowActionStatus.Skipped));
        Assert.That(shop.QueuedEmails.Table, Is.Empty);
    }

    [Test]
    public async Task A_customer_without_an_email_address_is_skipped()
    {
        var shop = new TestShop();
        shop.Customer.Email = null;

        var result = await shop.EmailChannel.PerformAsync(TestShop.Request(new SendEmailAction { Template = TestShop.Template, Category = EmailCategory.Transactional }));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Skipped));
        Assert.That(shop.QueuedEmails.Table, Is.Empty);
    }

    [Test]
    public async Task An_interrupted_email_is_found_by_its_key_and_not_confused_with_another_steps_email()
    {
        //given the queue holds this customer's e-mail of another step
        var shop = new TestShop();
        var startedOnUtc = shop.Clock.UtcNow;
        await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail, nodeId: "other-step"));

        var beforeSending = await shop.EmailChannel.FindPerformedAsync(TestShop.Request(TestShop.MarketingEmail), startedOnUtc);
        await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail));
        var afterSending = await shop.EmailChannel.FindPerformedAsync(TestShop.Request(TestShop.MarketingEmail), startedOnUtc);

        Assert.That(beforeSending, Is.Null);
        Assert.That(afterSending.QueuedEmailId, Is.EqualTo(shop.QueuedEmails.Table.Max(e => e.Id)));
    }
}
