using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public abstract partial class ExpressionBuilderWithColumnTypesBase<TExpression, TNext> : ExpressionBuilderBase<TExpression>, IColumnTypeSyntax<TNext> where TExpression : class, IMigrationExpression where TNext : IFluentSyntax
{
    public TNext AsBoolean() => throw null!;

    public TNext AsDateTime2() => throw null!;

    public TNext AsDecimal(int size, int precision) => throw null!;

    public TNext AsInt32() => throw null!;

    public TNext AsString(int size) => throw null!;
}
