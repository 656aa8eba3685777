namespace FluentMigrator.Builders.Create.Column;

public partial interface ICreateColumnAsTypeSyntax : IColumnTypeSyntax<ICreateColumnOptionSyntax>
{
}
