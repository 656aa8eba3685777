using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create;

public partial interface ICreateExpressionRoot : IFluentSyntax
{
    ICreateIndexForTableSyntax Index(string indexName);
}
