namespace Nop.Services.Security;

public partial interface IPermissionService
{
    Task<bool> AuthorizeAsync(string permissionRecordSystemName);

    Task InsertPermissionsAsync();

    Task DeletePermissionAsync(string permissionSystemName);
}
