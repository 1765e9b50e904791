using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Matching;

/// <summary>A pool with a coordinator, advisors with accounts, and a request for Köln — written straight to the database.</summary>
public static class MatchingArrange
{
    public const string Koeln = "05315000", Bonn = "05314000", Muenster = "05515000";

    public sealed record Scene(int PoolId, string PoolSlug, bool PoolIsDefault, string CoordinatorEmail, int FairTradeTopic, int SdgTopic);

    public static async Task<Scene> PoolAsync(this TestApp app, string name)
    {
        var coordinator = await app.CreateUserAsync($"{name}-koordination@example.org", Roles.Coordinator);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == coordinator.Id);
            user.DisplayName = $"Koordination {name}";
            return await db.SaveChangesAsync();
        });
        var pool = await app.CreatePoolAsync(name, coordinator.Id);
        var topics = await app.WithDbAsync(db => db.Topics.Where(t => t.PoolId == pool.Id).OrderBy(t => t.SortOrder).Select(t => t.Id).ToListAsync());
        return new Scene(pool.Id, pool.Slug, pool.IsDefault, coordinator.Email!, topics[0], topics[1]);
    }

    /// <summary>An active advisor with an account (role Advisor), living in <paramref name="cityKey"/>.</summary>
    public static async Task<Advisor> AdvisorAsync(this TestApp app, Scene scene, string slug, string first, string last, string cityKey,
        int[] topics, (string Code, LanguageLevel Level)[]? languages = null, AdvisorStatus status = AdvisorStatus.Active, string? employerKey = null)
    {
        var user = await app.CreateUserAsync($"{slug}@example.org", Roles.Advisor);
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var advisor = new Advisor
            {
                PoolId = scene.PoolId, Slug = slug, FirstName = first, LastName = last, Email = $"{slug}@example.org", UserId = user.Id,
                Status = status, CityKey = cityKey, EmployerKey = employerKey, DaysPerMonth = 3, CreatedAt = now, UpdatedAt = now,
                Topics = topics.Select(t => new AdvisorTopic { TopicId = t }).ToList(),
                Languages = (languages ?? [("de", LanguageLevel.Fluent)]).Select(l => new AdvisorLanguage { LanguageCode = l.Code, Level = l.Level }).ToList(),
            };
            db.Advisors.Add(advisor);
            await db.SaveChangesAsync();
            return advisor;
        });
    }

    public static async Task<ConsultationRequest> RequestAsync(this TestApp app, Scene scene, string municipalityKey, int[] topics,
        string[]? languages = null, RequestStatus status = RequestStatus.Intake)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var request = new ConsultationRequest
            {
                PoolId = scene.PoolId, Reference = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), MunicipalityKey = municipalityKey,
                Department = "Büro für Internationales", ContactName = "Petra Kontakt", ContactEmail = $"kontakt-{Guid.NewGuid():N}@stadt.example",
                Goal = "Migrantenorganisationen in die Faire Beschaffung einbeziehen", Need = "Wir brauchen Kontakte und ein Konzept für Workshops.",
                PreferredFrom = DateOnly.FromDateTime(DateTime.Today.AddDays(14)), PreferredTo = DateOnly.FromDateTime(DateTime.Today.AddDays(60)),
                Format = ConsultationFormat.OnSite, ConsentGivenAt = now, Status = status, TrackingTokenHash = Guid.NewGuid().ToString("N"),
                CreatedAt = now, UpdatedAt = now,
                Topics = topics.Select(t => new RequestTopic { TopicId = t }).ToList(),
                Languages = (languages ?? []).Select(l => new RequestLanguage { LanguageCode = l }).ToList(),
            };
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            return request;
        });
    }

    /// <summary>All mails sent to one address, oldest first, as "Subject\n\nbody".</summary>
    public static List<string> MailsTo(this TestApp app, string address)
    {
        if (!Directory.Exists(app.OutboxFolder)) return [];
        return new DirectoryInfo(app.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name)
            .Select(f => { using var m = MimeKit.MimeMessage.Load(f.FullName); return (To: m.To.ToString(), Text: $"{m.Subject}\n\n{m.TextBody}"); })
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Text).ToList();
    }
}
