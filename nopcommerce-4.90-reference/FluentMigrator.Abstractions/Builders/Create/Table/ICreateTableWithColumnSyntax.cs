using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Table;

public partial interface ICreateTableWithColumnSyntax : IFluentSyntax
{
    ICreateTableColumnAsTypeSyntax WithColumn(string name);
}
