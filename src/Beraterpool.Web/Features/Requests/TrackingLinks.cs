using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The contact's personal link is a bearer secret: it stops working a set time after the request has ended
/// (<c>Requests:TrackingLinkDaysAfterEnd</c>, default 90), and the contact or the office can replace it at any time —
/// the old one is dead at once and the new one goes to the contact's address only.
/// </summary>
public sealed class TrackingLinks(AppDbContext db, TimeProvider time, IConfiguration config, Mailer mailer, PoolCatalog pools, RequestRecords records,
    TrackingTokenVault vault)
{
    public static readonly TrackingLinkRenewedMail Renewed = new();

    /// <summary>
    /// The address of a tracking page with the secret as it is. Generated URLs are lower-cased
    /// (<c>RouteOptions.LowercaseUrls</c>), which would turn the case-sensitive secret into one that matches nothing,
    /// so links, form actions and redirects to these pages are written here instead of by <c>asp-page</c>.
    /// </summary>
    public static string Path(IUrlHelper url, string token, string? rest = null, string? handler = null) =>
        url.Content($"~/requests/track/{Uri.EscapeDataString(token)}{(rest is null ? "" : "/" + rest)}{(handler is null ? "" : "?handler=" + handler)}");

    public int DaysAfterEnd => Math.Max(1, config.GetValue("Requests:TrackingLinkDaysAfterEnd", 90));

    /// <summary>The request whose secret this is; null for a wrong one.</summary>
    public async Task<RequestRecord?> RecordAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = ConsultationRequests.HashToken(token);
        return await records.LoadAsync(db.ConsultationRequests.Where(r => r.TrackingTokenHash == hash), ct);
    }

    /// <summary>Ended (completed, declined, withdrawn) longer ago than the set time.</summary>
    public bool IsExpired(RequestRecord record)
    {
        if (!RequestWorkflow.IsFinal(record.Status)) return false;
        var ended = record.Timeline.LastOrDefault(s => s.To == record.Status)?.At ?? record.CreatedAt;
        return time.GetUtcNow() > ended.AddDays(DaysAfterEnd);
    }

    /// <summary>Replaces the secret (audited in the same transaction) and mails the new link to the contact.</summary>
    public async Task<bool> RenewAsync(int requestId, string? actorUserId, string why, CancellationToken ct)
    {
        var request = await db.ConsultationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return false;
        var token = ConsultationRequests.NewTrackingToken();
        var hash = ConsultationRequests.HashToken(token);
        var kept = vault.Protect(token);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.ConsultationRequests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.TrackingTokenHash, hash).SetProperty(r => r.TrackingTokenProtected, kept).SetProperty(r => r.UpdatedAt, time.GetUtcNow()), ct);
            db.Audit("request.tracking-link.renewed", $"request:{requestId}", actorUserId, request.PoolId, why);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var pool = await pools.FindAsync(request.PoolId, ct);
        await mailer.SendAsync(Renewed, new MailRecipient(request.ContactEmail, request.ContactName, request.Culture),
            new TrackingLinkRenewedMail.Model(request.ContactName, request.Reference, pool?.Name ?? "", token), pool);
        return true;
    }
}

public sealed class TrackingLinkRenewedMail : MailTemplate<TrackingLinkRenewedMail.Model>
{
    public sealed record Model(string ContactName, string Reference, string PoolName, string Token);

    public override string Id => "requests.tracking-link-renewed";
    public override Type Texts => typeof(RequestMails);
    public override string Feature => "Beratungsanfragen";
    public override string Name => "Neuer persönlicher Link";
    public override string Audience => "Die Kontaktperson der Kommune, wenn sie selbst oder die Koordinierungsstelle den persönlichen Link zur Anfrage erneuert; der bisherige Link gilt dann nicht mehr.";
    public override Model Sample => new("Maria Schmidt", "BA-2026-0042", "MiGlobe NRW", "BEISPIEL");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihr neuer Link zur Anfrage {0}", m.Reference].Value,
        Lines(
            text["Guten Tag {0},", m.ContactName],
            "",
            text["der persönliche Link zu Ihrer Beratungsanfrage {0} wurde erneuert. Der bisherige Link funktioniert nicht mehr.", m.Reference],
            "",
            text["Ihr neuer Link:"],
            RequestConfirmationMail.TrackingLink(text, m.Token),
            "",
            text["Bitte geben Sie den Link nicht weiter: Wer ihn kennt, kann Ihre Anfrage lesen."],
            text["Haben Sie die Erneuerung nicht veranlasst? Dann hat die Koordinierungsstelle den Link zu Ihrer Sicherheit ersetzt; bei Fragen wenden Sie sich an die Koordinierungsstelle."],
            "",
            text["Mit freundlichen Grüßen"],
            text["Ihre Koordinierungsstelle {0}", m.PoolName]));
}
