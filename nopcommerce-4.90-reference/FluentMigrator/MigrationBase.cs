using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.IfDatabase;
using FluentMigrator.Builders.Schema;

namespace FluentMigrator;

public abstract partial class MigrationBase : IMigration
{
    public abstract void Up();

    public abstract void Down();

    public ICreateExpressionRoot Create { get; }

    public ISchemaExpressionRoot Schema { get; }

    public IIfDatabaseExpressionRoot IfDatabase(params string[] databaseType) => throw null!;
}
