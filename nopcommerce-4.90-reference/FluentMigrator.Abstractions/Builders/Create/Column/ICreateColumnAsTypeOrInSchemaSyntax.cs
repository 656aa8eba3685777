namespace FluentMigrator.Builders.Create.Column;

public partial interface ICreateColumnAsTypeOrInSchemaSyntax : ICreateColumnAsTypeSyntax
{
    ICreateColumnAsTypeSyntax InSchema(string schemaName);
}
