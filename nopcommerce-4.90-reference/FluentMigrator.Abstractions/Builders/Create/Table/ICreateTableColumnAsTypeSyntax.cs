namespace FluentMigrator.Builders.Create.Table;

public partial interface ICreateTableColumnAsTypeSyntax : IColumnTypeSyntax<ICreateTableColumnOptionOrWithColumnSyntax>
{
}
