namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
        PermissionNames = new List<string>();
        Visible = true;
    }

    public AdminMenuItem GetItemBySystemName(string systemName) => throw null!;

    public bool ContainsSystemName(string systemName) => throw null!;

    public virtual bool InsertAfter(string itemSystemName, AdminMenuItem newMenuItem) => throw null!;

    public virtual bool InsertBefore(string itemSystemName, AdminMenuItem newMenuItem) => throw null!;

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public IList<string> PermissionNames { get; set; }

    public string IconClass { get; set; }

    public bool Visible { get; set; }

    public bool OpenUrlInNewTab { get; set; }
}
