using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

public static partial class HttpClientBuilderExtensions
{
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
        throw null!;
    }
}
