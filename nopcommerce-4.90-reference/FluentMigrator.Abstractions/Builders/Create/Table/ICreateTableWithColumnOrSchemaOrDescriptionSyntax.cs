namespace FluentMigrator.Builders.Create.Table;

public partial interface ICreateTableWithColumnOrSchemaOrDescriptionSyntax : ICreateTableWithColumnOrSchemaSyntax
{
}
