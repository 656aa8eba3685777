using Nop.Core;
using Nop.Core.Domain.Logging;

namespace Nop.Services.Logging;

public partial interface ICustomerActivityService
{
    Task<IList<ActivityLogType>> GetAllActivityTypesAsync();

    Task<ActivityLog> InsertActivityAsync(string systemKeyword, string comment, BaseEntity entity = null);
}
