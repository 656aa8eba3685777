namespace Nop.Web.Framework.Models;

//compile-time stand-in; the paging arithmetic follows the DataTables request (start, length) as nopCommerce documents it
public abstract partial record BaseSearchModel : BaseNopModel, IPagingRequestModel
{
    protected BaseSearchModel()
    {
        Length = 10;
    }

    public int Page => Length > 0 ? Start / Length + 1 : 1;

    public int PageSize => Length > 0 ? Length : 10;

    public string AvailablePageSizes { get; set; }

    public string Draw { get; set; }

    public int Start { get; set; }

    public int Length { get; set; }

    public virtual void SetGridPageSize()
    {
        SetGridPageSize(15, "15, 50, 100");
    }

    public virtual void SetGridPageSize(int pageSize, string availablePageSizes = null)
    {
        Start = 0;
        Length = pageSize;
        AvailablePageSizes = availablePageSizes;
    }
}
