using Nop.Core.Domain.Discounts;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Services.Discounts;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Coupons;

/// <summary>
/// Creates a personal coupon as a real nopCommerce discount on the order total: percentage or amount, a unique random
/// code, usable once in total, from now until the step's validity ends. The code is returned in the result and kept
/// in the action log, where later e-mails of the same run find it as %CustomFlows.CouponCode%.
/// </summary>
/// <remarks>
/// The step's minimum order total is not applied: nopCommerce 4.90 has no built-in requirement rule for it (its
/// requirements are separate plugins with their own settings), so it is reported in the result instead.
/// </remarks>
public class PersonalCouponChannel : IFlowActionChannel
{
    #region Fields

    private const int MaxCodeAttempts = 5;

    private readonly CustomFlowsSettings _settings;
    private readonly IDiscountService _discountService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PersonalCouponChannel(CustomFlowsSettings settings, IDiscountService discountService, TimeProvider timeProvider)
    {
        _settings = settings;
        _discountService = discountService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The discount's name carries the action's key, so an interrupted attempt finds its discount again
    /// </summary>
    private string NameOf(FlowActionRequest request) =>
        $"{(string.IsNullOrWhiteSpace(_settings.CouponNamePrefix) ? "Custom Flows coupon" : _settings.CouponNamePrefix.Trim())} {request.Effect.IdempotencyKey}";

    private async Task<string> CreateUniqueCodeAsync()
    {
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = CouponCodeGenerator.Create();
            var taken = await _discountService.GetAllDiscountsAsync(couponCode: code, showHidden: true, isActive: null);
            if (taken.Count == 0)
                return code;
        }

        throw new InvalidOperationException("Could not find an unused coupon code");
    }

    private static FlowActionResult ResultOf(Discount discount) =>
        FlowActionResult.Succeeded($"Coupon {discount.CouponCode} created, valid until {discount.EndDateUtc:u}") with
        {
            DiscountId = discount.Id,
            CouponCode = discount.CouponCode
        };

    #endregion

    #region Methods

    /// <inheritdoc />
    public FlowChannel GetLogChannel(FlowAction action) => action is CreateCouponAction ? FlowChannel.Coupon : FlowChannel.None;

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowActionRequest request)
    {
        var action = (CreateCouponAction)request.Action;

        if (action.Percent.HasValue == action.Amount.HasValue)
            return FlowActionResult.Failed("A coupon needs either a percentage or an amount");
        if (action.Percent is <= 0 or > 100)
            return FlowActionResult.Failed($"{action.Percent}% is not a percentage between 0 and 100");
        if (action.Amount is <= 0)
            return FlowActionResult.Failed($"{action.Amount} is not a positive amount");
        if (!FlowDuration.TryParse(action.ValidFor, out var validFor) || validFor <= TimeSpan.Zero)
            return FlowActionResult.Failed($"'{action.ValidFor}' is not a validity period");

        var nowUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var effect = request.Effect;
        var discount = new Discount
        {
            Name = NameOf(request),
            AdminComment = $"Personal coupon of customer #{effect.CustomerId}, flow {effect.FlowId} v{effect.FlowVersion}, run {effect.RunId}, step {effect.NodeId}",
            DiscountType = DiscountType.AssignedToOrderTotal,
            UsePercentage = action.Percent.HasValue,
            DiscountPercentage = action.Percent ?? 0,
            DiscountAmount = action.Amount ?? 0,
            MaximumDiscountAmount = action.Percent.HasValue ? action.MaxDiscountAmount : null,
            StartDateUtc = nowUtc,
            EndDateUtc = nowUtc + validFor,
            RequiresCouponCode = true,
            CouponCode = await CreateUniqueCodeAsync(),
            IsCumulative = false,
            //single use: nopCommerce counts the uses of the discount in paid and unpaid orders
            DiscountLimitation = DiscountLimitationType.NTimesOnly,
            LimitationTimes = 1,
            IsActive = true
        };
        await _discountService.InsertDiscountAsync(discount);

        return ResultOf(discount);
    }

    /// <inheritdoc />
    public async Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc)
    {
        var name = NameOf(request);
        var discounts = await _discountService.GetAllDiscountsAsync(discountName: name, showHidden: true, isActive: null);
        var discount = discounts.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));

        return discount is null ? null : ResultOf(discount);
    }

    #endregion
}
