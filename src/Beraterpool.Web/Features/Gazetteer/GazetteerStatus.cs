using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>What the database holds of the register and when it was last imported (admin page, "about the data").</summary>
public sealed record GazetteerStatus(int States, int Districts, int Municipalities, DateTimeOffset? LastImport)
{
    public static async Task<GazetteerStatus> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var states = await db.States.CountAsync(ct);
        var levels = await db.Municipalities.GroupBy(m => m.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var lastImport = await db.AuditEntries.Where(e => e.Action == GazetteerImporter.ImportedAction)
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct)
            ?? await db.Municipalities.OrderByDescending(m => m.ImportedAt).Select(m => (DateTimeOffset?)m.ImportedAt).FirstOrDefaultAsync(ct);
        return new GazetteerStatus(states,
            levels.Where(l => l.Key == MunicipalityLevel.District).Sum(l => l.Count),
            levels.Where(l => l.Key == MunicipalityLevel.Municipality).Sum(l => l.Count),
            lastImport);
    }
}
