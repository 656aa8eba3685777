using FluentValidation;

namespace Nop.Web.Framework.Validators;

public abstract partial class BaseNopValidator<TModel> : AbstractValidator<TModel> where TModel : class
{
}
