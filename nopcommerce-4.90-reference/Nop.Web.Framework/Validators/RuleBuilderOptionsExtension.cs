using FluentValidation;

namespace Nop.Web.Framework.Validators;

//compile-time stand-in: the shop runs nopCommerce's own; this one resolves the message when it is needed
public static partial class RuleBuilderOptionsExtension
{
    public static IRuleBuilderOptions<T, TProperty> WithMessageAwait<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<Task<string>> errorMessage) =>
        rule.WithMessage(_ => errorMessage().GetAwaiter().GetResult());
}
