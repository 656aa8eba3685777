using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks a product scope.
/// </summary>
internal static class ScopeRules
{
    public static void Check(ProductScope scope, RuleContext context, string nodeId, string path)
    {
        if (scope == null)
            return;

        switch (scope.Kind)
        {
            case ProductScopeKind.Any when scope.Id != null:
                context.Invalid("A scope of any product takes no id.", nodeId, path + ".id");
                break;
            case ProductScopeKind.Product or ProductScopeKind.Category when scope.Id is null or <= 0:
                context.Missing($"The {(scope.Kind == ProductScopeKind.Product ? "product" : "category")} id (a positive number)", nodeId, path + ".id");
                break;
        }

        if (scope.IncludeSubcategories && scope.Kind != ProductScopeKind.Category)
            context.Invalid("includeSubcategories only applies to a category scope.", nodeId, path + ".includeSubcategories");
    }
}
