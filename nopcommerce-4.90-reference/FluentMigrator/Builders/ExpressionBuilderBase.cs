using FluentMigrator.Expressions;

namespace FluentMigrator.Builders;

public abstract partial class ExpressionBuilderBase<T> where T : class, IMigrationExpression
{
}
