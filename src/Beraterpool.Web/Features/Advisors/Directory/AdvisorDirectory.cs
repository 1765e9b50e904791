using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>
/// Keeps one <see cref="DirectoryIndex"/> per pool in memory. The database stays the source of truth: the pool's
/// <see cref="DataVersions.Pool"/> version marks the index stale (on this instance at once, on every other within
/// about a second) and the next request rebuilds it before answering, so a withdrawn consent is gone from every
/// instance's pages within two seconds. Readers never wait for each other (<see cref="VersionedCache{TKey, TValue}"/>).
/// </summary>
public sealed class AdvisorDirectory
{
    private readonly IServiceScopeFactory _scopes;
    private readonly VersionedCache<int, DirectoryIndex> _pools;

    public AdvisorDirectory(IServiceScopeFactory scopes, DataVersions versions, TimeProvider time)
    {
        _scopes = scopes;
        _pools = new(versions, time, DataVersions.Pool, LoadAsync);
    }

    public ValueTask<DirectoryIndex> ForPoolAsync(int poolId, CancellationToken ct = default) => _pools.GetAsync(poolId, ct);

    private async Task<DirectoryIndex> LoadAsync(int poolId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == poolId)
            .Select(t => new DirectoryTopic(t.Id, t.Slug, t.NameDe, t.NameEn, t.NameFr, t.SortOrder))
            .ToListAsync(ct);

        // Scalars first; children below by their join tables' advisor index (no child collections in projections).
        var active = db.Advisors.Where(a => a.PoolId == poolId && a.Status == AdvisorStatus.Active);
        var ids = active.Select(a => a.Id);
        var advisors = await active.AsNoTracking()
            .Select(a => new { a.Id, a.Slug, a.FirstName, a.LastName, a.Gender, a.GenderSelfDescription, a.BirthYear, a.CityKey, a.Expertise, a.Bio })
            .ToListAsync(ct);
        var consents = (await db.AdvisorConsents.AsNoTracking().Where(c => ids.Contains(c.AdvisorId))
                .Select(c => new { c.AdvisorId, c.Field }).ToListAsync(ct))
            .ToLookup(c => c.AdvisorId, c => c.Field);
        var countries = (await db.AdvisorCountries.AsNoTracking().Where(c => ids.Contains(c.AdvisorId))
                .Select(c => new { c.AdvisorId, c.CountryCode }).ToListAsync(ct))
            .ToLookup(c => c.AdvisorId, c => c.CountryCode.ToUpperInvariant());
        var languages = (await db.AdvisorLanguages.AsNoTracking().Where(l => ids.Contains(l.AdvisorId))
                .Select(l => new { l.AdvisorId, l.LanguageCode, l.Level }).ToListAsync(ct))
            .ToLookup(l => l.AdvisorId, l => new DirectoryLanguage(l.LanguageCode.ToLowerInvariant(), l.Level));
        var advisorTopics = (await db.AdvisorTopics.AsNoTracking().Where(t => ids.Contains(t.AdvisorId))
                .Select(t => new { t.AdvisorId, t.TopicId }).ToListAsync(ct))
            .ToLookup(t => t.AdvisorId, t => t.TopicId);
        var withPhoto = (await db.AdvisorPhotos.AsNoTracking().Where(p => ids.Contains(p.AdvisorId))
            .Select(p => p.AdvisorId).ToListAsync(ct)).ToHashSet();
        var cityKeys = active.Where(a => a.CityKey != null).Select(a => a.CityKey);
        var cities = await db.Municipalities.AsNoTracking().Where(m => cityKeys.Contains(m.OfficialKey))
            .ToDictionaryAsync(m => m.OfficialKey, m => m.ShortName, ct);

        var entries = advisors.Select(a =>
        {
            var granted = consents[a.Id].ToHashSet();
            var city = granted.Contains(ConsentField.City) && a.CityKey is not null && cities.TryGetValue(a.CityKey, out var name) ? name : null;
            return new DirectoryAdvisor
            {
                Id = a.Id,
                Slug = a.Slug,
                FirstName = a.FirstName,
                LastName = a.LastName,
                HasPhoto = granted.Contains(ConsentField.Photo) && withPhoto.Contains(a.Id),
                CityKey = city is null ? null : a.CityKey,
                CityName = city,
                Gender = granted.Contains(ConsentField.Gender) && (a.Gender != Gender.NotStated || a.GenderSelfDescription is not null) ? a.Gender : null,
                GenderSelfDescription = granted.Contains(ConsentField.Gender) ? NullIfBlank(a.GenderSelfDescription) : null,
                BirthYear = granted.Contains(ConsentField.Age) ? a.BirthYear : null,
                Countries = granted.Contains(ConsentField.CountriesOfOrigin) ? NullIfEmpty(countries[a.Id].Order().ToArray()) : null,
                Languages = granted.Contains(ConsentField.Languages)
                    ? NullIfEmpty(languages[a.Id].OrderByDescending(l => l.Level).ThenBy(l => l.Code).ToArray()) : null,
                TopicIds = granted.Contains(ConsentField.Topics) ? NullIfEmpty(advisorTopics[a.Id].Order().ToArray()) : null,
                Expertise = granted.Contains(ConsentField.Expertise) ? NullIfBlank(a.Expertise) : null,
                Bio = granted.Contains(ConsentField.Bio) ? NullIfBlank(a.Bio) : null,
            };
        });
        // An active profile with nothing published but the name is not shown yet (defect 16: a new, empty profile
        // appeared at once): it needs topics, expertise or a short introduction the person agreed to publish.
        return DirectoryIndex.Build(poolId, topics, entries.Where(e => e.TopicIds is not null || e.Expertise is not null || e.Bio is not null));
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static T[]? NullIfEmpty<T>(T[] items) => items.Length == 0 ? null : items;
}
