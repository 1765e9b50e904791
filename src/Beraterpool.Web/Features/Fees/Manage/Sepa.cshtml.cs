using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Fees.Manage;

/// <summary>
/// The office downloads one SEPA credit-transfer file (pain.001.001.09) for the chosen payable statements of a pool,
/// to upload to the pool's bank. The file carries full IBANs, so every download is audited. Other pools answer 404.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class SepaModel(TimeProvider time, AppDbContext db, FeePayments payments, PoolAccess access, IStringLocalizer<SepaModel> text) : PageModel
{
    public string PoolName { get; private set; } = "";
    public string PoolSlug { get; private set; } = "";
    public bool FourEyes { get; private set; }
    public SepaDebtor? Debtor { get; private set; }
    public IReadOnlyList<Payable> Payables { get; private set; } = [];

    [BindProperty] public List<int> Selected { get; set; } = [];
    [BindProperty] public DateOnly? ExecutionDate { get; set; }

    private DateOnly Today => time.LocalToday();

    public async Task<IActionResult> OnGetAsync(int poolId, CancellationToken ct)
    {
        if (!await LoadAsync(poolId, ct)) return NotFound();
        Selected = Payables.Where(p => p.Iban is not null).Select(p => p.Id).ToList();
        ExecutionDate = NextBankDay(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int poolId, CancellationToken ct)
    {
        if (!await LoadAsync(poolId, ct)) return NotFound();
        ModelState.Clear(); // an unreadable date binds as null and gets the message below
        var wanted = Selected.Distinct().ToList();
        var chosen = Payables.Where(p => wanted.Contains(p.Id)).ToList();
        if (Debtor is null)
            ModelState.AddModelError("", text["Für diesen Pool ist noch kein Auszahlungskonto hinterlegt. Die Administration trägt es in den Einstellungen des Pools ein."]);
        if (wanted.Count == 0)
            ModelState.AddModelError(nameof(Selected), text["Bitte wählen Sie mindestens eine Abrechnung aus."]);
        else if (chosen.Count != wanted.Count)
            ModelState.AddModelError(nameof(Selected), text["Mindestens eine gewählte Abrechnung kann nicht mehr bezahlt werden (zurückgegeben oder schon bezahlt). Bitte prüfen Sie die Liste."]);
        else if (chosen.Where(p => p.Iban is null).Select(p => p.Reference).ToList() is { Count: > 0 } missing)
            ModelState.AddModelError(nameof(Selected), text["Für {0} ist keine lesbare IBAN hinterlegt. Wählen Sie die Abrechnung ab oder geben Sie sie zurück, damit die Berater*in ihre Bankverbindung einträgt.", string.Join(", ", missing)]);
        if (ExecutionDate is not { } date)
            ModelState.AddModelError(nameof(ExecutionDate), text["Bitte geben Sie das Ausführungsdatum an."]);
        else if (date < Today || date > Today.AddDays(90))
            ModelState.AddModelError(nameof(ExecutionDate), text["Das Ausführungsdatum muss zwischen heute und den nächsten 90 Tagen liegen."]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        var messageId = $"BP-{poolId}-{ProgrammeTime.ToLocal(now):yyyyMMdd-HHmmss}";
        var file = SepaFile.Build(Debtor!, chosen.Select(p => new SepaPayment(p.EndToEndId, p.Total, p.Holder, p.Iban!, p.Bic, p.PaymentReference)).ToList(),
            messageId, now, ExecutionDate!.Value);
        // The file holds full IBANs and starts real payments: who made it, for which statements, is kept.
        db.Audit("fee.sepa", $"pool:{poolId}", access.UserId, poolId,
            $"msgId={messageId}; execution={ExecutionDate:yyyy-MM-dd}; count={chosen.Count}; sum={chosen.Sum(p => p.Total)}; statements={string.Join(',', chosen.Select(p => p.Reference))}");
        await db.SaveChangesAsync(ct);
        return File(file, "application/xml", $"sepa-{PoolSlug}-{ExecutionDate:yyyy-MM-dd}.xml");
    }

    /// <summary>The next weekday: banks do not execute transfers on weekends.</summary>
    public static DateOnly NextBankDay(DateOnly today)
    {
        var d = today.AddDays(1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }

    private async Task<bool> LoadAsync(int poolId, CancellationToken ct)
    {
        if (!await access.CanManageAsync(poolId, ct)) return false;
        var pool = await db.Pools.AsNoTracking().Where(p => p.Id == poolId)
            .Select(p => new { p.Name, p.Slug, p.FourEyesPayments, p.DebtorName, p.DebtorIban, p.DebtorBic }).FirstOrDefaultAsync(ct);
        if (pool is null) return false;
        (PoolName, PoolSlug, FourEyes) = (pool.Name, pool.Slug, pool.FourEyesPayments);
        Debtor = pool is { DebtorName: { Length: > 0 } name, DebtorIban: { Length: > 0 } iban } ? new SepaDebtor(name, iban, pool.DebtorBic) : null;
        Payables = await payments.PayableAsync(poolId, ct);
        return true;
    }
}
