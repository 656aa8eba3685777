using Moq;
using Nop.Core.Domain.Discounts;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Coupons;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class PersonalCouponChannelTests
{
    [Test]
    public async Task A_percentage_coupon_is_a_single_use_order_discount_with_a_code_from_now_until_it_expires()
    {
        var shop = new TestShop();

        var result = await shop.CouponChannel.PerformAsync(TestShop.Request(new CreateCouponAction { Percent = 15, ValidFor = "14d" }));

        var discount = shop.Discounts.Table.Single();
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That((result.DiscountId, result.CouponCode), Is.EqualTo((discount.Id, discount.CouponCode)));
        Assert.That(discount.DiscountType, Is.EqualTo(DiscountType.AssignedToOrderTotal));
        Assert.That((discount.UsePercentage, discount.DiscountPercentage), Is.EqualTo((true, 15m)));
        Assert.That(discount.RequiresCouponCode, Is.True);
        Assert.That((discount.DiscountLimitation, discount.LimitationTimes), Is.EqualTo((DiscountLimitationType.NTimesOnly, 1)));
        Assert.That(discount.StartDateUtc, Is.EqualTo(shop.Clock.UtcNow));
        Assert.That(discount.EndDateUtc, Is.EqualTo(shop.Clock.UtcNow.AddDays(14)));
        Assert.That(discount.IsActive, Is.True);
        Assert.That(discount.IsCumulative, Is.False);
        Assert.That(discount.Name, Is.EqualTo("Custom Flows coupon 41:step-1:1"));
    }

    [Test]
    public async Task An_amount_coupon_takes_a_fixed_sum_off()
    {
        var shop = new TestShop();

        await shop.CouponChannel.PerformAsync(TestShop.Request(new CreateCouponAction { Amount = 20, ValidFor = "2d" }));

        var discount = shop.Discounts.Table.Single();
        Assert.That((discount.UsePercentage, discount.DiscountAmount), Is.EqualTo((false, 20m)));
    }

    [Test]
    public async Task Codes_are_readable_random_and_different_for_each_coupon()
    {
        var shop = new TestShop();
        var channel = shop.CouponChannel;

        for (var i = 0; i < 20; i++)
            await channel.PerformAsync(TestShop.Request(new CreateCouponAction { Percent = 5, ValidFor = "1d" }, nodeId: $"c{i}"));

        var codes = shop.Discounts.Table.Select(d => d.CouponCode).ToList();
        Assert.That(codes.Distinct().Count(), Is.EqualTo(20));
        Assert.That(codes, Has.All.Length.EqualTo(CouponCodeGenerator.Length));
        Assert.That(string.Concat(codes).Except(CouponCodeGenerator.Alphabet), Is.Empty);
        Assert.That(CouponCodeGenerator.Alphabet.Intersect("0O1IL"), Is.Empty, "no characters that look alike");
    }

    [Test]
    public async Task A_code_already_used_by_another_discount_is_not_given_out()
    {
        //given every code the shop could draw next is taken (one collision), the channel draws again
        var shop = new TestShop();
        var taken = new HashSet<string>();
        var first = true;
        shop.DiscountService
            .Setup(s => s.GetAllDiscountsAsync(It.IsAny<DiscountType?>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<bool?>(), It.IsAny<int>()))
            .ReturnsAsync((DiscountType? _, string code, string _, bool _, DateTime? _, DateTime? _, bool? _, int _) =>
            {
                if (first && code != null)
                {
                    first = false;
                    taken.Add(code);
                    return [new Discount { CouponCode = code }];
                }

                return [];
            });

        var result = await shop.CouponChannel.PerformAsync(TestShop.Request(new CreateCouponAction { Percent = 5, ValidFor = "1d" }));

        Assert.That(taken, Has.Count.EqualTo(1));
        Assert.That(result.CouponCode, Is.Not.AnyOf(taken.ToArray()));
    }

    [TestCase(null, null, "7d")]
    [TestCase(10, 5, "7d")]
    [TestCase(0, null, "7d")]
    [TestCase(120, null, "7d")]
    [TestCase(null, -5, "7d")]
    [TestCase(10, null, "forever")]
    [TestCase(10, null, null)]
    public async Task An_incomplete_coupon_step_creates_no_discount(double? percent, double? amount, string validFor)
    {
        var shop = new TestShop();

        var result = await shop.CouponChannel.PerformAsync(TestShop.Request(new CreateCouponAction
        {
            Percent = (decimal?)percent, Amount = (decimal?)amount, ValidFor = validFor
        }));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(shop.Discounts.Table, Is.Empty);
    }

    [Test]
    public async Task A_percentage_coupon_is_capped_at_the_maximum_discount_amount()
    {
        var shop = new TestShop();

        var result = await shop.CouponChannel.PerformAsync(TestShop.Request(new CreateCouponAction { Percent = 20, ValidFor = "7d", MaxDiscountAmount = 50 }));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        var discount = shop.Discounts.Table.Single();
        Assert.That((discount.UsePercentage, discount.DiscountPercentage, discount.MaximumDiscountAmount), Is.EqualTo((true, 20m, (decimal?)50m)));
    }

    [Test]
    public async Task A_coupon_created_before_a_crash_is_found_again_with_its_code_and_not_created_twice()
    {
        //given an attempt that created the discount and died before recording it
        var shop = new TestShop();
        var effect = TestShop.Effect(new CreateCouponAction { Percent = 10, ValidFor = "7d" });
        await shop.ActionLogs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = effect.IdempotencyKey, FlowRunId = 41, NodeId = effect.NodeId, CustomerId = TestShop.CustomerId,
            Channel = FlowChannel.Coupon, Status = FlowActionStatus.Pending, CreatedOnUtc = shop.Clock.UtcNow
        });
        var lost = await shop.CouponChannel.PerformAsync(new FlowActionRequest(effect, FlowActionContext.Empty));

        //when the run is retried after the unfinished-action wait
        shop.Clock.Advance(TimeSpan.FromHours(1));
        var result = await shop.CreateExecutor().PerformAsync(effect);

        //then the same coupon is the result, and later e-mails of the run find its code in the log
        Assert.That(shop.Discounts.Table.Count(), Is.EqualTo(1));
        Assert.That(result.CouponCode, Is.EqualTo(lost.CouponCode));
        Assert.That(FlowActionResult.FromLog(shop.ActionLogs.Table.Single()).CouponCode, Is.EqualTo(lost.CouponCode));
    }
}
