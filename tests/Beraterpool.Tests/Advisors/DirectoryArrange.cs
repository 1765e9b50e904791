using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Advisors;

/// <summary>Arranges a default pool with two topics and two cities, and advisors with every consent unless told otherwise.</summary>
public static class DirectoryArrange
{
    public const string Koeln = "05315000";
    public const string Bonn = "05314000";

    public static async Task<Pool> PoolAsync(AppDbContext db)
    {
        if (await db.Pools.Include(p => p.Topics).FirstOrDefaultAsync(p => p.Slug == "test") is { } existing) return existing;
        if (!await db.States.AnyAsync(s => s.Code == "05")) db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
        foreach (var (key, name) in new[] { (Koeln, "Köln"), (Bonn, "Bonn") })
        {
            if (await db.Municipalities.AnyAsync(m => m.OfficialKey == key)) continue;
            db.Municipalities.Add(new Municipality
            {
                OfficialKey = key, Name = name + ", Stadt", ShortName = name, SearchName = name.ToLowerInvariant(), TypeCode = "61",
                StateCode = "05", DistrictKey = key[..5], Level = MunicipalityLevel.Municipality,
            });
        }
        var pool = new Pool
        {
            Slug = "test", Name = "Testpool", BrandName = "Testmarke", ContactEmail = "pool@test.local", StateCodes = ["05"], IsDefault = true,
            Topics =
            [
                new Topic { Slug = "fairer-handel", NameDe = "Fairer Handel", NameEn = "Fair trade", SortOrder = 1 },
                new Topic { Slug = "agenda-2030", NameDe = "Agenda 2030", NameEn = "2030 Agenda", SortOrder = 2 },
            ],
        };
        db.Pools.Add(pool);
        await db.SaveChangesAsync();
        return pool;
    }

    public static async Task<Advisor> AdvisorAsync(AppDbContext db, Pool pool, string first, string last, string? city = null,
        string[]? topics = null, string[]? languages = null, string[]? countries = null, string? expertise = null, string? bio = null,
        AdvisorStatus status = AdvisorStatus.Active, int? birthYear = null, Gender gender = Gender.NotStated, ConsentField[]? withheld = null)
    {
        var advisor = new Advisor
        {
            PoolId = pool.Id, Slug = Beraterpool.Web.Features.Demo.DemoSeed.Slug($"{first} {last}"), FirstName = first, LastName = last,
            Email = $"{first}.{last}@test.local".ToLowerInvariant(), Status = status, CityKey = city, Expertise = expertise, Bio = bio,
            BirthYear = birthYear, Gender = gender,
            Topics = (topics ?? []).Select(slug => new AdvisorTopic { TopicId = pool.Topics.Single(t => t.Slug == slug).Id }).ToList(),
            Languages = (languages ?? []).Select(code => new AdvisorLanguage { LanguageCode = code, Level = LanguageLevel.Fluent }).ToList(),
            Countries = (countries ?? []).Select(code => new AdvisorCountry { CountryCode = code }).ToList(),
            Consents = Enum.GetValues<ConsentField>().Except(withheld ?? [])
                .Select(f => new AdvisorConsent { Field = f, GrantedAt = DateTimeOffset.UtcNow }).ToList(),
        };
        db.Advisors.Add(advisor);
        await db.SaveChangesAsync();
        return advisor;
    }
}
