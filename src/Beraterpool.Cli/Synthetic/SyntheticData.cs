using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Reference;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Cli.Synthetic;

/// <summary>
/// A reproducible synthetic data set for the benchmark: pools p01…p16 (pool i covers federal state i) and
/// n advisors spread across them. Same seed, same data — so benchmark runs stay comparable.
/// </summary>
public static class SyntheticData
{
    private const int BatchSize = 2_000;

    // The standard topics every pool starts with (the list); slug, de, en, fr.
    internal static readonly (string Slug, string De, string En, string Fr)[] StandardTopics =
    [
        ("faire-beschaffung", "Faire Beschaffung", "Fair procurement", "Achats publics équitables"),
        ("fairer-handel", "Fairer Handel", "Fair trade", "Commerce équitable"),
        ("zivilgesellschaft", "Zivilgesellschaft und Migrantenorganisationen", "Civil society and migrant organisations", "Société civile et organisations de migrants"),
        ("kommunalpartnerschaften", "Kommunale Partnerschaften mit dem Globalen Süden", "Municipal partnerships with the Global South", "Partenariats municipaux avec le Sud global"),
        ("agenda-2030", "Agenda 2030 / SDGs", "2030 Agenda / SDGs", "Agenda 2030 / ODD"),
        ("interkulturelle-oeffnung", "Interkulturelle Öffnung", "Intercultural opening", "Ouverture interculturelle"),
        ("globales-lernen", "Globales Lernen / Bildung", "Global learning / education", "Éducation à la citoyenneté mondiale"),
    ];

    // The benchmark's Lua script draws its text terms from these lists too (bench/run.sh reads them from the database).
    internal static readonly string[] FirstNames =
    [
        "Amina", "Kwame", "Fatou", "Yusuf", "Leila", "Chidi", "Nadia", "Samuel", "Aisha", "Tariq", "Mariam", "Kofi",
        "Sofia", "Emeka", "Hana", "Omar", "Grace", "Ibrahim", "Lina", "Moussa", "Thi", "Rahul", "Zeynep", "Jean",
        "Esther", "Karim", "Awa", "Daniel", "Priya", "Ahmed", "Nia", "Mehmet", "Fatima", "Joseph", "Salma", "Olu",
    ];

    internal static readonly string[] LastNames =
    [
        "Mensah", "Diallo", "Okafor", "Nguyen", "Haile", "Benali", "Kamara", "Osei", "Traoré", "Ndiaye", "Mwangi",
        "Uwimana", "Sow", "Adeyemi", "Tesfaye", "Boateng", "Kone", "Ahmadi", "Yilmaz", "Rahman", "Barry", "Mbeki",
        "Chukwu", "Tran", "Camara", "Abebe", "Otieno", "Amrani", "Sarr", "Kaya", "Hossain", "Nkemelu",
    ];

    private static readonly string[] Words =
    [
        "Beratung", "Kommune", "Beschaffung", "Fairer", "Handel", "Nachhaltigkeit", "Partnerschaft", "Globalen",
        "Süden", "Bildung", "Workshops", "Vereine", "Migrantenorganisationen", "Verwaltung", "Projekte", "Netzwerk",
        "Entwicklungspolitik", "Agenda", "Klimaschutz", "Lieferketten", "Stadtrat", "Schulen", "Jugendarbeit",
        "Moderation", "Dialog", "Ehrenamt", "Förderung", "Kooperation", "Vielfalt", "Öffentlichkeitsarbeit",
        "Gemeinwesen", "Ausstellungen", "Kakao", "Textilien", "Städtepartnerschaft", "Integration", "Bürgerbeteiligung",
    ];

    // Weighted toward what a real pool looks like: German nearly always, then the large lingua francas.
    private static readonly (string Code, int Weight)[] CommonLanguages =
    [
        ("de", 60), ("en", 40), ("fr", 25), ("ar", 12), ("tr", 8), ("es", 6), ("pt", 6), ("ru", 5), ("fa", 5),
        ("sw", 4), ("am", 3), ("yo", 3), ("ha", 3), ("wo", 2), ("vi", 2), ("bn", 2), ("hi", 2), ("ti", 2),
    ];

    private static readonly (string Code, int Weight)[] CommonCountries =
    [
        ("TR", 10), ("SY", 8), ("MA", 6), ("GH", 6), ("NG", 6), ("KE", 4), ("ET", 4), ("SN", 4), ("CM", 4),
        ("IN", 4), ("VN", 3), ("AF", 4), ("IR", 4), ("CD", 3), ("RW", 2), ("ZA", 2), ("BD", 2), ("GN", 2), ("CI", 2),
    ];

    public sealed record Result(int Pools, int Advisors, int Municipalities, TimeSpan Elapsed);

    // slugPrefix: pools are {prefix}01…; the matching benchmark seeds its own pools under another prefix.
    public static async Task<Result> SeedAsync(AppDbContext db, int count, int poolCount, int seed, TextWriter log, CancellationToken ct = default,
        string slugPrefix = "p")
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(seed);
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var thisYear = db.Time().LocalYear(); // ages as of today, like the directory's filter
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var pools = await EnsurePoolsAsync(db, poolCount, now, slugPrefix, ct);
        var cities = await CityKeysAsync(db, now, log, ct);
        var offset = await db.Advisors.CountAsync(ct);

        // Each pool only ever sees its own topic ids.
        var poolIds = pools.Select(p => p.Id).ToList();
        var topicIds = (await db.Topics.AsNoTracking()
                .Where(t => poolIds.Contains(t.PoolId))
                .OrderBy(t => t.SortOrder)
                .Select(t => new { t.PoolId, t.Id })
                .ToListAsync(ct))
            .GroupBy(t => t.PoolId)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Id).ToArray());

        var languageWeights = CommonLanguages.Concat(Languages.All.Where(l => CommonLanguages.All(c => c.Code != l.Code)).Select(l => (l.Code, 1))).ToArray();
        var countryWeights = CommonCountries.Concat(Countries.All.Where(c => CommonCountries.All(x => x.Code != c.Code)).Select(c => (c.Code, 1))).ToArray();
        var consentFields = Enum.GetValues<ConsentField>();

        // Advisors go through EF (their ids come back); their rows in the join tables follow as bulk INSERTs.
        var batch = new List<(Advisor Advisor, int[] Topics, (string Code, LanguageLevel Level)[] Languages, string[] Countries, ConsentField[] Consents)>(BatchSize);
        for (var i = 0; i < count; i++)
        {
            var pool = pools[i % pools.Count];
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var number = offset + i + 1;
            var slug = $"{Slugify(first)}-{Slugify(last)}-{number}";
            var stateCities = cities.TryGetValue(pool.StateCodes.FirstOrDefault() ?? "", out var own) ? own : cities[""];
            var created = now.AddDays(-random.Next(0, 1500));
            var advisor = new Advisor
            {
                PoolId = pool.Id,
                Slug = slug,
                FirstName = first,
                LastName = last,
                Email = $"{slug}@example.org",
                Status = random.Next(100) < 90 ? AdvisorStatus.Active : (AdvisorStatus)random.Next(0, 5),
                Gender = random.Next(100) switch { < 46 => Gender.Female, < 92 => Gender.Male, < 96 => Gender.Diverse, _ => Gender.NotStated },
                BirthYear = thisYear - random.Next(22, 71),
                CityKey = stateCities[random.Next(stateCities.Length)],
                Expertise = Text(random, 120),
                Bio = Text(random, 200),
                DaysPerMonth = random.Next(1, 7),
                CreatedAt = created,
                UpdatedAt = created,
            };
            var topics = Pick(random, topicIds[pool.Id], random.Next(1, 4)).ToArray();
            var languages = PickWeighted(random, languageWeights, random.Next(1, 5)).Select(code => (code, (LanguageLevel)random.Next(1, 5))).ToArray();
            var countries = PickWeighted(random, countryWeights, random.Next(1, 3)).ToArray();
            var allConsents = random.Next(100) < 85;
            var consents = consentFields.Where(_ => allConsents || random.Next(2) == 0).ToArray();
            batch.Add((advisor, topics, languages, countries, consents));

            if (batch.Count == BatchSize || i == count - 1)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.Advisors.AddRange(batch.Select(b => b.Advisor));
                await db.SaveChangesAsync(ct);
                var topicRows = new List<AdvisorTopic>();
                var languageRows = new List<AdvisorLanguage>();
                var countryRows = new List<AdvisorCountry>();
                var consentRows = new List<AdvisorConsent>();
                foreach (var (a, topicList, languageList, countryList, consentList) in batch)
                {
                    topicRows.AddRange(topicList.Select(t => new AdvisorTopic { AdvisorId = a.Id, TopicId = t }));
                    languageRows.AddRange(languageList.Select(l => new AdvisorLanguage { AdvisorId = a.Id, LanguageCode = l.Code, Level = l.Level }));
                    countryRows.AddRange(countryList.Select(c => new AdvisorCountry { AdvisorId = a.Id, CountryCode = c }));
                    consentRows.AddRange(consentList.Select(f => new AdvisorConsent { AdvisorId = a.Id, Field = f, GrantedAt = a.CreatedAt }));
                }
                await db.InsertAsync(topicRows, ct);
                await db.InsertAsync(languageRows, ct);
                await db.InsertAsync(countryRows, ct);
                await db.InsertAsync(consentRows, ct);
                await transaction.CommitAsync(ct);
                // A tracker holding 50,000 advisors makes every later batch slower; each batch stands alone.
                db.ChangeTracker.Clear();
                batch.Clear();
                if ((i + 1) % 10_000 == 0) await log.WriteLineAsync($"  {i + 1:N0} advisors …");
            }
        }

        db.Audit("bench.seed-synthetic", $"{count} advisors", userId: null, details: $"pools={poolCount}; seed={seed}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new Result(pools.Count, count, cities.Values.Sum(c => c.Length), started.Elapsed);
    }

    private static async Task<List<Pool>> EnsurePoolsAsync(AppDbContext db, int poolCount, DateTimeOffset now, string prefix, CancellationToken ct)
    {
        var slugs = Enumerable.Range(1, poolCount).Select(i => $"{prefix}{i:00}").ToList();
        var existing = await db.Pools.AsNoTracking().Where(p => slugs.Contains(p.Slug)).Select(p => p.Slug).ToListAsync(ct);
        var hasDefault = await db.Pools.AnyAsync(p => p.IsDefault, ct);
        for (var i = 1; i <= poolCount; i++)
        {
            var slug = $"{prefix}{i:00}";
            if (existing.Contains(slug)) continue;
            var pool = new Pool
            {
                Slug = slug,
                Name = $"Synthetischer Pool {i:00}",
                BrandName = $"Bench {i:00}",
                StateCodes = [$"{(i - 1) % 16 + 1:00}"],
                ContactEmail = $"{slug}@example.org",
                DayRate = 250m,
                IsDefault = i == 1 && !hasDefault,
                CreatedAt = now,
            };
            pool.Topics.AddRange(StandardTopics.Select((t, n) => new Topic { Slug = t.Slug, NameDe = t.De, NameEn = t.En, NameFr = t.Fr, SortOrder = n + 1 }));
            db.Pools.Add(pool);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await db.Pools.AsNoTracking().Where(p => slugs.Contains(p.Slug)).OrderBy(p => p.Slug).ToListAsync(ct);
    }

    /// <summary>City keys by state code (key "" = all): the larger municipalities of the register, or synthetic ones when it is empty.</summary>
    private static async Task<Dictionary<string, string[]>> CityKeysAsync(AppDbContext db, DateTimeOffset now, TextWriter log, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Level == MunicipalityLevel.Municipality, ct))
        {
            await log.WriteLineAsync("  The register is empty: adding 200 synthetic municipalities (state 99).");
            if (!await db.States.AnyAsync(s => s.Code == "99", ct)) db.States.Add(new State { Code = "99", Name = "Synthetisches Land" });
            for (var i = 1; i <= 200; i++)
            {
                var name = $"Beispielstadt {i:000}";
                db.Municipalities.Add(new Municipality
                {
                    OfficialKey = $"99000{i:000}", Level = MunicipalityLevel.Municipality, Name = name + ", Stadt", ShortName = name,
                    SearchName = name.ToLowerInvariant(), TypeCode = "63", StateCode = "99", DistrictKey = "99000",
                    Population = 10_000 + i * 1_000, ImportedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var rows = await db.Municipalities.AsNoTracking()
            .Where(m => m.Level == MunicipalityLevel.Municipality)
            .OrderByDescending(m => m.Population).ThenBy(m => m.OfficialKey)
            .Select(m => new { m.OfficialKey, m.StateCode })
            .Take(2_000)
            .ToListAsync(ct);
        var byState = rows.GroupBy(r => r.StateCode).ToDictionary(g => g.Key, g => g.Take(50).Select(r => r.OfficialKey).ToArray());
        byState[""] = rows.Take(200).Select(r => r.OfficialKey).ToArray();
        return byState;
    }

    private static string Text(Random random, int length)
    {
        var sb = new System.Text.StringBuilder(length + 30);
        while (sb.Length < length)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Words[random.Next(Words.Length)]);
        }
        return sb.Append('.').ToString();
    }

    private static IEnumerable<int> Pick(Random random, int[] values, int count) =>
        values.OrderBy(_ => random.Next()).Take(Math.Min(count, values.Length));

    private static HashSet<string> PickWeighted(Random random, (string Code, int Weight)[] values, int count)
    {
        var total = values.Sum(v => v.Weight);
        var picked = new HashSet<string>();
        while (picked.Count < count)
        {
            var roll = random.Next(total);
            foreach (var (code, weight) in values)
            {
                if ((roll -= weight) < 0) { picked.Add(code); break; }
            }
        }
        return picked;
    }

    internal static string Slugify(string s) =>
        new(s.ToLowerInvariant().Replace("é", "e").Replace("è", "e").Replace("ö", "oe").Replace("ü", "ue").Replace("ä", "ae")
            .Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray());
}
