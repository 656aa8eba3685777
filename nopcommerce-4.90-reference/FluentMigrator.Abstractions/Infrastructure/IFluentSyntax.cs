namespace FluentMigrator.Infrastructure;

public partial interface IFluentSyntax
{
}
