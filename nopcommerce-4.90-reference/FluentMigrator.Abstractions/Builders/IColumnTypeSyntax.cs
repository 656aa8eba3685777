using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public partial interface IColumnTypeSyntax<TNext> : IFluentSyntax where TNext : IFluentSyntax
{
    TNext AsBoolean();

    TNext AsDateTime2();

    TNext AsDecimal(int size, int precision);

    TNext AsInt32();

    TNext AsString(int size);
}
