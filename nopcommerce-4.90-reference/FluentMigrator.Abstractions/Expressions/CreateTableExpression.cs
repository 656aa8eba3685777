using FluentMigrator.Validation;

namespace FluentMigrator.Expressions;

public partial class CreateTableExpression : MigrationExpressionBase, ISchemaExpression, IColumnsExpression, IValidationChildren
{
}
