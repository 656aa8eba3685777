using FluentMigrator.Builders.Schema.Column;
using FluentMigrator.Builders.Schema.Index;

namespace FluentMigrator.Builders.Schema.Table;

public partial interface ISchemaTableSyntax
{
    ISchemaColumnSyntax Column(string columnName);

    ISchemaIndexSyntax Index(string indexName);

    bool Exists();
}
