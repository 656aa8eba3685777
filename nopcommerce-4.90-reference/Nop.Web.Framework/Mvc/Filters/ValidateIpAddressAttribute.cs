using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Mvc.Filters;

public sealed partial class ValidateIpAddressAttribute : TypeFilterAttribute
{
    public ValidateIpAddressAttribute() : base(typeof(object))
    {
    }
}
