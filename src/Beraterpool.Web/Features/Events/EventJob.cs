using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.Privacy.Retention;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Events;

/// <summary>
/// Every quarter hour, on one instance: offers that ran out pass to the next person waiting, people with a place get
/// their reminder two days before, and six months after an event the registrations lose their personal fields.
/// </summary>
public sealed class EventJob : IScheduledJob
{
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(2);
    public const int AnonymiseAfterMonths = 6;

    public string Name => "events";
    public TimeSpan Period => TimeSpan.FromMinutes(15);
    public TimeSpan LeaseDuration => TimeSpan.FromMinutes(10);

    public async Task RunAsync(IServiceProvider services, JobRun run, CancellationToken ct)
    {
        await services.GetRequiredService<EventRegistrations>().ExpireOffersAsync(ct);
        await RemindAsync(services, ct);
        await AnonymiseAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);
    }

    public static async Task<int> RemindAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var until = now + ReminderBefore;
        var due = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Registered && r.ReminderSentAt == null
                        && db.Events.Any(e => e.Id == r.EventId && !e.IsCancelled && e.StartsAt > now && e.StartsAt <= until))
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        var events = new Dictionary<int, Event>();
        var vault = services.GetRequiredService<TrackingTokenVault>();
        var mails = services.GetRequiredService<EventMails>();
        foreach (var r in due)
        {
            // Claimed first, so that a second run (after a crash) does not remind twice.
            if (await db.EventRegistrations.Where(x => x.Id == r.Id && x.ReminderSentAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), ct) != 1) continue;
            if (!events.TryGetValue(r.EventId, out var e)) events[r.EventId] = e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == r.EventId, ct);
            await mails.SendAsync(EventMails.Reminder, e, r, vault.Unprotect(r.TokenProtected) ?? "", ct);
        }
        return due.Count;
    }

    /// <summary>Name, e-mail, function, notes and the answers go; organisation, status and attendance stay for the figures.</summary>
    public static async Task<int> AnonymiseAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var before = now.AddMonths(-AnonymiseAfterMonths);
        await db.EventAnswers.Where(a => db.EventRegistrations.Any(r => r.Id == a.RegistrationId && r.AnonymisedAt == null
            && db.Events.Any(e => e.Id == r.EventId && e.EndsAt < before))).ExecuteDeleteAsync(ct);
        return await db.EventRegistrations
            .Where(r => r.AnonymisedAt == null && db.Events.Any(e => e.Id == r.EventId && e.EndsAt < before))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, RetentionSweep.Anonymised).SetProperty(r => r.Email, "")
                .SetProperty(r => r.Function, (string?)null).SetProperty(r => r.Notes, (string?)null)
                .SetProperty(r => r.TokenProtected, (string?)null).SetProperty(r => r.AnonymisedAt, now), ct);
    }
}
