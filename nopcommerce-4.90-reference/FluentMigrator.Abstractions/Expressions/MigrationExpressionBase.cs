namespace FluentMigrator.Expressions;

public abstract partial class MigrationExpressionBase : IMigrationExpression
{
}
