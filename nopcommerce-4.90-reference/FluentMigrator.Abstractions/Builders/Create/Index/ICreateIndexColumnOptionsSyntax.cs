using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index;

public partial interface ICreateIndexColumnOptionsSyntax : IFluentSyntax
{
    ICreateIndexMoreColumnOptionsSyntax Ascending();
}
