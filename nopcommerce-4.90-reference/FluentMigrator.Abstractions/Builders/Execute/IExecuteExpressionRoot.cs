using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Execute;

public partial interface IExecuteExpressionRoot : IFluentSyntax
{
    void Sql(string sqlStatement);
}
