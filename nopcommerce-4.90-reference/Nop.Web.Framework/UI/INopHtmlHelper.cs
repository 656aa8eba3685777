namespace Nop.Web.Framework.UI;

public partial interface INopHtmlHelper
{
    void AddTitleParts(string part);

    void SetActiveMenuItemSystemName(string systemName);

    string GetActiveMenuItemSystemName();
}
