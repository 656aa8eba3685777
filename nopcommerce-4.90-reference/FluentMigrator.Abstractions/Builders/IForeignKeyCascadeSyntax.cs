using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public partial interface IForeignKeyCascadeSyntax<TNext, TNextFk> : IFluentSyntax where TNext : IFluentSyntax where TNextFk : IFluentSyntax
{
}
