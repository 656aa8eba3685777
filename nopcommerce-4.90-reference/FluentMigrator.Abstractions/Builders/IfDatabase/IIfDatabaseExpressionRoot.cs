using FluentMigrator.Builders.Execute;

namespace FluentMigrator.Builders.IfDatabase;

public partial interface IIfDatabaseExpressionRoot
{
    IExecuteExpressionRoot Execute { get; }

    void Delegate(Action delegation);
}
