using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete;

public partial interface IDeleteExpressionRoot : IFluentSyntax
{
    IIfExistsOrInSchemaSyntax Table(string tableName);
}
