namespace FluentMigrator.Builders.Create.Index;

public partial interface ICreateIndexMoreColumnOptionsSyntax : ICreateIndexOnColumnSyntax
{
}
