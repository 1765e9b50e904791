using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>
/// The retention rules for administrators: per kind of record the legal default, the value in force, the reason, and
/// who changed it last; below, the reports of the latest runs of the daily job.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(AppDbContext db, RetentionRules rules) : PageModel
{
    public const int RunsShown = 10;

    public sealed record RuleRow(RetentionKind Kind, int Current, DateTimeOffset? ChangedAt, string? ChangedBy);
    public sealed record RunRow(DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Instance, string? RequestedBy, IReadOnlyDictionary<string, int> Counts, string? Errors);

    public IReadOnlyList<RuleRow> Rules { get; private set; } = [];
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await rules.CurrentAsync(ct);
        var changes = await db.Set<RetentionRule>().AsNoTracking()
            .Select(r => new { r.Kind, r.ChangedAt, By = db.Users.Where(u => u.Id == r.ChangedByUserId).Select(u => u.Email).FirstOrDefault() })
            .ToDictionaryAsync(r => r.Kind, ct);
        Rules = RetentionKinds.All.Select(k => new RuleRow(k, current.GetValueOrDefault(k.Key, k.Default),
            changes.GetValueOrDefault(k.Key)?.ChangedAt, changes.GetValueOrDefault(k.Key)?.By)).ToList();

        var runs = await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(RunsShown)
            .Select(r => new { r.StartedAt, r.FinishedAt, r.Instance, r.Counts, r.Errors, By = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(ct);
        Runs = runs.Select(r => new RunRow(r.StartedAt, r.FinishedAt, r.Instance, r.By,
            new RetentionRun { Instance = r.Instance, Counts = r.Counts }.CountsByKind(), r.Errors)).ToList();
    }
}
