using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Column;

public partial interface ICreateColumnOnTableSyntax : IFluentSyntax
{
    ICreateColumnAsTypeOrInSchemaSyntax OnTable(string name);
}
