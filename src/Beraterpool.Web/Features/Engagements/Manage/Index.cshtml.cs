using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements.Manage;

/// <summary>The coordinator's list of the pool's engagements (filter, paging) and the activities waiting for approval.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, PoolAccess access, DayBalances balances, ActivityApprovals approvals,
    IStringLocalizer<IndexModel> text) : PageModel
{
    public const int PageSize = 25;

    public sealed record EngagementRow(int Id, string Municipality, string Reference, EngagementStatus Status, DateTimeOffset StartedAt, string Advisors,
        DayBalance Days);
    public sealed record PendingRow(int Id, int EngagementId, string Municipality, string Advisor, DateOnly Date, ActivityKind Kind, int HalfDays,
        string? Participants, string? Notes, bool Own, string? ReturnQuestion)
    {
        public string Token => ActivityApprovals.Token(Date, Kind, HalfDays, Participants, Notes);
    }

    public IReadOnlyList<EngagementRow> Engagements { get; private set; } = [];
    public IReadOnlyList<PendingRow> Pending { get; private set; } = [];
    public int PendingCount { get; private set; }
    /// <summary>Returned with a question: they wait for the advisor, not for approval.</summary>
    public int ReturnedCount { get; private set; }
    /// <summary>Searches the list of engagements by municipality, request number or advisor.</summary>
    public string? Q { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public EngagementStatus? Status { get; private set; }
    public int Year { get; } = time.LocalYear();

    public PagerModel Pager => new(PageNumber, PageCount, p => Url.Content("~/manage/engagements") + $"?page={p}" + (Status is { } s ? $"&status={s}" : "")
        + (string.IsNullOrWhiteSpace(Q) ? "" : $"&q={Uri.EscapeDataString(Q)}"));

    public async Task OnGetAsync(string? status, string? page, string? q, CancellationToken ct)
    {
        Status = Enum.TryParse<EngagementStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        Q = q?.Trim();
        PageNumber = int.TryParse(page, out var p) && p > 0 ? p : 1;
        var pools = await access.ManagedPoolIdsAsync(ct);
        var year = Year;
        var query = db.Engagements.AsNoTracking().Where(e => pools.Contains(e.PoolId));
        if (Status is { } st) query = query.Where(e => e.Status == st);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            foreach (var word in Q.ToLower().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                query = query.Where(e => db.Municipalities.Any(m => m.OfficialKey == e.MunicipalityKey && m.ShortName.ToLower().Contains(word))
                    || db.ConsultationRequests.Any(r => r.Id == e.RequestId && r.Reference.ToLower().Contains(word))
                    || db.EngagementAdvisors.Where(ea => ea.EngagementId == e.Id).Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => a)
                        .Any(a => a.FirstName.ToLower().Contains(word) || a.LastName.ToLower().Contains(word)));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Min(PageNumber, PageCount);
        var rows = await query.OrderBy(e => e.Status).ThenByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new
            {
                e.Id, e.Status, e.StartedAt, e.PoolId, e.MunicipalityKey,
                Municipality = db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(),
                Reference = db.ConsultationRequests.Where(r => r.Id == e.RequestId).Select(r => r.Reference).FirstOrDefault(),
                Advisors = db.EngagementAdvisors.Where(a => a.EngagementId == e.Id).Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => a.FirstName + " " + a.LastName).ToList(),
            })
            .ToListAsync(ct);
        var days = await balances.ForManyAsync(rows.Select(r => (r.PoolId, r.MunicipalityKey)), year, ct);
        Engagements = rows.Select(r => new EngagementRow(r.Id, r.Municipality ?? r.MunicipalityKey, r.Reference ?? "", r.Status, r.StartedAt,
            string.Join(", ", r.Advisors.Order()), days[(r.PoolId, r.MunicipalityKey)])).ToList();

        var userId = access.UserId;
        var pending = db.Activities.AsNoTracking().Where(a => a.ApprovedAt == null && db.Engagements.Any(e => e.Id == a.EngagementId && pools.Contains(e.PoolId)));
        PendingCount = await pending.CountAsync(a => a.ReturnedAt == null, ct);
        ReturnedCount = await pending.CountAsync(a => a.ReturnedAt != null, ct);
        Pending = await pending.OrderBy(a => a.ReturnedAt != null).ThenBy(a => a.Date).ThenBy(a => a.Id).Take(50)
            .Select(a => new PendingRow(a.Id, a.EngagementId,
                db.Engagements.Where(e => e.Id == a.EngagementId).Join(db.Municipalities, e => e.MunicipalityKey, m => m.OfficialKey, (e, m) => m.ShortName).First(),
                db.Advisors.Where(x => x.Id == a.AdvisorId).Select(x => x.FirstName + " " + x.LastName).First(),
                a.Date, a.Kind, a.HalfDays, a.Participants, a.Notes, userId != null && db.Advisors.Any(x => x.Id == a.AdvisorId && x.UserId == userId),
                a.ReturnQuestion))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Approves the checked activities as they were shown (<paramref name="shown"/>: id → token); only approved days
    /// can be billed in a fee statement. The rules are in <see cref="ActivityApprovals"/>.
    /// </summary>
    public async Task<IActionResult> OnPostApproveAsync(int[]? activityIds, Dictionary<int, string?>? shown, bool all, CancellationToken ct)
    {
        // Unreadable ids or tokens (a tampered form) bind as null: nothing is approved, nothing fails.
        var tokens = (shown ?? []).Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!);
        // "Alle angezeigten freigeben" selects every row the list showed, without JavaScript.
        activityIds = all ? tokens.Keys.ToArray() : activityIds ?? [];
        if (activityIds.Length == 0)
        {
            TempData[StatusMessage.Key] = text["Bitte wählen Sie mindestens eine Aktivität aus."].Value;
            return RedirectToPage("/Engagements/Manage/Index", null, null, "approval");
        }
        var pools = await access.ManagedPoolIdsAsync(ct);
        var outcome = await approvals.ApproveAsync(activityIds, tokens, pools, access.UserId, ct);
        var message = text["{0} Aktivitäten freigegeben.", outcome.Approved].Value;
        if (outcome.Own > 0) message += " " + text["Ihre eigenen Aktivitäten gibt eine andere Koordinierung frei."].Value;
        if (outcome.Stale > 0)
            message += " " + text["{0} Aktivitäten wurden inzwischen geändert — bitte prüfen Sie den aktuellen Stand.", outcome.Stale].Value;
        TempData[StatusMessage.Key] = message;
        return RedirectToPage("/Engagements/Manage/Index", null, null, "approval");
    }
}
