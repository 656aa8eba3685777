namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>The comparison against a small in-memory listing: what passes, what fails and what the message says.</summary>
[TestFixture]
public class ApiFidelityCheckerTests
{
    private static readonly ApiListing _listing = ApiListing.Parse(
    [
        "Nop.Core | Nop.Core.BaseEntity | class | abstract class BaseEntity",
        "Nop.Core | Nop.Core.BaseEntity | property | int Id { get; set; }",
        "Nop.Core | Nop.Core.Caching.CacheKey | class | class CacheKey",
        "Nop.Core | Nop.Core.Caching.CacheKey | ctor | CacheKey(string key)",
        "Nop.Core | Nop.Core.Caching.CacheKey | method | virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects)",
        "Nop.Core | Nop.Core.Caching.CacheKey | property | int CacheTime { get; set; }",
        "Nop.Core | Nop.Core.Caching.CacheKey | property | string Key { get; protected set; }",
        "Nop.Services | Nop.Services.Events.IConsumer`1 | interface | interface IConsumer<T>",
        "Nop.Services | Nop.Services.Events.IConsumer`1 | method | Task HandleEventAsync(T eventMessage)",
        "",
        "Nop.Services | Nop.Services.Odd | const | string PIPE = \"a | b\""
    ]);

    private const string CacheKeySource = """
        namespace Nop.Core.Caching;
        public partial class CacheKey
        {
            public CacheKey(string key) { }
            public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects) => throw null!;
            public string Key { get; protected set; }
            public int CacheTime { get; set; }
        }
        """;

    private static IReadOnlyList<FidelityProblem> Check(string assembly, string source) =>
        ApiFidelityChecker.Check(ApiDeclarationEmitter.Emit(assembly, source), _listing);

    [Test]
    public void Declarations_identical_to_the_listing_pass()
    {
        Assert.That(Check("Nop.Core", CacheKeySource), Is.Empty);
    }

    [Test]
    public void A_renamed_parameter_fails_naming_the_declaration_and_showing_the_listing_line_it_resembles()
    {
        var problems = Check("Nop.Core", CacheKeySource.Replace("CacheKey(string key)", "CacheKey(string name)"));

        Assert.That(problems, Has.Count.EqualTo(1));
        var message = ApiFidelityChecker.Describe(problems);
        Assert.That(message, Does.Contain("declared: Nop.Core | Nop.Core.Caching.CacheKey | ctor | CacheKey(string name)")
            .And.Contain("Nop.Core | Nop.Core.Caching.CacheKey | ctor | CacheKey(string key)"));
        Assert.That(problems[0].Closest[0], Is.EqualTo("ctor | CacheKey(string key)"), "the nearest listing line comes first");
    }

    [TestCase("public string Key { get; set; }", "property | string Key { get; set; }", Description = "accessor visibility")]
    [TestCase("public long CacheTime { get; set; }", "property | long CacheTime { get; set; }", Description = "type")]
    [TestCase("public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, object[] keyObjects) => null;",
        "method | virtual CacheKey Create(Func<object, object> createCacheKeyParameters, object[] keyObjects)", Description = "params")]
    [TestCase("public CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects) => null;",
        "method | CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects)", Description = "virtual")]
    [TestCase("public CacheKey(string key = null) { }", "ctor | CacheKey(string key = null)", Description = "default value")]
    [TestCase("public void Extra() { }", "method | void Extra()", Description = "member the real type lacks")]
    public void Any_difference_in_a_member_fails(string member, string expectedOffender)
    {
        var problems = Check("Nop.Core", $$"""
            namespace Nop.Core.Caching;
            public partial class CacheKey
            {
                {{member}}
            }
            """);

        Assert.That(problems.Select(p => p.Declaration.MemberPart), Is.EqualTo(new[] { expectedOffender }));
    }

    [Test]
    public void A_type_declared_in_another_assembly_than_the_listing_fails_naming_the_right_assembly()
    {
        var problems = Check("Nop.Services", "namespace Nop.Core; public abstract partial class BaseEntity { public int Id { get; set; } }");

        Assert.That(problems, Has.Count.EqualTo(1), "one problem for the type, not one per member");
        Assert.That(problems[0].Declaration.Kind, Is.EqualTo("class"));
        Assert.That(problems[0].Reason, Does.Contain("in assembly Nop.Core, not Nop.Services"));
    }

    [Test]
    public void A_type_declared_in_another_namespace_than_the_listing_fails_naming_the_right_namespace()
    {
        var problems = Check("Nop.Core", "namespace Nop.Core.Domain; public abstract partial class BaseEntity { public int Id { get; set; } }");

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Declaration.TypeKey, Is.EqualTo("Nop.Core.Domain.BaseEntity"));
        Assert.That(problems[0].Reason, Does.Contain("Nop.Core.BaseEntity (Nop.Core)").And.Contain("wrong namespace"));
    }

    [Test]
    public void A_type_with_the_wrong_generic_arity_fails()
    {
        var problems = Check("Nop.Services", "namespace Nop.Services.Events; public interface IConsumer { }");

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Reason, Does.Contain("no type Nop.Services.Events.IConsumer"));
    }

    [Test]
    public void A_type_line_that_differs_fails_even_when_the_members_match()
    {
        var problems = Check("Nop.Core", "namespace Nop.Core; public partial class BaseEntity { public int Id { get; set; } }");

        Assert.That(problems.Select(p => p.Declaration.MemberPart), Is.EqualTo(new[] { "class | class BaseEntity" }));
        Assert.That(problems[0].Closest, Does.Contain("class | abstract class BaseEntity"));
    }

    [Test]
    public void A_reference_assembly_no_listing_covers_fails_saying_so()
    {
        var problems = Check("Nop.Web.Framework.Extra", "namespace Nop.Core; public abstract class BaseEntity { }");

        Assert.That(problems.Single().Reason, Does.Contain("Nop.Core"),
            "a known type in an unknown assembly is reported with the assembly the listing has it in");

        var unknown = Check("Some.Assembly", "namespace Some; public class Thing { }");
        Assert.That(unknown.Single().Reason, Does.Contain("no listing covers assembly Some.Assembly"));
    }

    [Test]
    public void The_failure_message_names_file_and_line_of_every_offending_declaration()
    {
        var tree = ApiDeclarationEmitter.Parse("""
            namespace Nop.Core.Caching;
            public partial class CacheKey
            {
                public CacheKey(string name) { }

                public int CacheTime { get; }
            }
            """, "Nop.Core/Caching/CacheKey.cs");

        var message = ApiFidelityChecker.Describe(ApiFidelityChecker.Check(ApiDeclarationEmitter.Emit("Nop.Core", [tree]), _listing));

        Assert.That(message, Does.StartWith("2 reference declaration(s) differ")
            .And.Contain("Nop.Core/Caching/CacheKey.cs:4")
            .And.Contain("Nop.Core/Caching/CacheKey.cs:6"));
    }

    [Test]
    public void Listing_lines_split_into_four_fields_even_when_the_signature_contains_the_separator()
    {
        Assert.That(_listing.MembersOf("Nop.Services", "Nop.Services.Odd"), Is.EqualTo(new[] { "const | string PIPE = \"a | b\"" }));
        Assert.That(_listing.LineCount, Is.EqualTo(10), "blank lines are not declarations");
    }
}
