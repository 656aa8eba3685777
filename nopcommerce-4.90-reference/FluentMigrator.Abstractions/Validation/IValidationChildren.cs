namespace FluentMigrator.Validation;

public partial interface IValidationChildren
{
}
