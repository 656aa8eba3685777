namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

/// <summary>
/// Which products something is about: any, one product, or one category (optionally with its subcategories).
/// </summary>
public sealed class ProductScope
{
    /// <summary>
    /// The kind of scope.
    /// </summary>
    public ProductScopeKind Kind { get; set; } = ProductScopeKind.Any;

    /// <summary>
    /// The product id (for <see cref="ProductScopeKind.Product"/>) or category id (for <see cref="ProductScopeKind.Category"/>).
    /// </summary>
    public int? Id { get; set; }

    /// <summary>
    /// For a category: whether products of its subcategories count too.
    /// </summary>
    public bool IncludeSubcategories { get; set; }
}

/// <summary>
/// Kinds of product scope.
/// </summary>
public enum ProductScopeKind
{
    /// <summary>Any product.</summary>
    Any,

    /// <summary>One product.</summary>
    Product,

    /// <summary>Products of one category.</summary>
    Category
}
