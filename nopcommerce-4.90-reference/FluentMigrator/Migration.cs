using FluentMigrator.Builders.Delete;

namespace FluentMigrator;

public abstract partial class Migration : MigrationBase
{
    public IDeleteExpressionRoot Delete { get; }
}
