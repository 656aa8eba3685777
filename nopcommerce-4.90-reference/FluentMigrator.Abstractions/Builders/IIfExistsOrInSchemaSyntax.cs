namespace FluentMigrator.Builders;

public partial interface IIfExistsOrInSchemaSyntax : IInSchemaSyntax
{
}
