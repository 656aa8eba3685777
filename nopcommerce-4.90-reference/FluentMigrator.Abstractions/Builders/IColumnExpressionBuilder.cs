using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public partial interface IColumnExpressionBuilder : IFluentSyntax
{
}
