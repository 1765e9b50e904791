using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees;

/// <summary>The statement's steps from the audit trail, for the "Verlauf" on its pages.</summary>
public static class FeeHistory
{
    public sealed record Entry(DateTimeOffset At, string Action, string? Details);

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["fee.statement.created"] = "Angelegt",
        ["fee.activities.selected"] = "Tage ausgewählt",
        ["fee.travel.added"] = "Reisekosten hinzugefügt",
        ["fee.travel.removed"] = "Reisekosten entfernt",
        ["fee.costs.updated"] = "Sonstige Kosten geändert",
        ["fee.statement.submitted"] = "Eingereicht",
        ["fee.statement.approved"] = "Freigegeben",
        ["fee.statement.returned"] = "Zurückgegeben",
        ["fee.statement.released"] = "Zur Zahlung freigegeben (Vier-Augen-Prinzip)",
        ["fee.statement.paid"] = "Als bezahlt markiert",
    };

    public static async Task<IReadOnlyList<Entry>> LoadAsync(AppDbContext db, int statementId, CancellationToken ct)
    {
        var subject = $"fee:{statementId}";
        var actions = Labels.Keys.ToList();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject && actions.Contains(e.Action))
            .OrderBy(e => e.Id).Select(e => new Entry(e.At, e.Action, e.Details)).ToListAsync(ct);
    }
}
