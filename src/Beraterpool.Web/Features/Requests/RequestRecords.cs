using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Reference;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests;

/// <summary>Everything a page shows about one request: answers, timeline, engagements and the days left this year.</summary>
public sealed record RequestRecord(
    int Id, int PoolId, string PoolName, string Reference, string MunicipalityKey, string MunicipalityName, MunicipalityLevel MunicipalityLevel,
    string MunicipalityTypeCode, string? Department, string ContactName, string? ContactFunction, string ContactEmail, string? ContactPhone,
    string Goal, string Need, DateOnly? PreferredFrom, DateOnly? PreferredTo, ConsultationFormat Format, string? HeardFrom,
    RequestStatus Status, string? StatusReason, DateTimeOffset CreatedAt, string? ContactUserId,
    IReadOnlyList<string> Topics, IReadOnlyList<string> Languages, IReadOnlyList<RequestRecord.Step> Timeline,
    IReadOnlyList<RequestRecord.EngagementLink> Engagements, DayBalance Days)
{
    public sealed record Step(DateTimeOffset At, RequestStatus? From, RequestStatus To, string? ActorUserId, string ActorName, string? Note);
    public sealed record EngagementLink(int Id, EngagementStatus Status, DateTimeOffset StartedAt);

    /// <summary>The municipality's own steps (sending, withdrawing) — everything else is the office's.</summary>
    public bool ByMunicipality(Step step) => step.ActorUserId is null ? step.To is RequestStatus.Submitted or RequestStatus.Withdrawn : step.ActorUserId == ContactUserId;
}

public sealed class RequestRecords(TimeProvider time, AppDbContext db, PoolCatalog pools, DayBalances balances)
{
    public async Task<RequestRecord?> LoadAsync(IQueryable<ConsultationRequest> which, CancellationToken ct)
    {
        var r = await which.AsNoTracking()
            .Select(r => new
            {
                r.Id, r.PoolId, r.Reference, r.MunicipalityKey, r.Department, r.ContactName, r.ContactFunction, r.ContactEmail, r.ContactPhone,
                r.Goal, r.Need, r.PreferredFrom, r.PreferredTo, r.Format, r.HeardFrom, r.Status, r.StatusReason, r.CreatedAt, r.ContactUserId,
            })
            .FirstOrDefaultAsync(ct);
        if (r is null) return null;

        var culture = WebUi.CurrentCulture;
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.OfficialKey == r.MunicipalityKey)
            .Select(m => new { m.ShortName, m.Level, m.TypeCode }).FirstOrDefaultAsync(ct);
        var topics = (await db.RequestTopics.AsNoTracking().Where(t => t.RequestId == r.Id)
                .Join(db.Topics, rt => rt.TopicId, t => t.Id, (rt, t) => t).OrderBy(t => t.SortOrder).ToListAsync(ct))
            .Select(t => t.Name(culture)).ToList();
        var languages = (await db.RequestLanguages.AsNoTracking().Where(l => l.RequestId == r.Id).Select(l => l.LanguageCode).ToListAsync(ct))
            .Select(code => Languages.Find(code)?.Name(culture) ?? code).OrderBy(n => n).ToList();
        var timeline = await db.RequestStatusChanges.AsNoTracking().Where(s => s.RequestId == r.Id)
            .OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new RequestRecord.Step(s.At, s.From, s.To, s.ActorUserId, s.ActorName, s.Note))
            .ToListAsync(ct);
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.RequestId == r.Id).OrderBy(e => e.StartedAt)
            .Select(e => new RequestRecord.EngagementLink(e.Id, e.Status, e.StartedAt)).ToListAsync(ct);
        var pool = await pools.FindAsync(r.PoolId, ct);
        var days = await balances.ForAsync(r.PoolId, r.MunicipalityKey, time.LocalYear(), ct);

        return new RequestRecord(r.Id, r.PoolId, pool?.Name ?? "", r.Reference, r.MunicipalityKey, municipality?.ShortName ?? r.MunicipalityKey,
            municipality?.Level ?? MunicipalityLevel.Municipality, municipality?.TypeCode ?? "", r.Department, r.ContactName, r.ContactFunction,
            r.ContactEmail, r.ContactPhone, r.Goal, r.Need, r.PreferredFrom, r.PreferredTo, r.Format, r.HeardFrom, r.Status, r.StatusReason,
            r.CreatedAt, r.ContactUserId, topics, languages, timeline, engagements, days);
    }
}
