namespace FluentMigrator.Builders.Create.Index;

public partial interface ICreateIndexOnColumnOrInSchemaSyntax : ICreateIndexOnColumnSyntax
{
}
