using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Schema.Column;

public partial interface ISchemaColumnSyntax : IFluentSyntax
{
    bool Exists();
}
