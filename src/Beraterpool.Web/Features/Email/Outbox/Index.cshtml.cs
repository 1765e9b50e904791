using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Email.Outbox;

/// <summary>
/// The mails that have not left yet (<see cref="MailOutbox"/>): waiting for a retry or failed for good, with what the
/// mail server answered. A coordinator sees the mails about their own pools only — a mail without a pool (password,
/// sign-in link) may concern anyone, so only administrators see it. The text is never shown: it may hold one-time links.
/// "Erneut senden" starts a new round of attempts with one at once; "Verwerfen" deletes the mail after a confirmation.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, MailOutbox outbox, TimeProvider time, IStringLocalizer<IndexModel> text) : PageModel
{
    public const int Shown = 500;

    public sealed record Row(long Id, string To, string Subject, string TemplateId, string? PoolName, OutboxStatus Status, int Attempts,
        string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt);

    /// <summary>A mail to confirm discarding (<c>?discard=ID</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Discard { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Row? ToDiscard { get; private set; }
    public bool IsAdministrator => access.IsAdministrator;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = (await VisibleAsync(ct)).Where(m => m.Status != OutboxStatus.Sent);
        Total = await open.CountAsync(ct);
        Rows = await Project(open.OrderByDescending(m => m.Status == OutboxStatus.Failed).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id))
            .Take(Shown).ToListAsync(ct);
        if (Discard is { } id) ToDiscard = Rows.FirstOrDefault(r => r.Id == id) ?? await Project(open.Where(m => m.Id == id)).FirstOrDefaultAsync(ct);
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } mail) return NotFound();
        var now = time.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Not while an instance is sending it, and never a sent one again.
            var requeued = await db.OutboxMails.Where(m => m.Id == id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.QueuedAt, now).SetProperty(m => m.Attempts, 0), ct);
            if (requeued == 0) return Done(text["Diese E-Mail wird gerade gesendet oder ist schon gesendet."]);
            db.Audit("mail.resent", $"mail:{id}", access.UserId, mail.PoolId, $"{mail.TemplateId}; to={mail.To}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return Done(await outbox.TryDeliverAsync(id) switch
        {
            MailOutbox.Outcome.Sent => text["Die E-Mail an {0} ist gesendet.", mail.To],
            MailOutbox.Outcome.NotClaimed => text["Die E-Mail an {0} wird gerade gesendet.", mail.To],
            MailOutbox.Outcome.Failed => text["Die E-Mail an {0} konnte wieder nicht gesendet werden; der Mailserver nimmt sie nicht an.", mail.To],
            _ => text["Die E-Mail an {0} konnte wieder nicht gesendet werden. Der Beraterpool versucht es weiter.", mail.To],
        });
    }

    public async Task<IActionResult> OnPostDiscardAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } mail) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.OutboxMails.Where(m => m.Id == id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed)).ExecuteDeleteAsync(ct);
        if (deleted == 0) return Done(text["Diese E-Mail wird gerade gesendet oder ist schon gesendet."]);
        db.Audit("mail.discarded", $"mail:{id}", access.UserId, mail.PoolId, $"{mail.TemplateId}; to={mail.To}; attempts={mail.Attempts}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Done(text["Die E-Mail an {0} ist verworfen; sie wird nicht mehr gesendet.", mail.To]);
    }

    private IActionResult Done(string message)
    {
        TempData[StatusMessage.Key] = message;
        return RedirectToPage();
    }

    private async Task<OutboxMail?> FindAsync(long id, CancellationToken ct) =>
        await (await VisibleAsync(ct)).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    private async Task<IQueryable<OutboxMail>> VisibleAsync(CancellationToken ct)
    {
        if (access.IsAdministrator) return db.OutboxMails.AsNoTracking();
        var pools = await access.ManagedPoolIdsAsync(ct);
        return db.OutboxMails.AsNoTracking().Where(m => m.PoolId != null && pools.Contains(m.PoolId.Value));
    }

    private IQueryable<Row> Project(IQueryable<OutboxMail> mails) =>
        mails.Select(m => new Row(m.Id, m.To, m.Subject, m.TemplateId, db.Pools.Where(p => p.Id == m.PoolId).Select(p => p.Name).FirstOrDefault(),
            m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt));

    public sealed record Counts(int Failed, int Waiting);

    /// <summary>Mails of these pools that failed for good, and those waiting for a retry; for the start page of the administration.</summary>
    public static async Task<Counts> CountsAsync(AppDbContext db, bool administrator, int[] pools, CancellationToken ct)
    {
        var byStatus = await db.OutboxMails.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
                        && (administrator || (m.PoolId != null && pools.Contains(m.PoolId.Value))))
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Counts(byStatus.Where(s => s.Key == OutboxStatus.Failed).Sum(s => s.Count), byStatus.Where(s => s.Key == OutboxStatus.Pending).Sum(s => s.Count));
    }
}
