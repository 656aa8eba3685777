using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public partial interface IInSchemaSyntax : IFluentSyntax
{
}
