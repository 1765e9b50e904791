using Beraterpool.Web.Features.Shared;
using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Fees;

/// <summary>Tells the advisor when a coordinator returned, approved or paid a statement — in the advisor's language.</summary>
public sealed class FeeMails(AppDbContext db, EmailSender sender, IStringLocalizer<FeeMails> text, IHttpContextAccessor http, IConfiguration config)
{
    public enum Kind { Returned, Approved, Paid }

    public async Task SendAsync(StatementView s, Kind kind, CancellationToken ct)
    {
        var user = s.AdvisorUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == s.AdvisorUserId).Select(u => new { u.Email, u.Culture }).FirstOrDefaultAsync(ct);
        var to = user?.Email ?? s.AdvisorEmail;
        var link = $"{BaseUrl}/me/fees/{s.Id}";
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        var culture = new CultureInfo(user?.Culture is "en" or "fr" ? user.Culture : "de");
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var period = FeeTexts.Period(s.Year, s.Month);
            var total = Money.Format(s.Totals.Total);
            var (subject, lines) = kind switch
            {
                Kind.Returned => (text["Ihre Honorarabrechnung {0} wurde zurückgegeben", period].Value, new[]
                {
                    text["die Koordinierungsstelle hat Ihre Honorarabrechnung {0} ({1}) zur Überarbeitung zurückgegeben.", period, s.Reference].Value,
                    "", text["Kommentar:"].Value, s.ReturnComment ?? "", "",
                    text["Bitte ändern Sie die Abrechnung und reichen Sie sie erneut ein:"].Value,
                }),
                Kind.Approved => (text["Ihre Honorarabrechnung {0} ist freigegeben", period].Value, new[]
                {
                    text["die Koordinierungsstelle hat Ihre Honorarabrechnung {0} ({1}) über {2} freigegeben. Die Auszahlung wird veranlasst.", period, s.Reference, total].Value,
                    "", text["Die Abrechnung und ihr PDF finden Sie hier:"].Value,
                }),
                _ => (text["Ihre Honorarabrechnung {0} ist bezahlt", period].Value, new[]
                {
                    text["Ihre Honorarabrechnung {0} ({1}) über {2} wurde am {3} überwiesen.", period, s.Reference, total,
                        s.PaidOn?.ToString("d", CultureInfo.CurrentCulture) ?? ""].Value,
                    "", text["Die Abrechnung und ihr PDF finden Sie hier:"].Value,
                }),
            };
            var body = string.Join("\r\n", new[] { text["Guten Tag {0},", s.AdvisorName].Value, "" }.Concat(lines).Concat(["", link]));
            await sender.SendAsync(new EmailMessage(to, subject, body), ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    private string BaseUrl => http.HttpContext?.Request is { } r
        ? $"{r.Scheme}://{r.Host}{r.PathBase}"
        : (config["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');
}
