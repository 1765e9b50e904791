using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Municipalities;

/// <summary>Type-ahead for forms that ask for a municipality: <c>GET /api/municipalities?q=köln</c>, at most 10 hits.</summary>
public static class MunicipalityApi
{
    public sealed record Hit(string Key, string Name, string OfficialName, string Level, string? Postcode, string? District, string? State);

    public static WebApplication MapMunicipalityApi(this WebApplication app)
    {
        app.MapGet("/api/municipalities", async (string? q, string? state, AppDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Length > 100) return Results.Ok(Array.Empty<Hit>());
            var items = await db.Municipalities.AsNoTracking()
                .Matching(q, string.IsNullOrWhiteSpace(state) ? null : state.Trim())
                .Take(10)
                .ToListItems(db)
                .ToListAsync(ct);
            return Results.Ok(items.Select(m => new Hit(
                m.Key, m.ShortName, m.Name,
                m.Level == MunicipalityLevel.District ? "district" : "municipality",
                m.PostalCode,
                m.Level == MunicipalityLevel.District ? null : m.DistrictName,
                m.StateName)));
        }).AllowAnonymous();
        return app;
    }
}
