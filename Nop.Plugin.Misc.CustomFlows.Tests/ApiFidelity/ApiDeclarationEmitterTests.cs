namespace Nop.Plugin.Misc.CustomFlows.Tests.ApiFidelity;

/// <summary>
/// The emitter must write declarations exactly as the api.txt listings do; if it wrote nothing or
/// something looser, the fidelity test would pass vacuously. Expected lines follow the listings'
/// README and the forms seen in api.txt.
/// </summary>
[TestFixture]
public class ApiDeclarationEmitterTests
{
    private static List<string> Lines(string source, string assembly = "Nop.Core") =>
        ApiDeclarationEmitter.Emit(assembly, source).Select(d => d.ListingLine).ToList();

    private static List<string> Lines(string assembly, params string[] sources) =>
        ApiDeclarationEmitter.Emit(assembly, sources.Select((s, i) => ApiDeclarationEmitter.Parse(s, $"part{i}.cs")))
            .Select(d => d.ListingLine).ToList();

    [Test]
    public void A_generic_class_is_keyed_by_arity_and_written_with_its_base_list_and_constraints()
    {
        var lines = Lines("""
            namespace Nop.Data;
            public partial class EntityRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
            {
            }
            """, "Nop.Data");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Data | Nop.Data.EntityRepository`1 | class | class EntityRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity"
        }));
    }

    [Test]
    public void Type_modifiers_are_kept_and_public_and_partial_are_dropped()
    {
        var lines = Lines("""
            namespace N
            {
                public abstract partial class A { }
                public static class B { }
                public sealed class C { }
                public partial interface I<in TIn, out TOut> where TIn : class, new() { }
                public readonly struct S { }
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Core | N.A | class | abstract class A",
            "Nop.Core | N.B | class | static class B",
            "Nop.Core | N.C | class | sealed class C",
            "Nop.Core | N.I`2 | interface | interface I<in TIn, out TOut> where TIn : class, new()",
            "Nop.Core | N.S | struct | struct S"
        }));
    }

    [Test]
    public void Methods_keep_generics_constraints_parameter_modifiers_and_default_values()
    {
        var lines = Lines("""
            namespace N;
            public static class Helper
            {
                public static int GenerateRandomInteger(int min = 0, int max = int.MaxValue) => 0;
                public static TConfig ToConfig<TConfig, TModel>(this TModel model, TConfig config) where TConfig : class, IConfig where TModel : BaseNopModel, IConfigModel => null;
                public static void Params(string prefix, params object[] prefixParameters) { }
                public static bool Try(string key, out TrieNode node, ref int count, in DateTime when) { node = null; return false; }
                public static Task<T> GetAsync<T>(CacheKey key, T defaultValue = default, int? languageId = null, string culture = "en-US") => null;
            }
            """);

        Assert.That(lines.Skip(1), Is.EqualTo(new[]
        {
            "Nop.Core | N.Helper | method | static int GenerateRandomInteger(int min = 0, int max = int.MaxValue)",
            "Nop.Core | N.Helper | method | static TConfig ToConfig<TConfig, TModel>(this TModel model, TConfig config) where TConfig : class, IConfig where TModel : BaseNopModel, IConfigModel",
            "Nop.Core | N.Helper | method | static void Params(string prefix, params object[] prefixParameters)",
            "Nop.Core | N.Helper | method | static bool Try(string key, out TrieNode node, ref int count, in DateTime when)",
            "Nop.Core | N.Helper | method | static Task<T> GetAsync<T>(CacheKey key, T defaultValue = default, int? languageId = null, string culture = \"en-US\")"
        }));
    }

    [Test]
    public void Protected_members_start_with_protected_and_kept_modifiers_follow_in_the_listing_order()
    {
        var lines = Lines("""
            namespace N;
            public class Base
            {
                protected readonly IFoo _foo;
                protected static readonly HashSet<Type> _types = new();
                protected Base(IFoo foo) { }
                protected virtual Task PrepareAsync(int id) => null;
                protected internal virtual void Both() { }
                public static new IList<T> Instance => null;
                public override sealed string ToString() => "";
                protected abstract IDataProvider Provider { get; }
                public required string Name { get; init; }
            }
            """);

        Assert.That(lines.Skip(1), Is.EqualTo(new[]
        {
            "Nop.Core | N.Base | field | protected readonly IFoo _foo",
            "Nop.Core | N.Base | field | protected static readonly HashSet<Type> _types",
            "Nop.Core | N.Base | ctor | protected Base(IFoo foo)",
            "Nop.Core | N.Base | method | protected virtual Task PrepareAsync(int id)",
            "Nop.Core | N.Base | method | protected virtual void Both()",
            "Nop.Core | N.Base | property | new static IList<T> Instance { get; } => null",
            "Nop.Core | N.Base | method | sealed override string ToString()",
            "Nop.Core | N.Base | property | protected abstract IDataProvider Provider { get; }",
            "Nop.Core | N.Base | property | required string Name { get; init; }"
        }));
    }

    [Test]
    public void Properties_show_only_their_visible_accessors_and_drop_initializers()
    {
        var lines = Lines("""
            namespace N;
            public class Config
            {
                public int A { get; set; } = 5;
                public string Key { get; protected set; }
                public int Count { get; private set; }
                public int Internal { get; internal set; }
                public int Narrow { get; private protected set; }
                public bool HasNext => Count > 0;
                public int Backed { get { return 1; } set { } }
            }
            """);

        Assert.That(lines.Skip(1), Is.EqualTo(new[]
        {
            "Nop.Core | N.Config | property | int A { get; set; }",
            "Nop.Core | N.Config | property | string Key { get; protected set; }",
            "Nop.Core | N.Config | property | int Count { get; }",
            "Nop.Core | N.Config | property | int Internal { get; }",
            "Nop.Core | N.Config | property | int Narrow { get; }",
            "Nop.Core | N.Config | property | bool HasNext { get; }",
            "Nop.Core | N.Config | property | int Backed { get; set; }"
        }));
    }

    [Test]
    public void Static_expression_bodied_properties_end_with_their_expression()
    {
        var lines = Lines("""
            namespace Nop.Core.Caching;
            public static partial class NopEntityCacheDefaults<TEntity> where TEntity : BaseEntity
            {
                public static string EntityTypeName => typeof(TEntity).Name.ToLowerInvariant();
                public static CacheKey ByIdCacheKey => new($"Nop.{EntityTypeName}.byid.{{0}}");
                public static string Plain { get; } = "not an expression body";
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Core | Nop.Core.Caching.NopEntityCacheDefaults`1 | class | static class NopEntityCacheDefaults<TEntity> where TEntity : BaseEntity",
            "Nop.Core | Nop.Core.Caching.NopEntityCacheDefaults`1 | property | static string EntityTypeName { get; } => typeof(TEntity).Name.ToLowerInvariant()",
            "Nop.Core | Nop.Core.Caching.NopEntityCacheDefaults`1 | property | static CacheKey ByIdCacheKey { get; } => new($\"Nop.{EntityTypeName}.byid.{{0}}\")",
            "Nop.Core | Nop.Core.Caching.NopEntityCacheDefaults`1 | property | static string Plain { get; }"
        }));
    }

    [Test]
    public void Consts_show_their_values_and_fields_drop_initializers_one_line_per_variable()
    {
        var lines = Lines("""
            namespace N;
            public partial class StandardPermission
            {
                public const string CATALOG = $"{nameof(StandardPermission)}.Catalog";
                protected const string FOR_ATTRIBUTE_NAME = "asp-for";
                public const int Capacity = 2147483647, Other = 1;
                public static readonly EventId ElapsedTime = new(1), Started = new(2);
                public int MAX_IMAGE_WIDTH;
                public volatile int Counter;
            }
            """);

        Assert.That(lines.Skip(1), Is.EqualTo(new[]
        {
            "Nop.Core | N.StandardPermission | const | string CATALOG = $\"{nameof(StandardPermission)}.Catalog\"",
            "Nop.Core | N.StandardPermission | const | protected string FOR_ATTRIBUTE_NAME = \"asp-for\"",
            "Nop.Core | N.StandardPermission | const | int Capacity = 2147483647",
            "Nop.Core | N.StandardPermission | const | int Other = 1",
            "Nop.Core | N.StandardPermission | field | static readonly EventId ElapsedTime",
            "Nop.Core | N.StandardPermission | field | static readonly EventId Started",
            "Nop.Core | N.StandardPermission | field | int MAX_IMAGE_WIDTH",
            "Nop.Core | N.StandardPermission | field | int Counter"
        }));
    }

    [Test]
    public void Nested_types_are_keyed_outer_dot_inner_and_private_nested_types_are_left_out()
    {
        var lines = Lines("""
            namespace N;
            public class ConcurrentTrie<TValue>
            {
                protected class TrieNode
                {
                    public TrieNode(string label = "") { }
                    protected class ValueWrapper { }
                }
                protected delegate bool TryParseNumber<T>(string value, NumberStyles styles, out T result) where T : struct;
                public partial class Catalog { public const string VIEW = "View"; }
                class Hidden { public void Visible() { } }
                private class AlsoHidden { public class InsideHidden { } }
                private protected class NotVisibleOutside { }
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Core | N.ConcurrentTrie`1 | class | class ConcurrentTrie<TValue>",
            "Nop.Core | N.ConcurrentTrie`1.TrieNode | class | protected class TrieNode",
            "Nop.Core | N.ConcurrentTrie`1.TrieNode | ctor | TrieNode(string label = \"\")",
            "Nop.Core | N.ConcurrentTrie`1.TrieNode.ValueWrapper | class | protected class ValueWrapper",
            "Nop.Core | N.ConcurrentTrie`1.TryParseNumber`1 | delegate | protected delegate bool TryParseNumber<T>(string value, NumberStyles styles, out T result) where T : struct",
            "Nop.Core | N.ConcurrentTrie`1.Catalog | class | class Catalog",
            "Nop.Core | N.ConcurrentTrie`1.Catalog | const | string VIEW = \"View\""
        }));
    }

    [Test]
    public void Partial_parts_in_several_files_give_one_type_line_with_merged_base_lists_and_all_members()
    {
        var lines = Lines("Nop.Web",
            """
            namespace N;
            public partial class ProductController : BaseAdminController
            {
                public virtual Task<IActionResult> List() => null;
            }
            """,
            """
            namespace N;
            [Area("Admin")]
            public partial class ProductController : IDisposable
            {
                public void Dispose() { }
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Web | N.ProductController | class | class ProductController : BaseAdminController, IDisposable",
            "Nop.Web | N.ProductController | method | virtual Task<IActionResult> List()",
            "Nop.Web | N.ProductController | method | void Dispose()"
        }));
    }

    [Test]
    public void Private_internal_and_explicit_interface_members_are_left_out()
    {
        var lines = Lines("""
            namespace N;
            internal class InternalType { public void M() { } }
            class ImplicitlyInternal { }
            file class FileLocal { }
            public class Service : IDisposable, IFoo
            {
                static Service() { }
                ~Service() { }
                private void PrivateMethod() { }
                internal void InternalMethod() { }
                void ImplicitlyPrivate() { }
                private protected void PrivateProtected() { }
                void IDisposable.Dispose() { }
                int IFoo.Value => 1;
                event EventHandler IFoo.Changed { add { } remove { } }
                public void Visible() { }
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Core | N.Service | class | class Service : IDisposable, IFoo",
            "Nop.Core | N.Service | method | void Visible()"
        }));
    }

    [Test]
    public void Interface_members_count_as_public_without_modifiers()
    {
        var lines = Lines("""
            namespace Nop.Services.Events;
            public partial interface IConsumer<T>
            {
                Task HandleEventAsync(T eventMessage);
                int Order { get; }
                private void Helper() { }
            }
            """, "Nop.Services");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Services | Nop.Services.Events.IConsumer`1 | interface | interface IConsumer<T>",
            "Nop.Services | Nop.Services.Events.IConsumer`1 | method | Task HandleEventAsync(T eventMessage)",
            "Nop.Services | Nop.Services.Events.IConsumer`1 | property | int Order { get; }"
        }));
    }

    [Test]
    public void Enum_values_are_written_with_their_explicit_values_only()
    {
        var lines = Lines("""
            namespace N;
            public enum LogLevel : int
            {
                Debug = 10,
                [Obsolete] Warning = 30,
                Implicit
            }
            """);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Core | N.LogLevel | enum | enum LogLevel : int",
            "Nop.Core | N.LogLevel | enumvalue | Debug = 10",
            "Nop.Core | N.LogLevel | enumvalue | Warning = 30",
            "Nop.Core | N.LogLevel | enumvalue | Implicit"
        }));
    }

    [Test]
    public void Positional_records_get_ctor_and_init_property_lines_besides_the_record_line()
    {
        var lines = Lines("""
            namespace N;
            public partial record RoxyDirectoryInfo(string RelativePath, int CountFiles);
            public partial record SearchModel : BaseSearchModel, IAclSupportedModel
            {
                public SearchModel() { }
                public string Email { get; set; }
            }
            """, "Nop.Services");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Services | N.RoxyDirectoryInfo | record | record RoxyDirectoryInfo(string RelativePath, int CountFiles)",
            "Nop.Services | N.RoxyDirectoryInfo | ctor | RoxyDirectoryInfo(string RelativePath, int CountFiles)",
            "Nop.Services | N.RoxyDirectoryInfo | property | string RelativePath { get; init; }",
            "Nop.Services | N.RoxyDirectoryInfo | property | int CountFiles { get; init; }",
            "Nop.Services | N.SearchModel | record | record SearchModel : BaseSearchModel, IAclSupportedModel",
            "Nop.Services | N.SearchModel | ctor | SearchModel()",
            "Nop.Services | N.SearchModel | property | string Email { get; set; }"
        }));
    }

    [Test]
    public void Events_indexers_and_operators_have_their_own_kinds()
    {
        var lines = Lines("""
            namespace N;
            public class Parser
            {
                public event EventHandler<SqlTextEventArgs> SqlText;
                public virtual event EventHandler Changed { add { } remove { } }
                public virtual string this[string name] { get => null; set { } }
                public static implicit operator Parser(int index) => null;
                public static bool operator ==(Parser left, Parser right) => true;
                public static bool operator !=(Parser left, Parser right) => false;
            }
            """);

        Assert.That(lines.Skip(1), Is.EqualTo(new[]
        {
            "Nop.Core | N.Parser | event | EventHandler<SqlTextEventArgs> SqlText",
            "Nop.Core | N.Parser | event | virtual EventHandler Changed",
            "Nop.Core | N.Parser | indexer | virtual string this[string name] { get; set; }",
            "Nop.Core | N.Parser | operator | static implicit operator Parser(int index)",
            "Nop.Core | N.Parser | operator | static bool operator ==(Parser left, Parser right)",
            "Nop.Core | N.Parser | operator | static bool operator !=(Parser left, Parser right)"
        }));
    }

    [Test]
    public void Whitespace_line_breaks_comments_and_attributes_do_not_change_a_signature()
    {
        var lines = Lines("""
            namespace   N ;
            public class C
            {
                [HttpPost, ActionName("List")]
                public virtual   Task<IDictionary<string,   int>> Load(
                    [FromForm] int? languageId = null, // which language
                    Func<object,
                        object> create = default)
                    => null;
            }
            """);

        Assert.That(lines[1], Is.EqualTo(
            "Nop.Core | N.C | method | virtual Task<IDictionary<string, int>> Load(int? languageId = null, Func<object, object> create = default)"));
    }

    [Test]
    public void Block_nested_and_global_namespaces_give_the_full_namespace()
    {
        var lines = Lines("""
            namespace System
            {
                namespace Linq
                {
                    public static class AsyncIQueryableExtensions { }
                }
            }
            public class Global { }
            """, "Nop.Data");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Nop.Data | System.Linq.AsyncIQueryableExtensions | class | static class AsyncIQueryableExtensions",
            "Nop.Data | Global | class | class Global"
        }));
    }

    [Test]
    public void Verbatim_identifiers_keep_their_at_sign()
    {
        var lines = Lines("""
            namespace Nop.Core.Events;
            public partial interface IEventPublisher
            {
                Task PublishAsync<TEvent>(TEvent @event);
            }
            """);

        Assert.That(lines[1], Is.EqualTo("Nop.Core | Nop.Core.Events.IEventPublisher | method | Task PublishAsync<TEvent>(TEvent @event)"));
    }

    [Test]
    public void Declarations_carry_the_file_and_the_line_of_the_declaration_itself()
    {
        var tree = ApiDeclarationEmitter.Parse("""
            namespace N;

            /// <summary>doc</summary>
            [Serializable]
            public class C
            {
                /// <summary>doc</summary>
                public int Id { get; set; }
            }
            """, "Nop.Core/C.cs");

        var declarations = ApiDeclarationEmitter.Emit("Nop.Core", [tree]);

        Assert.That(declarations.Select(d => $"{d.File}:{d.Line}"), Is.EqualTo(new[] { "Nop.Core/C.cs:5", "Nop.Core/C.cs:8" }));
    }
}
