namespace Nop.Services.Catalog;

public partial interface IPriceFormatter
{
    Task<string> FormatPriceAsync(decimal price, bool showCurrency, bool showTax);
}
