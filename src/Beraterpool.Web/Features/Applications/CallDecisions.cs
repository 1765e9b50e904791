using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Advisors.Manage;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Applications;

/// <summary>A drafted decision with the mail the applicant will read.</summary>
public sealed record DecisionDraft(int ApplicationId, string Name, string Email, ApplicationStatus Decision, MailContent Mail);

/// <summary>A sent decision mail and where it stands in the outbox.</summary>
public sealed record DecisionDelivery(int ApplicationId, string Name, ApplicationStatus Decision, DateTimeOffset SentAt, OutboxStatus? Status);

/// <summary>
/// Tells drafted decisions together: each in the applicant's language, read by the coordinator beforehand. An accepted
/// applicant becomes an advisor "in qualification" with the profile fields of the application and an invitation to
/// set a password. Each application is saved as told before the next, so an interruption tells no one twice.
/// </summary>
public sealed class CallDecisions(AppDbContext db, Mailer mailer, PoolCatalog pools, AdvisorInvitation invitation, DataVersions versions,
    TimeProvider time, PoolAccess access)
{
    public static readonly string[] TemplateIds = [ApplicationMails.Accepted.Id, ApplicationMails.WaitingList.Id, ApplicationMails.Declined.Id];

    public async Task<IReadOnlyList<DecisionDraft>> DraftsAsync(Call call, CancellationToken ct)
    {
        var pool = await pools.FindAsync(call.PoolId, ct);
        var retention = await RetentionAsync(call.PoolId, ct);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == call.Id && a.Status != ApplicationStatus.Submitted && a.DecisionSentAt == null)
            .OrderBy(a => a.Status).ThenBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new { a.Id, a.FirstName, a.LastName, a.Email, a.Status, a.Culture }).ToListAsync(ct);
        return rows.Select(a => new DecisionDraft(a.Id, $"{a.FirstName} {a.LastName}", a.Email, a.Status,
            mailer.Render(ApplicationMails.For(a.Status), Model($"{a.FirstName} {a.LastName}", call, pool, retention), a.Culture, pool))).ToList();
    }

    /// <summary>The call's told decisions with their mail's state in the outbox (the newest mail per address).</summary>
    public async Task<IReadOnlyList<DecisionDelivery>> DeliveriesAsync(Call call, CancellationToken ct)
    {
        var sent = await db.Applications.AsNoTracking().Where(a => a.CallId == call.Id && a.DecisionSentAt != null)
            .OrderByDescending(a => a.DecisionSentAt).ThenBy(a => a.LastName)
            .Select(a => new
            {
                a.Id, Name = a.FirstName + " " + a.LastName, a.Status, SentAt = a.DecisionSentAt!.Value,
                Mail = db.OutboxMails.Where(m => m.PoolId == call.PoolId && m.To == a.Email && TemplateIds.Contains(m.TemplateId) && m.CreatedAt >= a.DecisionSentAt)
                    .OrderBy(m => m.Id).Select(m => (OutboxStatus?)m.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return sent.Select(a => new DecisionDelivery(a.Id, a.Name, a.Status, a.SentAt, a.Mail)).ToList();
    }

    /// <summary>Tells the listed drafted decisions (those still drafted when the button was pressed); returns how many.</summary>
    public async Task<int> SendAsync(Call call, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var pool = await pools.FindAsync(call.PoolId, ct);
        var retention = await RetentionAsync(call.PoolId, ct);
        var applications = await db.Applications
            .Where(a => a.CallId == call.Id && ids.Contains(a.Id) && a.Status != ApplicationStatus.Submitted && a.DecisionSentAt == null)
            .OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var a in applications)
        {
            var now = time.GetUtcNow();
            Advisor? advisor = a.Status == ApplicationStatus.Accepted ? await AdvisorFromAsync(a, now, ct) : null;
            a.DecisionSentAt = now;
            db.Audit("application.decision-sent", $"application:{a.Id}", access.UserId, a.PoolId, a.Status.ToString());
            await versions.SaveChangesAsync(db, DataVersions.Pool(a.PoolId), ct);
            await mailer.SendAsync(ApplicationMails.For(a.Status), new MailRecipient(a.Email, a.FullName, a.Culture), Model(a.FullName, call, pool, retention), pool);
            if (advisor is not null) await invitation.InviteAsync(advisor, ct);
        }
        return applications.Count;
    }

    /// <summary>The advisor record of an accepted application: the pool's record for the address, or a new one from the application's fields.</summary>
    private async Task<Advisor> AdvisorFromAsync(Application a, DateTimeOffset now, CancellationToken ct)
    {
        var email = a.Email.ToLower();
        var advisor = await db.Advisors.FirstOrDefaultAsync(x => x.PoolId == a.PoolId && x.Email.ToLower() == email, ct);
        if (advisor is not null)
        {
            if (advisor.Status == AdvisorStatus.Applicant) advisor.Status = AdvisorStatus.InQualification;
        }
        else
        {
            var topicIds = Application.Split(a.TopicIds).Select(t => int.TryParse(t, out var n) ? n : 0).ToList();
            var poolTopics = await db.Topics.Where(t => t.PoolId == a.PoolId && topicIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
            advisor = new Advisor
            {
                PoolId = a.PoolId, FirstName = a.FirstName, LastName = a.LastName, Email = a.Email, Status = AdvisorStatus.InQualification,
                Slug = await SlugText.UniqueAsync(a.FullName, s => db.Advisors.AnyAsync(x => x.PoolId == a.PoolId && x.Slug == s, ct)),
                Gender = a.Gender, BirthYear = a.BirthYear, CityKey = a.CityKey, Expertise = a.Experience is { } e && e.Length > 1000 ? e[..1000] : a.Experience,
                CreatedAt = now, UpdatedAt = now,
                Languages = Application.Split(a.Languages).Select(l => new AdvisorLanguage { LanguageCode = l }).ToList(),
                // Stored with the applicant's explicit consent (Art. 9); publishing them needs the advisor's own consent later.
                Countries = a.CountriesConsentAt is null ? [] : Application.Split(a.CountryCodes).Select(c => new AdvisorCountry { CountryCode = c }).ToList(),
                Topics = poolTopics.Select(t => new AdvisorTopic { TopicId = t }).ToList(),
            };
            db.Advisors.Add(advisor);
            await db.SaveChangesAsync(ct);
            db.Audit("advisor.created", $"advisor:{advisor.Id}", access.UserId, advisor.PoolId, $"{advisor.FullName}; status={advisor.Status}; application:{a.Id}");
        }
        a.AdvisorId = advisor.Id;
        return advisor;
    }

    private static DecisionMailModel Model(string name, Call call, PoolInfo? pool, int retention) => new(name, call.Title, pool?.Name ?? "", retention);

    private Task<int> RetentionAsync(int poolId, CancellationToken ct) =>
        db.Pools.Where(p => p.Id == poolId).Select(p => p.ApplicationRetentionMonths).FirstAsync(ct);
}
