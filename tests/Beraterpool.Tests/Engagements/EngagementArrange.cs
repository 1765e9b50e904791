using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>Engagements arranged directly in the database (matching, which creates them in the app, is another slice).</summary>
public static class EngagementArrange
{
    public static readonly DateTimeOffset RequestedAt = new(2020, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static async Task<string> MunicipalityAsync(this TestApp app, string key, string name)
    {
        await app.WithDbAsync(async db =>
        {
            if (await db.Municipalities.AnyAsync(m => m.OfficialKey == key)) return 0;
            if (!await db.States.AnyAsync(s => s.Code == key.Substring(0, 2))) db.States.Add(new State { Code = key[..2], Name = "Land " + key[..2] });
            db.Municipalities.Add(new Municipality
            {
                OfficialKey = key, Level = key.Length == 5 ? MunicipalityLevel.District : MunicipalityLevel.Municipality, Name = $"{name}, Stadt",
                ShortName = name, SearchName = name.ToLowerInvariant(), TypeCode = "63", StateCode = key[..2], DistrictKey = key[..5],
                ImportedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return key;
    }

    public static async Task<Engagement> EngagementAsync(this TestApp app, int poolId, string municipalityKey, int[] advisorIds, string? contactUserId = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var reference = $"T-{Guid.NewGuid():N}"[..20];
            var request = new ConsultationRequest
            {
                PoolId = poolId, Reference = reference, MunicipalityKey = municipalityKey, ContactName = "Petra Kontakt", ContactEmail = "kontakt@example.org",
                Goal = "Migrantische Vereine in die Städtepartnerschaft einbinden", Need = "Kontakte und ein erstes Forum",
                TrackingTokenHash = Guid.NewGuid().ToString("N"), ContactUserId = contactUserId, Status = RequestStatus.InProgress,
                // Long before any clock a test sets: activities may not be dated before the request came in.
                ConsentGivenAt = RequestedAt, CreatedAt = RequestedAt, UpdatedAt = now,
            };
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            var engagement = new Engagement { PoolId = poolId, RequestId = request.Id, MunicipalityKey = municipalityKey, StartedAt = now };
            foreach (var id in advisorIds) engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = id, JoinedAt = now });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            return engagement;
        });
    }
}
