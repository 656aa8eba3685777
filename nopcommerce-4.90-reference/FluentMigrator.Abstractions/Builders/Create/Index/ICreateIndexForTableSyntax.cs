using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index;

public partial interface ICreateIndexForTableSyntax : IFluentSyntax
{
    ICreateIndexOnColumnOrInSchemaSyntax OnTable(string tableName);
}
