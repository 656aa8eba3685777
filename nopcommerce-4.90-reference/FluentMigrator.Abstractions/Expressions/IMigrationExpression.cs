namespace FluentMigrator.Expressions;

public partial interface IMigrationExpression
{
}
