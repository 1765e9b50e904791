using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Statistics;

/// <summary>
/// A pool's public key figures over its active advisors, computed live. Only aggregates and value lists
/// (never a value next to a person), and a field counts only for advisors who consented to publish it:
/// otherwise a country held by one person alone would be published through the list.
/// </summary>
public sealed record PoolStatistics(
    int Advisors, int Women, int Men, int Other, int? YoungestAge, int? OldestAge,
    IReadOnlyList<string> Cities, IReadOnlyList<string> Countries, IReadOnlyList<string> Languages, IReadOnlyList<string> Topics)
{
    public static async Task<PoolStatistics> ComputeAsync(AppDbContext db, int poolId, string culture, int currentYear, CancellationToken ct = default)
    {
        var active = db.Advisors.AsNoTracking().Where(a => a.PoolId == poolId && a.Status == AdvisorStatus.Active);
        IQueryable<int> Consented(ConsentField field) =>
            active.Where(a => db.AdvisorConsents.Any(c => c.AdvisorId == a.Id && c.Field == field)).Select(a => a.Id);

        var total = await active.CountAsync(ct);
        var genderIds = Consented(ConsentField.Gender);
        var byGender = await active.Where(a => genderIds.Contains(a.Id))
            .GroupBy(a => a.Gender).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var women = byGender.Where(g => g.Key == Gender.Female).Sum(g => g.Count);
        var men = byGender.Where(g => g.Key == Gender.Male).Sum(g => g.Count);

        var ageIds = Consented(ConsentField.Age);
        var birthYears = active.Where(a => a.BirthYear != null && ageIds.Contains(a.Id)).Select(a => a.BirthYear);
        var earliest = await birthYears.MinAsync(ct);
        var latest = await birthYears.MaxAsync(ct);

        var cityIds = Consented(ConsentField.City);
        var cityKeys = active.Where(a => a.CityKey != null && cityIds.Contains(a.Id)).Select(a => a.CityKey);
        var cities = await db.Municipalities.AsNoTracking().Where(m => cityKeys.Contains(m.OfficialKey)).Select(m => m.ShortName).ToListAsync(ct);

        var countryIds = Consented(ConsentField.CountriesOfOrigin);
        var countryCodes = await db.AdvisorCountries.AsNoTracking().Where(c => countryIds.Contains(c.AdvisorId))
            .Select(c => c.CountryCode).Distinct().ToListAsync(ct);

        var languageIds = Consented(ConsentField.Languages);
        var languageCodes = await db.AdvisorLanguages.AsNoTracking().Where(l => languageIds.Contains(l.AdvisorId))
            .Select(l => l.LanguageCode).Distinct().ToListAsync(ct);

        var topicIds = Consented(ConsentField.Topics);
        var usedTopics = db.AdvisorTopics.Where(t => topicIds.Contains(t.AdvisorId)).Select(t => t.TopicId);
        var topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == poolId && usedTopics.Contains(t.Id))
            .OrderBy(t => t.SortOrder).Select(t => new { t.NameDe, t.NameEn, t.NameFr }).ToListAsync(ct);

        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(culture), CompareOptions.IgnoreCase);
        return new PoolStatistics(
            total, women, men, total - women - men,
            latest is { } l ? currentYear - l : null,
            earliest is { } e ? currentYear - e : null,
            cities.Distinct().Order(comparer).ToArray(),
            countryCodes.Select(c => c.ToUpperInvariant()).Distinct().Select(c => Shared.Reference.Countries.Find(c)?.Name(culture) ?? c).Order(comparer).ToArray(),
            languageCodes.Select(c => c.ToLowerInvariant()).Distinct().Select(c => Shared.Reference.Languages.Find(c)?.Name(culture) ?? c).Order(comparer).ToArray(),
            topics.Select(t => culture switch { "en" => t.NameEn ?? t.NameDe, "fr" => t.NameFr ?? t.NameDe, _ => t.NameDe }).ToArray());
    }
}
