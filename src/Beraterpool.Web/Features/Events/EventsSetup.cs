using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Events;

public static class EventsSetup
{
    /// <summary>How far back the feed reaches: a calendar program needs the coming events, not the programme's history.</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(365);

    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventRegistrations>();
        services.AddScoped<EventMails>();
        services.AddScoped<EventDocuments>();
        services.AddScheduledJob<EventJob>();
        return services;
    }

    /// <summary>The pool's public iCal feed (<c>/events.ics</c>) and each public event as a file (<c>/events/{id}.ics</c>).</summary>
    public static WebApplication MapEventCalendars(this WebApplication app)
    {
        app.MapGet("/events.ics", async (AppDbContext db, CurrentPool current, PublicLinks links, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var from = time.GetUtcNow() - FeedHistory;
            var events = await db.Events.AsNoTracking().Where(e => e.PoolId == pool.Id && e.IsPublic && e.EndsAt >= from)
                .OrderBy(e => e.StartsAt).Take(1000).ToListAsync(ct);
            context.Response.Headers.CacheControl = "public, max-age=300";
            var items = events.Select(e => EventMails.Calendar(e, $"{links.Pool(pool)}/events/{e.Id}")).ToList();
            return Results.File(EventCalendar.Write(items, $"{pool.Name}: Veranstaltungen", time.GetUtcNow()), EventCalendar.ContentType, $"{pool.Slug}-veranstaltungen.ics");
        }).AllowAnonymous();

        app.MapGet("/events/{id:int}.ics", async (int id, AppDbContext db, CurrentPool current, PublicLinks links, TimeProvider time, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.PoolId == pool.Id && x.IsPublic, ct);
            if (e is null) return Results.NotFound();
            return Results.File(EventCalendar.Write([EventMails.Calendar(e, $"{links.Pool(pool)}/events/{e.Id}")], e.Title, time.GetUtcNow()),
                EventCalendar.ContentType, $"veranstaltung-{e.Id}.ics");
        }).AllowAnonymous();
        return app;
    }
}
