namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// Drops encoded NUL characters ("%00") from url-encoded form bodies before anything reads the form. ASP.NET Core's
/// form reader refuses them ("The path contains null characters"), so the anti-forgery check answered 400 with the
/// generic error page; without them the answer binds as typed and TextBinder covers the multipart forms. "%" itself
/// is always encoded as "%25", so "%00" can only be a NUL. Bodies over 1 MB or of unknown length pass untouched; query strings are cleaned too.
/// </summary>
public sealed class NulFreeFormBody : IStartupFilter
{
    private const int MaxBuffered = 1024 * 1024;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var request = context.Request;
            // The same for search boxes sent by GET: PostgreSQL refuses a NUL in a query parameter ("invalid byte sequence").
            if (request.QueryString.Value is { } query && query.Contains("%00", StringComparison.Ordinal))
                request.QueryString = new QueryString(query.Replace("%00", "", StringComparison.Ordinal));
            if (request.ContentLength is > 0 and <= MaxBuffered
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var buffer = new MemoryStream((int)request.ContentLength.Value);
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                var bytes = buffer.ToArray();
                var cleaned = Strip(bytes);
                request.Body = new MemoryStream(cleaned, writable: false);
                request.ContentLength = cleaned.Length;
            }
            await nextMiddleware(context);
        });
        next(app);
    };

    public static byte[] Strip(byte[] body)
    {
        if (body.AsSpan().IndexOf("%00"u8) < 0) return body;
        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i] == '%' && body[i + 1] == '0' && body[i + 2] == '0') { i += 2; continue; }
            result.Add(body[i]);
        }
        return result.ToArray();
    }
}
