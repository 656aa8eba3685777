namespace FluentMigrator.Builders.Create.Column;

public partial interface ICreateColumnOptionSyntax : IColumnOptionSyntax<ICreateColumnOptionSyntax, ICreateColumnOptionOrForeignKeyCascadeSyntax>
{
    ICreateColumnOptionSyntax SetExistingRowsTo(object value);
}
