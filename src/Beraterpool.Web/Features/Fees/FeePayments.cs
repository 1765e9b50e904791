using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees;

/// <summary>An approved statement that may be paid now, with the account it goes to (null when no IBAN is readable).</summary>
public sealed record Payable(int Id, string Reference, string? InvoiceNumber, string Advisor, int Year, int Month, decimal Total,
    string Holder, string? Iban, string? Bic)
{
    public string EndToEndId => InvoiceNumber ?? Reference;
    public string PaymentReference => FeeStatements.PaymentReference(Year, Month, EndToEndId, Advisor);
}

/// <summary>
/// What the office may pay: approved statements of a pool, and with four-eyes payments on only those a second
/// coordinator has released. Each is paid to the payee kept since submission (the bank details only for older ones).
/// </summary>
public sealed class FeePayments(AppDbContext db, FeeStatements statements, IbanProtector protector)
{
    public async Task<List<Payable>> PayableAsync(int poolId, CancellationToken ct)
    {
        var fourEyes = await db.Pools.Where(p => p.Id == poolId).Select(p => p.FourEyesPayments).FirstOrDefaultAsync(ct);
        var list = await db.FeeStatements.AsNoTracking()
            .Where(s => s.PoolId == poolId && s.Status == FeeStatementStatus.Approved && (!fourEyes || s.ReleasedAt != null))
            .OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Year, s.Month, s.DayRate, s.OtherCosts, s.InvoiceNumber, s.PayeeAccountHolder, s.PayeeIbanProtected, s.PayeeBic,
                Advisor = db.Advisors.Where(a => a.Id == s.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
                Bank = db.AdvisorBankDetails.Where(b => b.AdvisorId == s.AdvisorId).Select(b => new { b.AccountHolder, b.IbanProtected, b.Bic }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var totals = await statements.TotalsAsync(list.Select(s => (s.Id, s.DayRate, s.OtherCosts)).ToList(), ct);
        return list.Select(s =>
        {
            var kept = s.PayeeIbanProtected is not null;
            var ibanProtected = kept ? s.PayeeIbanProtected : s.Bank?.IbanProtected;
            var iban = ibanProtected is null ? null : protector.Unprotect(ibanProtected);
            return new Payable(s.Id, FeeStatements.Reference(s.Year, s.Month, s.Id), s.InvoiceNumber, s.Advisor, s.Year, s.Month, totals[s.Id].Total,
                (kept ? s.PayeeAccountHolder : s.Bank?.AccountHolder) ?? s.Advisor, iban, kept ? s.PayeeBic : s.Bank?.Bic);
        }).ToList();
    }
}
