using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Fees.Manage;

/// <summary>
/// A coordinator checks a statement of their pool: approve it, return it with a comment, mark it paid. Every step
/// is audited and e-mailed to the advisor. Statements of other pools answer 404.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class DetailsModel(TimeProvider time, AppDbContext db, FeeStatements fees, FeeMails mails, PoolAccess access, IStringLocalizer<DetailsModel> text) : PageModel
{
    public StatementView Statement { get; private set; } = null!;
    public IReadOnlyList<FeeHistory.Entry> History { get; private set; } = [];

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public DateOnly? PaidOn { get; set; }
    /// <summary>The statement's version the page showed; a decision on another version is refused as stale.</summary>
    [BindProperty] public int? Version { get; set; }
    /// <summary>The release of a payment is irreversible: the coordinator confirms they checked payee and amount.</summary>
    [BindProperty] public bool ConfirmRelease { get; set; }

    /// <summary>The statement bills the viewer's own work: another person decides on it.</summary>
    public bool IsOwn => FeeStatements.IsOwn(Statement, access.UserId);

    /// <summary>The viewer approved the statement: with four-eyes payments another person releases it.</summary>
    public bool IsApprover => access.UserId is not null && Statement.ApprovedByUserId == access.UserId;

    private DateOnly Today => time.LocalToday();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        PaidOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsOwn) return Own(id);
        if (!await fees.ApproveAsync(id, Version ?? -1, access.UserId, Statement.PoolId, $"total={Statement.Totals.Total}", ct))
        {
            if (Statement.Status != FeeStatementStatus.Submitted || Statement.Version != Version || !await fees.HasUnapprovedAsync(id, ct)) return Stale(id);
            ModelState.AddModelError("", text["Auf der Abrechnung stehen Tage, die nicht (mehr) freigegeben sind. Geben Sie die Abrechnung zurück, damit die Berater*in sie abwählt."]);
            PaidOn = Today;
            return Page();
        }
        return await DoneAsync(id, FeeMails.Kind.Approved,
            text["Die Abrechnung ist freigegeben; {0} ist per E-Mail informiert.", Statement.AdvisorName], ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsOwn) return Own(id);
        ModelState.Clear();
        var comment = Comment?.Trim() ?? "";
        if (comment.Length == 0) ModelState.AddModelError(nameof(Comment), text["Bitte schreiben Sie, was geändert werden soll."]);
        else if (comment.Length > 1000) ModelState.AddModelError(nameof(Comment), text["Der Kommentar darf höchstens 1000 Zeichen lang sein."]);
        if (!ModelState.IsValid)
        {
            PaidOn ??= Today;
            return Page();
        }
        if (!await fees.ReturnAsync(id, Version ?? -1, comment, access.UserId, Statement.PoolId, ct)) return Stale(id);
        return await DoneAsync(id, FeeMails.Kind.Returned,
            text["Die Abrechnung ist an {0} zurückgegeben.", Statement.AdvisorName], ct);
    }

    public async Task<IActionResult> OnPostPaidAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsOwn) return Own(id);
        ModelState.Clear(); // an unreadable date binds as null and gets the message below
        var date = PaidOn;
        if (date is null) ModelState.AddModelError(nameof(PaidOn), text["Bitte geben Sie das Datum der Überweisung an."]);
        else if (date > Today) ModelState.AddModelError(nameof(PaidOn), text["Das Datum der Überweisung darf nicht in der Zukunft liegen."]);
        else if (Statement.ApprovedAt is { } approved && date < ProgrammeTime.LocalDate(approved))
            ModelState.AddModelError(nameof(PaidOn), text["Das Datum der Überweisung liegt vor der Freigabe."]);
        if (!ModelState.IsValid) return Page();
        if (!await fees.MarkPaidAsync(id, Version ?? -1, date!.Value, access.UserId, Statement.PoolId, ct)) return Stale(id);
        return await DoneAsync(id, FeeMails.Kind.Paid,
            text["Die Abrechnung ist als bezahlt markiert; {0} ist per E-Mail informiert.", Statement.AdvisorName], ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsOwn) return Own(id);
        if (IsApprover)
        {
            TempData[StatusMessage.Key] = text["Sie haben die Abrechnung geprüft und freigegeben. Die Zahlung gibt nach dem Vier-Augen-Prinzip eine andere Koordinierung frei."].Value;
            return RedirectToPage("/Fees/Manage/Details", new { id });
        }
        ModelState.Clear();
        if (!ConfirmRelease)
        {
            ModelState.AddModelError(nameof(ConfirmRelease), text["Bitte bestätigen Sie, dass Sie Empfänger*in, IBAN und Betrag geprüft haben."]);
            PaidOn = Today;
            return Page();
        }
        if (!await fees.ReleaseAsync(id, Version ?? -1, access.UserId!, Statement.PoolId, $"total={Statement.Totals.Total}; iban={Statement.Bank?.IbanMasked}", ct))
            return Stale(id);
        TempData[StatusMessage.Key] = text["Die Zahlung über {0} an {1} ist freigegeben. Sie kann jetzt überwiesen werden.", Money.Format(Statement.Totals.Total), Statement.AdvisorName].Value;
        return RedirectToPage("/Fees/Manage/Details", new { id });
    }

    private async Task<IActionResult> DoneAsync(int id, FeeMails.Kind mail, string message, CancellationToken ct)
    {
        // The mail tells the new state, so it is read again after the change.
        if (await fees.LoadAsync(id, ct) is { } changed) await mails.SendAsync(changed, mail, ct);
        TempData[StatusMessage.Key] = message;
        return RedirectToPage("/Fees/Manage/Details", new { id });
    }

    private IActionResult Stale(int id)
    {
        TempData[StatusMessage.Key] = text["Die Abrechnung wurde inzwischen geändert — bitte prüfen Sie den aktuellen Stand."].Value;
        return RedirectToPage("/Fees/Manage/Details", new { id });
    }

    private IActionResult Own(int id)
    {
        TempData[StatusMessage.Key] = text["Über Ihre eigene Abrechnung entscheidet eine andere Koordinierung oder die Administration."].Value;
        return RedirectToPage("/Fees/Manage/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await fees.LoadAsync(id, ct);
        if (s is null || !await access.CanManageAsync(s.PoolId, ct)) return false;
        Statement = s;
        History = await FeeHistory.LoadAsync(db, id, ct);
        return true;
    }
}
