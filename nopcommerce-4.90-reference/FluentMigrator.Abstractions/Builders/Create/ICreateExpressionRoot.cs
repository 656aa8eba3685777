using FluentMigrator.Builders.Create.Column;
using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create;

public partial interface ICreateExpressionRoot : IFluentSyntax
{
    ICreateColumnOnTableSyntax Column(string columnName);

    ICreateIndexForTableSyntax Index(string indexName);
}
