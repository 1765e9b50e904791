using System.Security.Cryptography;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees;

public sealed record OwnAdvisor(int Id, int PoolId, string FullName);

public sealed record ActivityLine(int Id, DateOnly Date, int EngagementId, string Municipality, ActivityKind Kind, int HalfDays);

public sealed record TravelLine(int Id, DateOnly Date, string Description, decimal? Kilometres, decimal Amount, string? ReceiptFileName);

public sealed record BankView(string AccountHolder, string? Iban, string IbanMasked, string? Street, string? PostalCode, string? City, string? TaxNumber,
    string? Bic = null);

/// <summary>The pool as the invoice shows it: its name and contact in the letterhead, the paying agency as recipient.</summary>
public sealed record PoolBilling(string? Recipient, string? Street, string? PostalCode, string? City, string ContactEmail, bool FourEyesPayments = false);

/// <summary>Everything a statement page, its PDF and the export show, read in one place.</summary>
public sealed record StatementView(
    int Id, int PoolId, string PoolName, int AdvisorId, string AdvisorName, string? AdvisorUserId, string AdvisorEmail,
    int Year, int Month, FeeStatementStatus Status, decimal DayRate, decimal OtherCosts, string? OtherCostsNote, string? TaxNote,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, DateOnly? PaidOn, string? ReturnComment,
    BankView? Bank, IReadOnlyList<ActivityLine> Activities, IReadOnlyList<TravelLine> Travel, int Version = 0,
    string? InvoiceNumber = null, PoolBilling? Billing = null, string? ApprovedByUserId = null, DateTimeOffset? ReleasedAt = null)
{
    /// <summary>With four-eyes payments on, an approved statement waits for a second coordinator's release before it is paid.</summary>
    public bool NeedsRelease => Billing?.FourEyesPayments == true && Status == FeeStatementStatus.Approved && ReleasedAt is null;
    public bool IsPayable => Status == FeeStatementStatus.Approved && !NeedsRelease;
    /// <summary>Verwendungszweck of the transfer, e.g. "Honorar 2026-03 Rechnung 2026-003 Ayşe Müller".</summary>
    public string PaymentReference => FeeStatements.PaymentReference(Year, Month, InvoiceNumber ?? Reference, AdvisorName);

    public string Reference => FeeStatements.Reference(Year, Month, Id);
    public bool IsEditable => FeeStatements.IsEditable(Status);
    public FeeTotals Totals => FeeCalculator.Totals(Activities.Sum(a => a.HalfDays), DayRate, Travel.Select(t => t.Amount), OtherCosts);
}

/// <summary>Keeps the IBAN readable only for this app: encrypted with Data Protection under its own purpose.</summary>
public sealed class IbanProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Beraterpool.Fees.Iban");

    public string Protect(string iban) => _protector.Protect(Iban.Normalize(iban));

    /// <summary>Null when the key ring no longer holds the key (e.g. a restored database without its keys).</summary>
    public string? Unprotect(string protectedIban)
    {
        try { return _protector.Unprotect(protectedIban); }
        catch (CryptographicException) { return null; }
    }
}

/// <summary>
/// The rules of fee statements that need the database: one statement per advisor and month, only approved and
/// not yet billed activity days, each day on one statement only, status changes that hold when two people click at once.
/// </summary>
public sealed class FeeStatements(TimeProvider time, AppDbContext db, IbanProtector protector)
{
    public const string TaxNoteDefault = "Gemäß § 19 UStG wird keine Umsatzsteuer ausgewiesen.";

    public static string Reference(int year, int month, int id) => $"HA-{year}-{month:00}-{id:00000}";

    /// <summary>At most 140 characters: what a SEPA transfer carries as unstructured remittance information.</summary>
    public static string PaymentReference(int year, int month, string invoiceNumber, string advisorName)
    {
        var text = $"Honorar {year}-{month:00} Rechnung {invoiceNumber} {advisorName}";
        return text.Length <= 140 ? text : text[..140];
    }

    /// <summary>The small-business note (§ 19 UStG) makes the tax number a required part of the invoice.</summary>
    public static bool ClaimsSmallBusiness(string? taxNote) =>
        taxNote is not null && System.Text.RegularExpressions.Regex.IsMatch(taxNote, @"§\s*19\b");

    public static bool IsEditable(FeeStatementStatus status) => status is FeeStatementStatus.Draft or FeeStatementStatus.Returned;

    public async Task<OwnAdvisor?> OwnAdvisorAsync(string? userId, CancellationToken ct) => userId is null ? null :
        await db.Advisors.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new OwnAdvisor(a.Id, a.PoolId, a.FirstName + " " + a.LastName)).FirstOrDefaultAsync(ct);

    /// <summary>The advisor's approved activities of the month in the pool that no statement bills yet.</summary>
    public IQueryable<Activity> Unbilled(int advisorId, int poolId, int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1);
        return db.Activities.Where(a => a.FeeStatementId == null && a.ApprovedAt != null && a.AdvisorId == advisorId
                                        && a.Date >= from && a.Date < to
                                        && db.Engagements.Any(e => e.Id == a.EngagementId && e.PoolId == poolId));
    }

    /// <summary>
    /// Creates the month's draft billing all its unbilled approved days; when the month already has a statement
    /// (also when a second click raced the first), answers that one instead.
    /// </summary>
    public async Task<(int Id, bool Created)> CreateAsync(OwnAdvisor advisor, int year, int month, string? userId, CancellationToken ct)
    {
        var existing = await FindAsync(advisor.Id, year, month, ct);
        if (existing is { } id) return (id, false);
        var dayRate = await db.Pools.Where(p => p.Id == advisor.PoolId).Select(p => p.DayRate).FirstAsync(ct);
        var statement = new FeeStatement
        {
            PoolId = advisor.PoolId, AdvisorId = advisor.Id, Year = year, Month = month, DayRate = dayRate,
            TaxNote = TaxNoteDefault, CreatedAt = time.GetUtcNow(),
        };
        db.FeeStatements.Add(statement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (advisor, year, month) refused a parallel twin: use the one that won.
            db.ChangeTracker.Clear();
            if (await FindAsync(advisor.Id, year, month, ct) is { } winner) return (winner, false);
            throw;
        }
        var claimed = await Unbilled(advisor.Id, advisor.PoolId, year, month)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FeeStatementId, statement.Id), ct);
        db.Audit("fee.statement.created", $"fee:{statement.Id}", userId, advisor.PoolId,
            $"{Reference(year, month, statement.Id)}; activities={claimed}; dayRate={dayRate}");
        await db.SaveChangesAsync(ct);
        return (statement.Id, true);
    }

    private Task<int?> FindAsync(int advisorId, int year, int month, CancellationToken ct) =>
        db.FeeStatements.Where(s => s.AdvisorId == advisorId && s.Year == year && s.Month == month).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Puts the chosen activities on the statement and takes the others off. The claim is one conditional update,
    /// so a day that another statement took in the meantime, or that is not approved, is simply not claimed.
    /// Returns the ids asked for that could not be claimed.
    /// </summary>
    public async Task<IReadOnlyList<int>> SelectAsync(StatementView s, IReadOnlyCollection<int> chosen, CancellationToken ct)
    {
        var release = s.Activities.Select(a => a.Id).Except(chosen).ToList();
        if (release.Count > 0)
            await db.Activities.Where(a => a.FeeStatementId == s.Id && release.Contains(a.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.FeeStatementId, (int?)null), ct);
        var wanted = chosen.Except(s.Activities.Select(a => a.Id)).ToList();
        if (wanted.Count == 0) return [];
        await Unbilled(s.AdvisorId, s.PoolId, s.Year, s.Month).Where(a => wanted.Contains(a.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FeeStatementId, s.Id), ct);
        var got = await db.Activities.Where(a => a.FeeStatementId == s.Id && wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        return wanted.Except(got).ToList();
    }

    /// <summary>
    /// Status changes follow <see cref="FeeStatementWorkflow"/> as conditional updates — false when the status changed
    /// meanwhile (someone else was quicker) — and are saved in one transaction with their audit entry.
    /// </summary>
    /// <summary>
    /// Submitting also takes the payee (holder and encrypted IBAN) from the bank details onto the statement: what the
    /// advisor submitted and the coordinator approves is what the export pays, whatever the bank details say later.
    /// The first submission also gives the statement the advisor's next invoice number of the year; a statement
    /// returned and submitted again keeps its number.
    /// </summary>
    public async Task<bool> SubmitAsync(int id, string? userId, int poolId, string details, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MoveAsync(id, FeeStatementStatus.Submitted, userId, poolId, details, null, async (q, now) =>
                {
                    var payee = await PayeeAsync(id, ct);
                    var (holder, ibanProtected, last4, bic) = (payee?.AccountHolder, payee?.IbanProtected, payee?.IbanLast4, payee?.Bic);
                    var number = await NextInvoiceNumberAsync(id, now, ct);
                    return await q.ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, FeeStatementStatus.Submitted).SetProperty(s => s.SubmittedAt, now)
                        .SetProperty(s => s.PayeeAccountHolder, holder).SetProperty(s => s.PayeeIbanProtected, ibanProtected)
                        .SetProperty(s => s.PayeeIbanLast4, last4).SetProperty(s => s.PayeeBic, bic)
                        .SetProperty(s => s.InvoiceNumber, s => s.InvoiceNumber ?? number)
                        .SetProperty(s => s.Version, s => s.Version + 1), ct);
                }, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The unique index (advisor, invoice number) refused a number a parallel submission took: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>"2026-003": the advisor's numbers of the submission year, counted on.</summary>
    private async Task<string> NextInvoiceNumberAsync(int statementId, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"{ProgrammeTime.LocalDate(now).Year}-";
        var taken = await db.FeeStatements
            .Where(s => s.InvoiceNumber != null && s.InvoiceNumber.StartsWith(prefix)
                        && db.FeeStatements.Any(o => o.Id == statementId && o.AdvisorId == s.AdvisorId))
            .Select(s => s.InvoiceNumber!).ToListAsync(ct);
        var last = taken.Select(n => int.TryParse(n[prefix.Length..], out var k) ? k : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{last + 1:000}";
    }

    /// <summary>
    /// Only while every billed activity is still approved (an approval taken back on the engagement blocks it), only
    /// by someone who is not the statement's advisor, and only the version the approver saw. A statement submitted
    /// before payees were kept gets its payee now.
    /// </summary>
    public Task<bool> ApproveAsync(int id, int version, string? userId, int poolId, string details, CancellationToken ct) =>
        MoveAsync(id, FeeStatementStatus.Approved, userId, poolId, details, version, async (q, now) =>
        {
            var payee = await PayeeAsync(id, ct);
            var (holder, ibanProtected, last4, bic) = (payee?.AccountHolder, payee?.IbanProtected, payee?.IbanLast4, payee?.Bic);
            return await q.Where(s => !db.Activities.Any(a => a.FeeStatementId == s.Id && a.ApprovedAt == null))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, FeeStatementStatus.Approved)
                    .SetProperty(s => s.ApprovedAt, now).SetProperty(s => s.ApprovedByUserId, userId)
                    .SetProperty(s => s.PayeeAccountHolder, s => s.PayeeIbanProtected == null ? holder : s.PayeeAccountHolder)
                    .SetProperty(s => s.PayeeIbanLast4, s => s.PayeeIbanProtected == null ? last4 : s.PayeeIbanLast4)
                    .SetProperty(s => s.PayeeBic, s => s.PayeeIbanProtected == null ? bic : s.PayeeBic)
                    .SetProperty(s => s.PayeeIbanProtected, s => s.PayeeIbanProtected ?? ibanProtected)
                    .SetProperty(s => s.Version, s => s.Version + 1), ct);
        }, ct);

    public Task<bool> ReturnAsync(int id, int version, string comment, string? userId, int poolId, CancellationToken ct) =>
        MoveAsync(id, FeeStatementStatus.Returned, userId, poolId, comment, version, (q, _) => q
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, FeeStatementStatus.Returned).SetProperty(s => s.ReturnComment, comment)
                .SetProperty(s => s.ApprovedAt, (DateTimeOffset?)null).SetProperty(s => s.ApprovedByUserId, (string?)null)
                .SetProperty(s => s.ReleasedAt, (DateTimeOffset?)null).SetProperty(s => s.ReleasedByUserId, (string?)null)
                .SetProperty(s => s.Version, s => s.Version + 1), ct), ct);

    /// <summary>With four-eyes payments on, only a released statement is paid.</summary>
    public Task<bool> MarkPaidAsync(int id, int version, DateOnly paidOn, string? userId, int poolId, CancellationToken ct) =>
        MoveAsync(id, FeeStatementStatus.Paid, userId, poolId, $"paidOn={paidOn:yyyy-MM-dd}", version, (q, _) => q
            .Where(s => s.ReleasedAt != null || !db.Pools.Any(p => p.Id == s.PoolId && p.FourEyesPayments))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, FeeStatementStatus.Paid).SetProperty(s => s.PaidOn, paidOn)
                .SetProperty(s => s.Version, s => s.Version + 1), ct), ct);

    /// <summary>
    /// The second pair of eyes: in a pool with four-eyes payments, someone who neither approved the statement nor is its
    /// advisor releases the approved version they saw for payment. Irreversible (a returned statement starts again), so it
    /// is one conditional update, saved in one transaction with its audit entry; false when any condition does not hold.
    /// </summary>
    public async Task<bool> ReleaseAsync(int id, int version, string userId, int poolId, string details, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var released = await db.FeeStatements
            .Where(s => s.Id == id && s.Status == FeeStatementStatus.Approved && s.ReleasedAt == null && s.Version == version
                        && s.ApprovedByUserId != null && s.ApprovedByUserId != userId
                        && !db.Advisors.Any(a => a.Id == s.AdvisorId && a.UserId == userId)
                        && db.Pools.Any(p => p.Id == s.PoolId && p.FourEyesPayments))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReleasedAt, now).SetProperty(s => s.ReleasedByUserId, userId)
                .SetProperty(s => s.Version, s => s.Version + 1), ct);
        if (released != 1) return false;
        db.Audit("fee.statement.released", $"fee:{id}", userId, poolId, details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Coordinator moves (<paramref name="version"/> given) apply only to the version that was shown and never to the
    /// mover's own statement: separation of duties is a rule of the workflow, not of one page.
    /// </summary>
    private async Task<bool> MoveAsync(int id, FeeStatementStatus to, string? userId, int poolId, string details, int? version,
        Func<IQueryable<FeeStatement>, DateTimeOffset, Task<int>> update, CancellationToken ct)
    {
        var from = FeeStatementWorkflow.From(to);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = db.FeeStatements.Where(s => s.Id == id && from.Contains(s.Status));
        if (version is { } shown) target = target.Where(s => s.Version == shown);
        if (version is not null && userId is not null) target = target.Where(s => !db.Advisors.Any(a => a.Id == s.AdvisorId && a.UserId == userId));
        if (await update(target, time.GetUtcNow()) != 1) return false;
        db.Audit($"fee.statement.{to.ToString().ToLowerInvariant()}", $"fee:{id}", userId, poolId, details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private Task<AdvisorBankDetails?> PayeeAsync(int statementId, CancellationToken ct) =>
        db.AdvisorBankDetails.AsNoTracking()
            .Where(b => db.FeeStatements.Any(s => s.Id == statementId && s.AdvisorId == b.AdvisorId)).FirstOrDefaultAsync(ct);

    /// <summary>True when the statement bills the work of the given account: its holder may not decide on it.</summary>
    public static bool IsOwn(StatementView s, string? userId) => userId is not null && s.AdvisorUserId == userId;

    public Task<bool> HasUnapprovedAsync(int id, CancellationToken ct) =>
        db.Activities.AnyAsync(a => a.FeeStatementId == id && a.ApprovedAt == null, ct);

    /// <summary>Deletes a draft and gives its days back, so they can be billed on a new statement; audited in the same transaction.</summary>
    public async Task<bool> DeleteDraftAsync(int id, string? userId, int poolId, string reference, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Activities.Where(a => a.FeeStatementId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.FeeStatementId, (int?)null), ct);
        await db.TravelCosts.Where(t => t.FeeStatementId == id).ExecuteDeleteAsync(ct);
        var deleted = await db.FeeStatements.Where(s => s.Id == id && s.Status == FeeStatementStatus.Draft).ExecuteDeleteAsync(ct);
        if (deleted == 0) return false; // disposing rolls back
        db.Audit("fee.statement.deleted", $"fee:{id}", userId, poolId, reference);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<StatementView?> LoadAsync(int id, CancellationToken ct)
    {
        var head = await db.FeeStatements.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new
            {
                s,
                Pool = db.Pools.Where(p => p.Id == s.PoolId).Select(p => new
                {
                    p.Name, Billing = new PoolBilling(p.InvoiceRecipient, p.InvoiceStreet, p.InvoicePostalCode, p.InvoiceCity, p.ContactEmail, p.FourEyesPayments),
                }).First(),
                Advisor = db.Advisors.Where(a => a.Id == s.AdvisorId).Select(a => new { a.FirstName, a.LastName, a.UserId, a.Email }).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var s = head.s;
        var activities = await (from a in db.Activities.AsNoTracking()
                                where a.FeeStatementId == id
                                join e in db.Engagements on a.EngagementId equals e.Id
                                join m in db.Municipalities on e.MunicipalityKey equals m.OfficialKey
                                orderby a.Date, a.Id
                                select new ActivityLine(a.Id, a.Date, a.EngagementId, m.ShortName, a.Kind, a.HalfDays)).ToListAsync(ct);
        var travel = await db.TravelCosts.AsNoTracking().Where(t => t.FeeStatementId == id).OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new TravelLine(t.Id, t.Date, t.Description, t.Kilometres, t.Amount, t.ReceiptFileName)).ToListAsync(ct);
        var bank = await BankAsync(s.AdvisorId, ct);
        if (s.PayeeIbanProtected is { } kept) bank = Payee(bank, s.PayeeAccountHolder ?? "", kept, s.PayeeIbanLast4 ?? "", s.PayeeBic);
        return new StatementView(s.Id, s.PoolId, head.Pool.Name, s.AdvisorId, head.Advisor.FirstName + " " + head.Advisor.LastName,
            head.Advisor.UserId, head.Advisor.Email, s.Year, s.Month, s.Status, s.DayRate, s.OtherCosts, s.OtherCostsNote, s.TaxNote,
            s.CreatedAt, s.SubmittedAt, s.ApprovedAt, s.PaidOn, s.ReturnComment, bank, activities, travel, s.Version,
            s.InvoiceNumber, head.Pool.Billing, s.ApprovedByUserId, s.ReleasedAt);
    }

    /// <summary>The account a submitted statement is paid to, with the advisor's current address.</summary>
    public BankView Payee(BankView? current, string holder, string ibanProtected, string last4, string? bic)
    {
        var iban = protector.Unprotect(ibanProtected);
        return new BankView(holder, iban, iban is null ? "•••• " + last4 : Iban.Mask(iban),
            current?.Street, current?.PostalCode, current?.City, current?.TaxNumber, bic);
    }

    public async Task<BankView?> BankAsync(int advisorId, CancellationToken ct)
    {
        var b = await db.AdvisorBankDetails.AsNoTracking().FirstOrDefaultAsync(x => x.AdvisorId == advisorId, ct);
        if (b is null) return null;
        var iban = protector.Unprotect(b.IbanProtected);
        return new BankView(b.AccountHolder, iban, iban is null ? "•••• " + b.IbanLast4 : Iban.Mask(iban), b.Street, b.PostalCode, b.City, b.TaxNumber, b.Bic);
    }

    /// <summary>The statement's receipts with their content, only for its PDF (pages never load them).</summary>
    public Task<List<ReceiptFile>> ReceiptsAsync(int statementId, CancellationToken ct) =>
        db.TravelCosts.AsNoTracking().Where(t => t.FeeStatementId == statementId && t.Receipt != null)
            .OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new ReceiptFile(t.Date, t.Description, t.ReceiptFileName ?? "beleg", t.ReceiptContentType ?? "", t.Receipt!)).ToListAsync(ct);

    /// <summary>Activities the advisor could still add to the statement (approved, unbilled, same month).</summary>
    public Task<List<ActivityLine>> AvailableAsync(StatementView s, CancellationToken ct) =>
        (from a in Unbilled(s.AdvisorId, s.PoolId, s.Year, s.Month).AsNoTracking()
         join e in db.Engagements on a.EngagementId equals e.Id
         join m in db.Municipalities on e.MunicipalityKey equals m.OfficialKey
         orderby a.Date, a.Id
         select new ActivityLine(a.Id, a.Date, a.EngagementId, m.ShortName, a.Kind, a.HalfDays)).ToListAsync(ct);

    /// <summary>Sums for a page of statements in two small queries (no decimal aggregates in SQL: SQLite has none).</summary>
    public async Task<Dictionary<int, FeeTotals>> TotalsAsync(IReadOnlyCollection<(int Id, decimal DayRate, decimal Other)> statements, CancellationToken ct)
    {
        var ids = statements.Select(s => s.Id).ToList();
        var halfDays = await db.Activities.Where(a => a.FeeStatementId != null && ids.Contains(a.FeeStatementId.Value))
            .GroupBy(a => a.FeeStatementId!.Value).Select(g => new { g.Key, Sum = g.Sum(a => a.HalfDays) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var travel = (await db.TravelCosts.Where(t => ids.Contains(t.FeeStatementId)).Select(t => new { t.FeeStatementId, t.Amount }).ToListAsync(ct))
            .ToLookup(t => t.FeeStatementId, t => t.Amount);
        return statements.ToDictionary(s => s.Id, s => FeeCalculator.Totals(halfDays.GetValueOrDefault(s.Id), s.DayRate, travel[s.Id], s.Other));
    }
}

/// <summary>
/// The allowed moves of a fee statement: the advisor submits a draft (or a returned one again), the coordinator
/// approves or returns it, returns an approved one too, and marks an approved one paid. Pure, so it is tested directly.
/// </summary>
public static class FeeStatementWorkflow
{
    private static readonly Dictionary<FeeStatementStatus, FeeStatementStatus[]> Moves = new()
    {
        [FeeStatementStatus.Draft] = [FeeStatementStatus.Submitted],
        [FeeStatementStatus.Returned] = [FeeStatementStatus.Submitted],
        [FeeStatementStatus.Submitted] = [FeeStatementStatus.Approved, FeeStatementStatus.Returned],
        [FeeStatementStatus.Approved] = [FeeStatementStatus.Paid, FeeStatementStatus.Returned],
        [FeeStatementStatus.Paid] = [],
    };

    public static bool CanMove(FeeStatementStatus from, FeeStatementStatus to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static FeeStatementStatus[] From(FeeStatementStatus to) => Moves.Where(m => m.Value.Contains(to)).Select(m => m.Key).ToArray();
}
