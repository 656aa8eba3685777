using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Schema.Index;

public partial interface ISchemaIndexSyntax : IFluentSyntax
{
    bool Exists();
}
