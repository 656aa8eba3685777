using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index;

public partial interface ICreateIndexOptionsSyntax : IFluentSyntax
{
    ICreateIndexOnColumnSyntax Unique();
}
