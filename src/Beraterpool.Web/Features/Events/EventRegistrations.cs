using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Events;

/// <summary>What a person types to register; the office uses the same fields to register someone itself.</summary>
public sealed record RegistrationData(string Name, string Email, string? Organisation, string? Function, string? Notes, string? Culture,
    IReadOnlyList<AnswerData>? Answers = null);

public enum RegisterOutcome { Registered, Waiting, Full, Closed, AlreadyRegistered }

/// <summary>
/// The waiting list: a place is taken by registering while places are free, or by an offer to the first person waiting
/// when someone with a place cancels (held for <see cref="OfferHours"/>, then it passes on). Every change that frees or
/// takes a place runs in one transaction that first bumps the event's row: concurrent registrations for the last place
/// take turns (a row lock on PostgreSQL, the write lock on SQLite), so an event is never booked over its capacity.
/// Mails go after the commit.
/// </summary>
public sealed class EventRegistrations(AppDbContext db, TimeProvider time, EventMails mails, TrackingTokenVault vault, IConfiguration config)
{
    public int OfferHours => Math.Max(1, config.GetValue("Events:OfferHours", 48));

    public static string NewToken() => ConsultationRequests.NewTrackingToken();
    public static string Hash(string token) => ConsultationRequests.HashToken(token);

    /// <summary>A registration from the public form (<paramref name="byOffice"/> false) or by the office, which may also book an event by invitation or past its deadline.</summary>
    public async Task<(RegisterOutcome Outcome, EventRegistration? Registration)> RegisterAsync(int eventId, RegistrationData data, bool joinWaitingList,
        bool byOffice, string? actorUserId, CancellationToken ct)
    {
        var token = NewToken();
        EventRegistration registration;
        Event e;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            e = await LockAsync(eventId, ct);
            var now = time.GetUtcNow();
            if (e.IsCancelled || (!byOffice && (!e.IsPublic || now >= e.RegistrationClosesAt))) return (RegisterOutcome.Closed, null);
            var email = data.Email.Trim();
            if (await db.EventRegistrations.AnyAsync(r => r.EventId == eventId && r.Email == email
                    && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waiting || r.Status == RegistrationStatus.Offered), ct))
                return (RegisterOutcome.AlreadyRegistered, null);
            var full = await IsFullAsync(e, ct);
            if (full && !joinWaitingList) return (RegisterOutcome.Full, null);
            registration = new EventRegistration
            {
                EventId = eventId, Name = data.Name.Trim(), Email = email, Organisation = Clean(data.Organisation), Function = Clean(data.Function),
                Notes = Clean(data.Notes), Culture = data.Culture, Status = full ? RegistrationStatus.Waiting : RegistrationStatus.Registered,
                TokenHash = Hash(token), TokenProtected = vault.Protect(token), ConsentGivenAt = now, RegisteredAt = now,
            };
            db.EventRegistrations.Add(registration);
            await db.SaveChangesAsync(ct);
            db.EventAnswers.AddRange((data.Answers ?? []).Select(a => new EventAnswer
            {
                RegistrationId = registration.Id, QuestionId = a.QuestionId, Question = a.Question, Position = a.Position, Value = a.Value,
            }));
            db.Audit(byOffice ? "event.registration.added" : "event.registered", $"event:{eventId}", actorUserId, e.PoolId,
                $"registration:{registration.Id}; {registration.Status}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await mails.SendAsync(registration.Status == RegistrationStatus.Registered ? EventMails.Registered : EventMails.Waiting, e, registration, token, ct);
        return (registration.Status == RegistrationStatus.Registered ? RegisterOutcome.Registered : RegisterOutcome.Waiting, registration);
    }

    public async Task<EventRegistration?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        return await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
    }

    /// <summary>The person cancels through the personal link; a place they held goes to the first person waiting.</summary>
    public async Task<bool> CancelAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var id = await db.EventRegistrations.Where(r => r.TokenHash == hash).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return id is { } found && await CancelAsync(found, null, ct);
    }

    /// <summary>Cancels by the office (<paramref name="actorUserId"/>) or by the person.</summary>
    public async Task<bool> CancelAsync(int registrationId, string? actorUserId, CancellationToken ct)
    {
        Event e;
        EventRegistration r;
        List<(EventRegistration, string)> offers;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var eventId = await db.EventRegistrations.Where(x => x.Id == registrationId).Select(x => (int?)x.EventId).FirstOrDefaultAsync(ct);
            if (eventId is null) return false;
            e = await LockAsync(eventId.Value, ct);
            r = await db.EventRegistrations.SingleAsync(x => x.Id == registrationId, ct);
            if (r.Status is RegistrationStatus.Cancelled or RegistrationStatus.Expired) return false;
            (r.Status, r.CancelledAt, r.OfferExpiresAt) = (RegistrationStatus.Cancelled, time.GetUtcNow(), null);
            db.Audit(actorUserId is null ? "event.registration.cancelled" : "event.registration.cancelled-by-office", $"event:{e.Id}", actorUserId, e.PoolId,
                $"registration:{r.Id}");
            await db.SaveChangesAsync(ct);
            offers = await OfferFreePlacesAsync(e, ct);
            await tx.CommitAsync(ct);
        }
        await mails.SendAsync(EventMails.Cancelled, e, r, "", ct);
        await SendOffersAsync(e, offers, ct);
        return true;
    }

    /// <summary>The person takes the place offered to them, while the offer holds.</summary>
    public async Task<bool> AcceptOfferAsync(string token, CancellationToken ct)
    {
        Event e;
        EventRegistration r;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var hash = Hash(token);
            var found = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(x => x.TokenHash == hash, ct);
            if (found is null) return false;
            e = await LockAsync(found.EventId, ct);
            r = await db.EventRegistrations.SingleAsync(x => x.Id == found.Id, ct);
            if (r.Status != RegistrationStatus.Offered || r.OfferExpiresAt <= time.GetUtcNow() || e.IsCancelled) return false;
            (r.Status, r.OfferExpiresAt) = (RegistrationStatus.Registered, null);
            db.Audit("event.registration.offer-accepted", $"event:{e.Id}", null, e.PoolId, $"registration:{r.Id}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await mails.SendAsync(EventMails.Registered, e, r, token, ct);
        return true;
    }

    /// <summary>The office gives a waiting person a place, also beyond the capacity (it sees the count and decides).</summary>
    public async Task<bool> GivePlaceAsync(int registrationId, string? actorUserId, CancellationToken ct)
    {
        Event e;
        EventRegistration r;
        string token;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var eventId = await db.EventRegistrations.Where(x => x.Id == registrationId).Select(x => (int?)x.EventId).FirstOrDefaultAsync(ct);
            if (eventId is null) return false;
            e = await LockAsync(eventId.Value, ct);
            r = await db.EventRegistrations.SingleAsync(x => x.Id == registrationId, ct);
            if (r.Status is not (RegistrationStatus.Waiting or RegistrationStatus.Offered)) return false;
            token = vault.Unprotect(r.TokenProtected) ?? "";
            (r.Status, r.OfferExpiresAt) = (RegistrationStatus.Registered, null);
            db.Audit("event.registration.moved", $"event:{e.Id}", actorUserId, e.PoolId, $"registration:{r.Id}; waiting list → place");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await mails.SendAsync(EventMails.Registered, e, r, token, ct);
        return true;
    }

    public async Task<bool> CheckInAsync(int registrationId, bool present, string? actorUserId, CancellationToken ct)
    {
        var at = present ? time.GetUtcNow() : (DateTimeOffset?)null;
        var changed = await db.EventRegistrations.Where(r => r.Id == registrationId && r.Status == RegistrationStatus.Registered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, at), ct);
        if (changed != 1) return false;
        // Attendance feeds the figures the pool reports, so who marked it is kept like every other change at the desk.
        var e = await db.EventRegistrations.Where(r => r.Id == registrationId)
            .Join(db.Events, r => r.EventId, x => x.Id, (_, x) => new { x.Id, x.PoolId }).SingleAsync(ct);
        db.Audit(present ? "event.registration.checked-in" : "event.registration.check-in-undone", $"event:{e.Id}", actorUserId, e.PoolId, $"registration:{registrationId}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>After the office raised the capacity: the new places go to the people waiting.</summary>
    public async Task OfferFreePlacesAsync(int eventId, CancellationToken ct)
    {
        Event e;
        List<(EventRegistration, string)> offers;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            e = await LockAsync(eventId, ct);
            offers = await OfferFreePlacesAsync(e, ct);
            await tx.CommitAsync(ct);
        }
        await SendOffersAsync(e, offers, ct);
    }

    /// <summary>Offers that ran out pass to the next person; the scheduled job calls this, and so does every look at an event's list.</summary>
    public async Task<int> ExpireOffersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var eventIds = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Offered && r.OfferExpiresAt <= now).Select(r => r.EventId).Distinct().ToListAsync(ct);
        var expired = 0;
        foreach (var eventId in eventIds)
        {
            Event e;
            List<EventRegistration> gone;
            List<(EventRegistration, string)> offers;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                e = await LockAsync(eventId, ct);
                gone = await db.EventRegistrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Offered && r.OfferExpiresAt <= now).ToListAsync(ct);
                foreach (var r in gone)
                {
                    (r.Status, r.CancelledAt) = (RegistrationStatus.Expired, now);
                    db.Audit("event.registration.offer-expired", $"event:{eventId}", null, e.PoolId, $"registration:{r.Id}");
                }
                await db.SaveChangesAsync(ct);
                offers = await OfferFreePlacesAsync(e, ct);
                await tx.CommitAsync(ct);
            }
            foreach (var r in gone) await mails.SendAsync(EventMails.Cancelled, e, r, "", ct);
            await SendOffersAsync(e, offers, ct);
            expired += gone.Count;
        }
        return expired;
    }

    /// <summary>Locks the event's row for this transaction and reads it.</summary>
    private async Task<Event> LockAsync(int eventId, CancellationToken ct)
    {
        await db.Events.Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistrationVersion, x => x.RegistrationVersion + 1), ct);
        return await db.Events.AsNoTracking().SingleAsync(x => x.Id == eventId, ct);
    }

    private async Task<bool> IsFullAsync(Event e, CancellationToken ct) => !await HasFreePlaceAsync(e, ct);

    private async Task<bool> HasFreePlaceAsync(Event e, CancellationToken ct) =>
        e.Capacity is not { } capacity || await db.EventRegistrations.CountAsync(r => r.EventId == e.Id
            && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Offered), ct) < capacity;

    /// <summary>Offers each free place to the next person waiting (inside the caller's transaction); returns them with their new links.</summary>
    private async Task<List<(EventRegistration, string)>> OfferFreePlacesAsync(Event e, CancellationToken ct)
    {
        var offers = new List<(EventRegistration, string)>();
        if (e.IsCancelled || time.GetUtcNow() >= e.StartsAt) return offers;
        while (await HasFreePlaceAsync(e, ct))
        {
            var next = await db.EventRegistrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting)
                .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (next is null) break;
            var now = time.GetUtcNow();
            var expires = now.AddHours(OfferHours);
            if (expires > e.StartsAt) expires = e.StartsAt;
            var token = vault.Unprotect(next.TokenProtected) ?? "";
            (next.Status, next.OfferedAt, next.OfferExpiresAt) = (RegistrationStatus.Offered, now, expires);
            db.Audit("event.registration.offered", $"event:{e.Id}", null, e.PoolId, $"registration:{next.Id}; until {expires:u}");
            await db.SaveChangesAsync(ct);
            offers.Add((next, token));
        }
        return offers;
    }

    private async Task SendOffersAsync(Event e, List<(EventRegistration Registration, string Token)> offers, CancellationToken ct)
    {
        foreach (var (r, token) in offers) await mails.SendAsync(EventMails.Offered, e, r, token, ct);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
