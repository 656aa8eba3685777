namespace FluentMigrator;

public partial interface IMigration
{
}
