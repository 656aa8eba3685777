using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

/// <summary>
/// LINQ over an in-memory list that runs like LINQ to objects and costs like it. <c>AsQueryable()</c> (EnumerableQuery)
/// rewrites and compiles the whole expression each time a query runs, several milliseconds a query, which made a
/// shop-side replay of a few weeks take minutes. Here a query's shape is compiled once: its constants (captured
/// variables, literals, the source list) become slots of an argument array, and the compiled delegate is reused for
/// every query of the same shape.
/// </summary>
public static class InMemoryQueryable
{
    private static readonly Provider QueryProvider = new();

    /// <summary>
    /// A queryable over the rows.
    /// </summary>
    public static IQueryable<T> Over<T>(IEnumerable<T> rows) => new Query<T>(QueryProvider, rows);

    private interface ISource
    {
        IEnumerable Rows { get; }
    }

    private sealed class Query<T> : IOrderedQueryable<T>, ISource
    {
        public Query(Provider provider, IEnumerable<T> rows)
        {
            Provider = provider;
            Rows = rows;
            Expression = Expression.Constant(this);
        }

        public Query(Provider provider, Expression expression)
        {
            Provider = provider;
            Expression = expression;
        }

        /// <summary>The rows of a source query; null for a query built on one.</summary>
        public IEnumerable<T> Rows { get; }

        IEnumerable ISource.Rows => Rows;

        public Type ElementType => typeof(T);

        public Expression Expression { get; }

        public IQueryProvider Provider { get; }

        public IEnumerator<T> GetEnumerator() => Rows?.GetEnumerator() ?? Provider.Execute<IEnumerable<T>>(Expression).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Provider : IQueryProvider
    {
        private static readonly ConcurrentDictionary<string, Delegate> Compiled = new(StringComparer.Ordinal);
        private static readonly MethodInfo ExecuteOf = typeof(Provider).GetMethods().Single(m => m.Name == nameof(Execute) && m.IsGenericMethod);

        public IQueryable CreateQuery(Expression expression) =>
            (IQueryable)Activator.CreateInstance(typeof(Query<>).MakeGenericType(ElementTypeOf(expression.Type)), this, expression);

        public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new Query<TElement>(this, expression);

        public object Execute(Expression expression) => ExecuteOf.MakeGenericMethod(expression.Type).Invoke(this, [expression]);

        public TResult Execute<TResult>(Expression expression)
        {
            //the first walk only reads the shape and the constants; the tree is rewritten once per shape
            var shape = new Shape(rewrite: false);
            shape.Visit(expression);
            if (shape.Key == null)
                return Compile<TResult>(expression)(shape.Values.ToArray());

            var run = (Func<object[], TResult>)Compiled.GetOrAdd(typeof(TResult).TypeHandle.Value + shape.Key, _ => Compile<TResult>(expression));
            return run(shape.Values.ToArray());
        }

        private static Func<object[], TResult> Compile<TResult>(Expression expression)
        {
            var shape = new Shape(rewrite: true);
            var body = shape.Visit(expression);
            return Expression.Lambda<Func<object[], TResult>>(Expression.Convert(body, typeof(TResult)), shape.Slots).Compile();
        }

        private static Type ElementTypeOf(Type sequence) =>
            sequence.GetInterfaces().Append(sequence)
                .First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .GetGenericArguments()[0];
    }

    /// <summary>
    /// Rewrites a query into LINQ to objects with its constants in slots, and writes down its shape (node kinds, types,
    /// methods and members, never constant values) as the key of the compiled delegate; a node it cannot describe
    /// leaves the key null, and that query is compiled for itself.
    /// </summary>
    private sealed class Shape : ExpressionVisitor
    {
        private static readonly ConcurrentDictionary<MethodInfo, MethodInfo> EnumerableMethods = new();
        private readonly StringBuilder _key = new();
        private readonly bool _rewrite;
        private bool _describable = true;

        public Shape(bool rewrite)
        {
            _rewrite = rewrite;
        }

        public ParameterExpression Slots { get; } = Expression.Parameter(typeof(object[]), "values");

        public List<object> Values { get; } = new();

        public string Key => _describable ? _key.ToString() : null;

        public override Expression Visit(Expression node)
        {
            if (node == null)
            {
                _key.Append('~');
                return null;
            }

            _key.Append((int)node.NodeType).Append(':');
            AppendType(node.Type);
            _key.Append('(');
            if (node is not (ConstantExpression or ParameterExpression or LambdaExpression or MethodCallExpression or MemberExpression
                or UnaryExpression or BinaryExpression or ConditionalExpression or NewExpression or NewArrayExpression or TypeBinaryExpression))
                _describable = false;
            var visited = base.Visit(node);
            _key.Append(')');
            return visited;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            var value = node.Value;
            var type = node.Type;
            //a source query stands for its rows
            if (value is ISource { Rows: { } rows } source)
            {
                value = rows;
                type = typeof(IEnumerable<>).MakeGenericType(((IQueryable)source).ElementType);
            }

            Values.Add(value);
            return _rewrite ? Expression.Convert(Expression.ArrayIndex(Slots, Expression.Constant(Values.Count - 1)), type) : node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _key.Append(node.Name);
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            AppendMember(node.Member);
            return base.VisitMember(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            AppendMethod(node.Method);
            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            AppendMethod(node.Method);
            _key.Append(node.IsLiftedToNull);
            return base.VisitBinary(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            AppendMember(node.Constructor);
            foreach (var member in node.Members ?? (IEnumerable<MemberInfo>)[])
                AppendMember(member);
            return base.VisitNew(node);
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
        {
            AppendType(node.TypeOperand);
            return base.VisitTypeBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            AppendMethod(node.Method);
            if (node.Method.DeclaringType != typeof(Queryable))
                return base.VisitMethodCall(node);

            //Queryable.Where(source, quoted lambda) becomes Enumerable.Where(rows, lambda)
            var arguments = node.Arguments.Select(argument => Visit(argument is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : argument)).ToList();
            if (!_rewrite)
                return node;

            var method = EnumerableMethods.GetOrAdd(node.Method, queryable => EnumerableCounterpart(queryable, arguments.Select(a => a.Type).ToList()));
            return Expression.Call(method, arguments);
        }

        private static MethodInfo EnumerableCounterpart(MethodInfo queryable, IReadOnlyList<Type> argumentTypes)
        {
            var typeArguments = queryable.IsGenericMethod ? queryable.GetGenericArguments() : [];
            return typeof(Enumerable).GetMethods()
                .Where(m => m.Name == queryable.Name && m.GetParameters().Length == argumentTypes.Count && m.GetGenericArguments().Length == typeArguments.Length)
                .Select(m => m.IsGenericMethodDefinition ? m.MakeGenericMethod(typeArguments) : m)
                .First(m => m.GetParameters().Select((p, i) => p.ParameterType.IsAssignableFrom(argumentTypes[i])).All(fits => fits));
        }

        private void AppendType(Type type) => _key.Append((long)type.TypeHandle.Value).Append(',');

        private void AppendMethod(MethodInfo method)
        {
            AppendMember(method);
            if (method is { IsGenericMethod: true })
            {
                foreach (var argument in method.GetGenericArguments())
                    AppendType(argument);
            }
        }

        private void AppendMember(MemberInfo member)
        {
            if (member == null)
            {
                _key.Append('-');
                return;
            }

            AppendType(member.DeclaringType);
            _key.Append('.').Append(member.MetadataToken).Append(',');
        }
    }
}
