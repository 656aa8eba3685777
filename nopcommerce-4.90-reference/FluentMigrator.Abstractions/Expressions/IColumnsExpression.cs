namespace FluentMigrator.Expressions;

public partial interface IColumnsExpression
{
}
