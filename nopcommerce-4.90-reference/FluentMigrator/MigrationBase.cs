using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;

namespace FluentMigrator;

public abstract partial class MigrationBase : IMigration
{
    public abstract void Up();

    public abstract void Down();

    public ICreateExpressionRoot Create { get; }

    public ISchemaExpressionRoot Schema { get; }
}
