using System.Globalization;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees;

/// <summary>Tells the advisor when a coordinator returned, approved or paid a statement — in the advisor's language.</summary>
public sealed class FeeMails(AppDbContext db, Mailer mailer, Pools.PoolCatalog pools)
{
    public enum Kind { Returned, Approved, Paid }

    public static readonly FeeReturnedMail Returned = new();
    public static readonly FeeApprovedMail Approved = new();
    public static readonly FeePaidMail Paid = new();
    public static readonly BankDetailsChangedMail BankDetailsChanged = new();
    public static readonly MailTemplate[] Templates = [Returned, Approved, Paid, BankDetailsChanged];

    public Task SendBankDetailsChangedAsync(AppUser user, string advisorName, DateTimeOffset at, string maskedIban, string accountHolder) =>
        mailer.SendAsync(BankDetailsChanged, new MailRecipient(user.Email!, advisorName, user.Culture),
            new BankDetailsChangedMail.Model(advisorName, ProgrammeTime.ToLocal(at), maskedIban, accountHolder));

    public async Task SendAsync(StatementView s, Kind kind, CancellationToken ct)
    {
        var user = s.AdvisorUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == s.AdvisorUserId).Select(u => new { u.Email, u.Culture }).FirstOrDefaultAsync(ct);
        var to = new MailRecipient(user?.Email ?? s.AdvisorEmail, s.AdvisorName, user?.Culture);
        var model = new FeeMail.Model(s.Id, s.AdvisorName, s.Year, s.Month, s.Reference, s.Totals.Total, s.ReturnComment, s.PaidOn);
        var pool = await pools.FindAsync(s.PoolId, ct);
        await (kind switch
        {
            Kind.Returned => mailer.SendAsync(Returned, to, model, pool),
            Kind.Approved => mailer.SendAsync(Approved, to, model, pool),
            _ => mailer.SendAsync(Paid, to, model, pool),
        });
    }
}

/// <summary>The three fee mails share their frame: greeting, what happened, the link to the statement.</summary>
public abstract class FeeMail : MailTemplate<FeeMail.Model>
{
    public sealed record Model(int StatementId, string AdvisorName, int Year, int Month, string Reference, decimal Total, string? ReturnComment, DateOnly? PaidOn);

    public override Type Texts => typeof(FeeMails);
    public override string Feature => "Honorare";

    protected abstract (string Subject, IEnumerable<object?> Lines) What(Model m, MailContext text, string period);

    public override MailContent Build(Model m, MailContext text)
    {
        var (subject, lines) = What(m, text, FeeTexts.Period(m.Year, m.Month));
        return new(subject, Lines([text["Guten Tag {0},", m.AdvisorName], "", .. lines, "", text.Site($"/me/fees/{m.StatementId}")]));
    }
}

public sealed class FeeReturnedMail : FeeMail
{
    public override string Id => "fees.returned";
    public override string Name => "Honorarabrechnung zurückgegeben";
    public override string Audience => "Die Berater*in, wenn die Koordinierungsstelle ihre Abrechnung mit einem Kommentar zur Überarbeitung zurückgibt.";
    public override Model Sample => new(5, "Amina Tesfaye", 2026, 3, "HA-2026-03-00005", 750m, "Bitte die Fahrtkosten vom 12.03. mit Beleg ergänzen.", null);

    protected override (string, IEnumerable<object?>) What(Model m, MailContext text, string period) => (
        text["Ihre Honorarabrechnung {0} wurde zurückgegeben", period].Value,
        [
            text["die Koordinierungsstelle hat Ihre Honorarabrechnung {0} ({1}) zur Überarbeitung zurückgegeben.", period, m.Reference],
            "", text["Kommentar:"], m.ReturnComment ?? "", "",
            text["Bitte ändern Sie die Abrechnung und reichen Sie sie erneut ein:"],
        ]);
}

public sealed class FeeApprovedMail : FeeMail
{
    public override string Id => "fees.approved";
    public override string Name => "Honorarabrechnung freigegeben";
    public override string Audience => "Die Berater*in, wenn die Koordinierungsstelle ihre eingereichte Abrechnung freigibt.";
    public override Model Sample => new(5, "Amina Tesfaye", 2026, 3, "HA-2026-03-00005", 750m, null, null);

    protected override (string, IEnumerable<object?>) What(Model m, MailContext text, string period) => (
        text["Ihre Honorarabrechnung {0} ist freigegeben", period].Value,
        [
            text["die Koordinierungsstelle hat Ihre Honorarabrechnung {0} ({1}) über {2} freigegeben. Die Auszahlung wird veranlasst.", period, m.Reference, Money.Format(m.Total)],
            "", text["Die Abrechnung und ihr PDF finden Sie hier:"],
        ]);
}

public sealed class FeePaidMail : FeeMail
{
    public override string Id => "fees.paid";
    public override string Name => "Honorarabrechnung bezahlt";
    public override string Audience => "Die Berater*in, wenn die Koordinierungsstelle die Überweisung ihrer freigegebenen Abrechnung einträgt.";
    public override Model Sample => new(5, "Amina Tesfaye", 2026, 3, "HA-2026-03-00005", 750m, null, new DateOnly(2026, 4, 15));

    protected override (string, IEnumerable<object?>) What(Model m, MailContext text, string period) => (
        text["Ihre Honorarabrechnung {0} ist bezahlt", period].Value,
        [
            text["Ihre Honorarabrechnung {0} ({1}) über {2} wurde am {3} überwiesen.", period, m.Reference, Money.Format(m.Total),
                m.PaidOn is { } paid ? MailContext.Date(paid) : ""],
            "", text["Die Abrechnung und ihr PDF finden Sie hier:"],
        ]);
}

/// <summary>
/// Warns the account's owner that the account fees are paid to has changed: a payment diversion through a stolen
/// session or password must not go unnoticed. Only the masked IBAN, never the full one.
/// </summary>
public sealed class BankDetailsChangedMail : MailTemplate<BankDetailsChangedMail.Model>
{
    public sealed record Model(string AdvisorName, DateTimeOffset ChangedAt, string MaskedIban, string AccountHolder);

    public override string Id => "fees.bank-details-changed";
    public override Type Texts => typeof(FeeMails);
    public override string Feature => "Honorare";
    public override string Name => "Bankverbindung geändert";
    public override string Audience => "Die Berater*in (an die Adresse ihres Kontos), sobald IBAN oder Kontoinhaber*in ihrer Bankverbindung geändert wurden.";
    public override Model Sample => new("Amina Tesfaye", new DateTimeOffset(2026, 3, 12, 14, 5, 0, TimeSpan.FromHours(1)), "DE•• •••• •••• •••• ••30 00", "Amina Tesfaye");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihre Bankverbindung wurde geändert"].Value,
        Lines(
            text["Guten Tag {0},", m.AdvisorName], "",
            text["am {0} um {1} Uhr wurde die Bankverbindung für Ihre Honorare geändert.", MailContext.Date(DateOnly.FromDateTime(m.ChangedAt.DateTime)), m.ChangedAt.ToString("HH:mm", CultureInfo.InvariantCulture)],
            text["Kontoinhaber*in: {0}", m.AccountHolder],
            text["IBAN: {0}", m.MaskedIban], "",
            text["Wenn Sie das nicht waren: Setzen Sie sofort ein neues Passwort und melden Sie sich bei der Koordinierungsstelle Ihres Pools, damit keine Zahlung auf dieses Konto geht."],
            text.Site("/account/forgot-password"), "",
            text["Ihre Bankverbindung sehen Sie hier:"],
            text.Site("/me/bank-details")));
}
