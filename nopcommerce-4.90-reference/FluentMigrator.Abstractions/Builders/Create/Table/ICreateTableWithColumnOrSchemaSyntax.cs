namespace FluentMigrator.Builders.Create.Table;

public partial interface ICreateTableWithColumnOrSchemaSyntax : ICreateTableWithColumnSyntax
{
}
