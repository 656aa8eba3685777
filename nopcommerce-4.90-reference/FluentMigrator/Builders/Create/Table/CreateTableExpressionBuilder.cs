using FluentMigrator.Expressions;

namespace FluentMigrator.Builders.Create.Table;

public partial class CreateTableExpressionBuilder : ExpressionBuilderWithColumnTypesBase<CreateTableExpression, ICreateTableColumnOptionOrWithColumnSyntax>, ICreateTableWithColumnOrSchemaOrDescriptionSyntax, ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrForeignKeyCascadeOrWithColumnSyntax, IColumnExpressionBuilder
{
    public ICreateTableColumnAsTypeSyntax WithColumn(string name) => throw null!;

    public ICreateTableColumnOptionOrWithColumnSyntax NotNullable() => throw null!;

    public ICreateTableColumnOptionOrWithColumnSyntax Nullable() => throw null!;

    public ICreateTableColumnOptionOrWithColumnSyntax WithDefaultValue(object value) => throw null!;
}
