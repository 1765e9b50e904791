using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Matching;

/// <summary>A request as the matching and invitation pages show it, with what the scorer needs.</summary>
public sealed record RequestFacts(
    int Id, int PoolId, string Reference, string MunicipalityKey, string MunicipalityName, string DistrictKey,
    double? Latitude, double? Longitude, string? Department, string ContactName, string ContactEmail,
    string Goal, string Need, DateOnly? PreferredFrom, DateOnly? PreferredTo, ConsultationFormat Format,
    RequestStatus Status, int[] TopicIds, string[] LanguageCodes)
{
    public static async Task<RequestFacts?> LoadAsync(AppDbContext db, int id, CancellationToken ct = default)
    {
        var facts = await (
                from r in db.ConsultationRequests.AsNoTracking()
                join m in db.Municipalities on r.MunicipalityKey equals m.OfficialKey
                where r.Id == id
                select new RequestFacts(r.Id, r.PoolId, r.Reference, r.MunicipalityKey, m.ShortName, m.DistrictKey,
                    m.Latitude, m.Longitude, r.Department, r.ContactName, r.ContactEmail, r.Goal, r.Need,
                    r.PreferredFrom, r.PreferredTo, r.Format, r.Status, Array.Empty<int>(), Array.Empty<string>()))
            .FirstOrDefaultAsync(ct);
        if (facts is null) return null;
        // The intake's agreed topics replace the form's wish once the conversation has taken place.
        var agreed = await db.IntakeConversations.AsNoTracking().Where(i => i.RequestId == id)
            .OrderByDescending(i => i.RecordedAt).Select(i => i.AgreedTopicIds).FirstOrDefaultAsync(ct);
        var topics = agreed is { Count: > 0 }
            ? agreed.ToArray()
            : await db.RequestTopics.AsNoTracking().Where(t => t.RequestId == id).Select(t => t.TopicId).ToArrayAsync(ct);
        var languages = await db.RequestLanguages.AsNoTracking().Where(l => l.RequestId == id).OrderBy(l => l.LanguageCode)
            .Select(l => l.LanguageCode).ToArrayAsync(ct);
        return facts with { TopicIds = topics, LanguageCodes = languages };
    }

    public MatchRequest ToMatchRequest(DateOnly today)
    {
        var (from, to) = MatchRequest.Period(PreferredFrom, PreferredTo, today);
        return new MatchRequest(TopicIds, LanguageCodes, Latitude, Longitude, from, to, MunicipalityKey, DistrictKey,
            Format == ConsultationFormat.Online);
    }

    /// <summary>
    /// States in which the office may propose advisors: matching, or a state the workflow lets move to matching
    /// (not "submitted": before every engagement stands the intake conversation).
    /// </summary>
    public bool OpenForProposals => Status == RequestStatus.Matching || RequestWorkflow.CanMove(Status, RequestStatus.Matching);
}

/// <summary>The model of the _RequestSummary partial.</summary>
public sealed record RequestSummary(RequestFacts Facts, IReadOnlyDictionary<int, string> TopicNames);
