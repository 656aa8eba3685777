using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public partial interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax where TNext : IFluentSyntax where TNextFk : IFluentSyntax
{
    TNext NotNullable();

    TNext Nullable();

    TNext WithDefaultValue(object value);
}
