using Beraterpool.Web.Features.Shared;
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

namespace Beraterpool.Web.Features.Fees.Me;

/// <summary>
/// One statement of the signed-in advisor: choose the days, add travel and other costs, submit. Only drafts and
/// returned statements can change; another advisor's statement answers 404.
/// </summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class DetailsModel(AppDbContext db, FeeStatements fees, PoolAccess access, IStringLocalizer<DetailsModel> text) : PageModel
{
    public const long MaxReceiptBytes = 5 * 1024 * 1024;

    public StatementView Statement { get; private set; } = null!;
    public IReadOnlyList<ActivityLine> Available { get; private set; } = [];
    public IReadOnlyList<FeeHistory.Entry> History { get; private set; } = [];
    public decimal KmRate { get; private set; }

    [BindProperty] public TravelInput Travel { get; set; } = new();
    [BindProperty] public CostsInput Costs { get; set; } = new();

    public sealed class TravelInput
    {
        public DateOnly? Date { get; set; }
        public string? Description { get; set; }
        /// <summary>"km" (own car: kilometres × rate) or "ticket" (amount with receipt).</summary>
        public string Mode { get; set; } = "km";
        public string? Kilometres { get; set; }
        public string? Amount { get; set; }
        public IFormFile? Receipt { get; set; }
    }

    public sealed class CostsInput
    {
        public string? OtherCosts { get; set; }
        public string? OtherCostsNote { get; set; }
        public string? TaxNote { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostActivitiesAsync(int id, int[] selected, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.IsEditable) return Locked();
        var refused = await fees.SelectAsync(Statement, selected.Distinct().ToList(), ct);
        db.Audit("fee.activities.selected", $"fee:{id}", access.UserId, Statement.PoolId,
            $"selected={string.Join(',', selected.OrderBy(x => x))}; refused={string.Join(',', refused)}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = refused.Count == 0
            ? text["Die Auswahl der Tage ist gespeichert."].Value
            : text["Die Auswahl ist gespeichert. {0} Tätigkeit(en) konnten nicht übernommen werden: Sie sind nicht freigegeben oder stehen schon auf einer anderen Abrechnung.", refused.Count].Value;
        return RedirectToPage("/Fees/Me/Details", new { id });
    }

    public async Task<IActionResult> OnPostAddTravelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.IsEditable) return Locked();
        ModelState.Clear(); // an unreadable date binds as null and gets the message below
        var date = Travel.Date;
        if (date is null) ModelState.AddModelError("Travel.Date", text["Bitte geben Sie das Datum der Reise an."]);
        else if (date.Value.Year != Statement.Year || date.Value.Month != Statement.Month)
            ModelState.AddModelError("Travel.Date", text["Das Datum muss im abgerechneten Monat liegen ({0}).", FeeTexts.Period(Statement.Year, Statement.Month)]);
        var description = Travel.Description?.Trim() ?? "";
        if (description.Length == 0) ModelState.AddModelError("Travel.Description", text["Bitte beschreiben Sie die Reise, z. B. „Bonn – Hattingen und zurück“."]);
        else if (description.Length > 300) ModelState.AddModelError("Travel.Description", text["Die Beschreibung darf höchstens 300 Zeichen lang sein."]);

        decimal? km = null, amount = null;
        byte[]? receipt = null;
        string? receiptType = null;
        if (Travel.Mode == "ticket")
        {
            amount = Money.Parse(Travel.Amount);
            if (amount is null or 0 or > 10000m) ModelState.AddModelError("Travel.Amount", text["Bitte geben Sie den Betrag des Tickets in Euro an, z. B. 23,40."]);
            if (Travel.Receipt is null || Travel.Receipt.Length == 0)
                ModelState.AddModelError("Travel.Receipt", text["Bitte laden Sie den Beleg hoch (PDF, JPEG oder PNG)."]);
            else if (Travel.Receipt.Length > MaxReceiptBytes)
                ModelState.AddModelError("Travel.Receipt", text["Der Beleg ist zu groß: höchstens 5 MB."]);
            else
            {
                using var ms = new MemoryStream();
                await Travel.Receipt.CopyToAsync(ms, ct);
                receipt = ms.ToArray();
                receiptType = Receipts.Sniff(receipt);
                if (receiptType is null) ModelState.AddModelError("Travel.Receipt", text["Der Beleg muss eine PDF-, JPEG- oder PNG-Datei sein."]);
            }
        }
        else
        {
            km = Money.Parse(Travel.Kilometres, decimals: 1);
            if (km is null or 0 or > 5000m) ModelState.AddModelError("Travel.Kilometres", text["Bitte geben Sie die gefahrenen Kilometer an, z. B. 42 oder 42,5."]);
            else amount = FeeCalculator.Kilometres(km.Value, KmRate);
        }
        if (!ModelState.IsValid) return Page();

        db.TravelCosts.Add(new TravelCost
        {
            FeeStatementId = id, Date = date!.Value, Description = description, Kilometres = km, Amount = amount!.Value,
            Receipt = receipt, ReceiptContentType = receiptType,
            ReceiptFileName = receipt is null ? null : Receipts.SafeName(Travel.Receipt!.FileName, receiptType!),
        });
        db.Audit("fee.travel.added", $"fee:{id}", access.UserId, Statement.PoolId, $"{date:yyyy-MM-dd}; km={km}; amount={amount}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Reisekosten über {0} sind hinzugefügt.", Money.Format(amount!.Value)].Value;
        return RedirectToPage("/Fees/Me/Details", null, new { id }, "travel");
    }

    public async Task<IActionResult> OnPostRemoveTravelAsync(int id, int travelId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.IsEditable) return Locked();
        var removed = await db.TravelCosts.Where(t => t.Id == travelId && t.FeeStatementId == id).ExecuteDeleteAsync(ct);
        if (removed == 0) return NotFound();
        db.Audit("fee.travel.removed", $"fee:{id}", access.UserId, Statement.PoolId, $"travel={travelId}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Reisekosten sind entfernt."].Value;
        return RedirectToPage("/Fees/Me/Details", null, new { id }, "travel");
    }

    public async Task<IActionResult> OnPostCostsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.IsEditable) return Locked();
        ModelState.Clear();
        var other = string.IsNullOrWhiteSpace(Costs.OtherCosts) ? 0m : Money.Parse(Costs.OtherCosts);
        if (other is null or > 10000m) ModelState.AddModelError("Costs.OtherCosts", text["Bitte geben Sie die sonstigen Kosten als Betrag in Euro an, z. B. 12,50."]);
        var note = Costs.OtherCostsNote?.Trim();
        if (other > 0 && string.IsNullOrEmpty(note)) ModelState.AddModelError("Costs.OtherCostsNote", text["Bitte erläutern Sie die sonstigen Kosten."]);
        if (note?.Length > 500) ModelState.AddModelError("Costs.OtherCostsNote", text["Die Erläuterung darf höchstens 500 Zeichen lang sein."]);
        var taxNote = Costs.TaxNote?.Trim();
        if (taxNote?.Length > 500) ModelState.AddModelError("Costs.TaxNote", text["Der Steuerhinweis darf höchstens 500 Zeichen lang sein."]);
        if (!ModelState.IsValid) return Page();

        var statement = await db.FeeStatements.FirstAsync(s => s.Id == id, ct);
        statement.OtherCosts = other!.Value;
        statement.OtherCostsNote = string.IsNullOrEmpty(note) ? null : note;
        statement.TaxNote = string.IsNullOrEmpty(taxNote) ? null : taxNote;
        db.Audit("fee.costs.updated", $"fee:{id}", access.UserId, Statement.PoolId, $"other={other}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Sonstige Kosten und Steuerhinweis sind gespeichert."].Value;
        return RedirectToPage("/Fees/Me/Details", null, new { id }, "costs");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.IsEditable) return Locked();
        ModelState.Clear();
        if (Statement.Bank is null)
            ModelState.AddModelError("", text["Bitte hinterlegen Sie zuerst Ihre Bankverbindung und Anschrift."]);
        if (Statement.Totals.Total <= 0)
            ModelState.AddModelError("", text["Die Abrechnung ist leer: Wählen Sie Tage aus oder tragen Sie Kosten ein."]);
        // An invoice without VAT under § 19 UStG must name the issuer's tax number (§ 14 Abs. 4 UStG).
        if (Statement.Bank is not null && FeeStatements.ClaimsSmallBusiness(Statement.TaxNote) && string.IsNullOrWhiteSpace(Statement.Bank.TaxNumber))
            ModelState.AddModelError("Costs.TaxNote", text["Mit dem Hinweis nach § 19 UStG muss Ihre Steuernummer auf der Rechnung stehen. Bitte tragen Sie sie bei Ihrer Bankverbindung ein oder ändern Sie den Steuerhinweis."]);
        if (!ModelState.IsValid) return Page();
        if (!await fees.SubmitAsync(id, access.UserId, Statement.PoolId, $"total={Statement.Totals.Total}", ct)) return Locked();
        TempData[StatusMessage.Key] = text["Die Abrechnung ist eingereicht. Die Koordinierungsstelle prüft sie; Sie bekommen eine E-Mail, sobald sie freigegeben oder zurückgegeben ist."].Value;
        return RedirectToPage("/Fees/Me/Details", new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!await fees.DeleteDraftAsync(id, access.UserId, Statement.PoolId, Statement.Reference, ct)) return Locked();
        TempData[StatusMessage.Key] = text["Der Entwurf für {0} ist gelöscht; seine Tage können wieder abgerechnet werden.", FeeTexts.Period(Statement.Year, Statement.Month)].Value;
        return RedirectToPage("/Fees/Me/Index");
    }

    private IActionResult Locked()
    {
        TempData[StatusMessage.Key] = text["Diese Abrechnung ist eingereicht und kann nicht mehr geändert werden."].Value;
        return RedirectToPage("/Fees/Me/Details", new { id = Statement.Id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var me = await fees.OwnAdvisorAsync(access.UserId, ct);
        var s = me is null ? null : await fees.LoadAsync(id, ct);
        if (s is null || s.AdvisorId != me!.Id) return false;
        Statement = s;
        if (s.IsEditable) Available = await fees.AvailableAsync(s, ct);
        KmRate = await db.Pools.Where(p => p.Id == s.PoolId).Select(p => p.Matching.KmRate).FirstAsync(ct);
        History = await FeeHistory.LoadAsync(db, id, ct);
        // The forms not posted show what is saved.
        if (Costs.OtherCosts is null && Costs.OtherCostsNote is null && Costs.TaxNote is null)
            Costs = new CostsInput { OtherCosts = s.OtherCosts == 0 ? "" : Money.Plain(s.OtherCosts), OtherCostsNote = s.OtherCostsNote, TaxNote = s.TaxNote };
        Travel.Date ??= new DateOnly(s.Year, s.Month, 1);
        return true;
    }
}
