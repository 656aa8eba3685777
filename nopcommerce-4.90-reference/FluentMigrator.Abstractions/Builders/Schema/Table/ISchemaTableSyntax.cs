using FluentMigrator.Builders.Schema.Index;

namespace FluentMigrator.Builders.Schema.Table;

public partial interface ISchemaTableSyntax
{
    ISchemaIndexSyntax Index(string indexName);

    bool Exists();
}
