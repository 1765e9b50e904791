using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools.Manage;

/// <summary>The 16 federal states with the register's two-digit codes; the State table's names win once the register is imported.</summary>
public static class FederalStates
{
    public static readonly IReadOnlyList<(string Code, string Name)> Static =
    [
        ("01", "Schleswig-Holstein"), ("02", "Hamburg"), ("03", "Niedersachsen"), ("04", "Bremen"),
        ("05", "Nordrhein-Westfalen"), ("06", "Hessen"), ("07", "Rheinland-Pfalz"), ("08", "Baden-Württemberg"),
        ("09", "Bayern"), ("10", "Saarland"), ("11", "Berlin"), ("12", "Brandenburg"),
        ("13", "Mecklenburg-Vorpommern"), ("14", "Sachsen"), ("15", "Sachsen-Anhalt"), ("16", "Thüringen"),
    ];

    public static async Task<IReadOnlyList<(string Code, string Name)>> AllAsync(AppDbContext db, CancellationToken ct = default)
    {
        var fromRegister = await db.States.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.Name }).ToListAsync(ct);
        return fromRegister.Count == 16 ? fromRegister.Select(s => (s.Code, s.Name)).ToList() : Static;
    }
}
