namespace FluentMigrator.Expressions;

public partial interface ISchemaExpression
{
}
