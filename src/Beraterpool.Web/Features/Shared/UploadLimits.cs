using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// Every request body is bounded: the largest upload the product accepts is 10 MB (documents, the register), so a
/// body above 12 MB is refused before it is read, and a form holds a bounded number of fields of bounded length.
/// A page that needs more says so with its own [RequestSizeLimit]. Slow senders are cut off by Kestrel's minimum data
/// rate (240 bytes/s after a 5 s grace).
/// </summary>
public static class UploadLimits
{
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxRequestBytes;
            o.ValueCountLimit = 2000;
            o.ValueLengthLimit = 1024 * 1024;
            o.MultipartHeadersLengthLimit = 16 * 1024;
        });
        return services;
    }
}
