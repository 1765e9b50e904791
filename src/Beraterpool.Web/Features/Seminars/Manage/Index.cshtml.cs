using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Seminars.Manage;

public sealed record ManagedSeries(int Id, int PoolId, string Title, int Seminars, int Participants, int Certificates, DateTimeOffset? FirstStartsAt, DateTimeOffset? LastStartsAt);

/// <summary>The seminar series of the pools the user coordinates.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<ManagedSeries> Series { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        var series = await db.SeminarSeries.AsNoTracking().Where(s => managed.Contains(s.PoolId))
            .Select(s => new { s.Id, s.PoolId, s.Title,
                Seminars = db.Seminars.Count(x => x.SeriesId == s.Id),
                Participants = db.SeminarParticipants.Count(p => p.SeriesId == s.Id),
                Certificates = db.SeminarCertificates.Count(c => c.SeriesId == s.Id) })
            .Take(500).ToListAsync(ct);
        var ids = series.Select(s => s.Id).ToList();
        var dates = (await db.Seminars.AsNoTracking().Where(x => ids.Contains(x.SeriesId)).Select(x => new { x.SeriesId, x.StartsAt }).ToListAsync(ct))
            .GroupBy(x => x.SeriesId).ToDictionary(g => g.Key, g => (First: g.Min(x => x.StartsAt), Last: g.Max(x => x.StartsAt)));
        Series = series.Select(s => new ManagedSeries(s.Id, s.PoolId, s.Title, s.Seminars, s.Participants, s.Certificates,
                dates.TryGetValue(s.Id, out var d) ? d.First : null, dates.TryGetValue(s.Id, out var e) ? e.Last : null))
            .OrderByDescending(s => s.FirstStartsAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.Title).ToList();
    }

    public string PoolName(int id) => Pools.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}
