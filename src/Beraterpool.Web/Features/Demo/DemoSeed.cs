using Beraterpool.Web.Features.Shared;
using System.Text.RegularExpressions;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Advisors.Directory;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Privacy.Consents;
using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Privacy.Notices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// Demo data that tells the first pool's real story: "MiGlobe NRW" with 20 fictional advisors who reproduce the
/// published figures (8 women, 12 men, aged 23 to 65, 12 cities, 16 countries of origin), a smaller
/// Baden-Württemberg pool, and one account per role (<see cref="DemoAccounts"/>). Ages are stored as birth years
/// relative to today, so the figures hold in any year.
/// </summary>
public static partial class DemoSeed
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Pools.AnyAsync(ct)) return;

        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var year = time.LocalYear();
        await EnsureCitiesAsync(db, now, ct);

        var nrw = NewPool("nrw", "MiGlobe NRW", "05", "koordination@miglobe.local", isDefault: true, now);
        var bw = NewPool("bw", "MiGlobe Baden-Württemberg", "08", "koordination-bw@miglobe.local", isDefault: false, now);
        db.Pools.AddRange(nrw, bw);
        await db.SaveChangesAsync(ct);
        NoticeExamples.Add(db, nrw, now);
        NoticeExamples.Add(db, bw, now);

        var nrwAdvisors = AddAdvisors(db, nrw, NrwAdvisors, year, now);
        AddAdvisors(db, bw, BwAdvisors, year, now);
        db.Audit("demo.seeded", "pools", null, details: "Demo data: pools nrw, bw; 26 advisors; demo accounts");
        await db.SaveChangesAsync(ct);
        await DemoEvents.SeedAsync(db, nrw, nrwAdvisors, now, ct);
        DemoSeminars.Add(db, nrw, nrwAdvisors, now);

        var users = services.GetRequiredService<UserManager<AppUser>>();
        string? nrwCoordinator = null;
        string? mentor = null;
        string? reviewer = null;
        foreach (var account in DemoAccounts.All)
        {
            var user = new AppUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName, CreatedAt = now,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), account.Email);
            Check(await users.AddToRoleAsync(user, account.Role), account.Email);
            if (account.PoolSlug is { } slug)
            {
                db.PoolCoordinators.Add(new PoolCoordinator { PoolId = slug == "bw" ? bw.Id : nrw.Id, UserId = user.Id });
                if (slug != "bw") nrwCoordinator ??= user.Id;
            }
            if (account.Role == Roles.Advisor) nrwAdvisors[0].UserId = user.Id;
            if (account.Role == Roles.Mentor) mentor = user.Id;
            if (account.Role == Roles.Reviewer) reviewer = user.Id;
        }
        await DemoCalls.SeedAsync(db, nrw, nrwAdvisors, reviewer, now, ct);
        HandbookExamples.Add(db, nrw, nrwCoordinator, now);
        Site.SitePageExamples.Add(db, nrw, nrwCoordinator, now);
        ImpactExamples.Add(db, nrw, nrwCoordinator, now);
        if (mentor is not null) DemoMentoring.Add(db, nrw.Id, nrwAdvisors, mentor, nrwCoordinator, now);
        await db.SaveChangesAsync(ct);
        await DemoStakeholders.SeedAsync(db, nrw, nrwCoordinator, now, ct);
        await DemoInterviews.SeedAsync(db, nrw, nrwAdvisors, nrwCoordinator, now, ct);

        if (services.GetRequiredService<IConfiguration>().GetValue("Demo:Year", true))
        {
            await ActivatorUtilities.CreateInstance<DemoYear>(services).SeedAsync(ct);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static Pool NewPool(string slug, string name, string state, string email, bool isDefault, DateTimeOffset now) => new()
    {
        Slug = slug,
        Name = name,
        BrandName = "MiGlobe",
        Claim = "Neue Chancen für die kommunale Entwicklungspolitik",
        BrandPrimaryColor = "#0b4f6c",
        BrandAccentColor = "#8a2e52",
        StateCodes = [state],
        ContactEmail = email,
        DayRate = 250.00m,
        AnnualDayQuota = 10,
        IsDefault = isDefault,
        CreatedAt = now,
        // Invoices go to the paying agency; fees leave from its account (a documentation IBAN, never a real one).
        InvoiceRecipient = "Engagement Global gGmbH",
        InvoiceStreet = "Friedrich-Ebert-Allee 40",
        InvoicePostalCode = "53113",
        InvoiceCity = "Bonn",
        DebtorName = "Engagement Global gGmbH",
        DebtorIban = slug == "bw" ? "DE44500105175407324931" : "DE12500105170648489890",
        DebtorBic = "INGDDEFFXXX",
        FourEyesPayments = slug == "bw",
        Topics = SeedTopics.Select((t, i) => new Topic { Slug = t.Slug, NameDe = t.De, NameEn = t.En, NameFr = t.Fr, SortOrder = i + 1 }).ToList(),
    };

    private static List<Advisor> AddAdvisors(AppDbContext db, Pool pool, IEnumerable<SeedAdvisor> seeds, int year, DateTimeOffset now)
    {
        var topics = pool.Topics.ToDictionary(t => t.Slug);
        var list = new List<Advisor>();
        var n = 0;
        foreach (var s in seeds)
        {
            n++;
            var granted = now.AddDays(-400 + n * 9);
            var advisor = new Advisor
            {
                PoolId = pool.Id,
                Slug = Slug($"{s.First} {s.Last}"),
                FirstName = s.First,
                LastName = s.Last,
                Email = $"{Slug(s.First).Replace('-', '.')}.{Slug(s.Last).Replace('-', '.')}@miglobe.local",
                Status = AdvisorStatus.Active,
                Gender = s.Gender,
                BirthYear = year - s.Age,
                CityKey = s.City,
                Expertise = s.Expertise,
                Bio = s.Bio,
                DaysPerMonth = 2 + n % 4,
                CreatedAt = granted,
                UpdatedAt = granted,
                Countries = s.Countries.Select(c => new AdvisorCountry { CountryCode = c }).ToList(),
                Languages = s.Languages.Select(l => new AdvisorLanguage { LanguageCode = l.Code, Level = l.Level }).ToList(),
                Topics = s.Topics.Select(t => new AdvisorTopic { TopicId = topics[t].Id }).ToList(),
                Consents = Enum.GetValues<ConsentField>().Except(s.Withheld)
                    .Select(f => new AdvisorConsent { Field = f, GrantedAt = granted }).ToList(),
            };
            db.Advisors.Add(advisor);
            // The demo's consents have a history too, so the profile and the office show where they came from.
            foreach (var consent in advisor.Consents)
                db.ConsentRecords.Add(new ConsentRecord
                {
                    PoolId = pool.Id, Advisor = advisor, Purpose = ConsentPurposes.Publish(consent.Field), Wording = ConsentWordings.ForField(consent.Field),
                    Action = ConsentAction.Granted, At = granted, Via = ConsentWays.DemoSeed,
                });
            list.Add(advisor);
        }
        return list;
    }

    /// <summary>The official key of a demo city by its short name ("Köln").</summary>
    internal static string CityKey(string name) => Cities.Single(c => c.Name == name).Key;

    public static string Slug(string name) => NonSlug().Replace(SearchText.Fold(name), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    /// <summary>
    /// The register's rows for the demo cities, inserted only when the register was not imported
    /// (tests and first starts without the file), so advisors' city keys always resolve.
    /// </summary>
    private static async Task EnsureCitiesAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var keys = Cities.Select(c => c.Key).ToList();
        var present = await db.Municipalities.Where(m => keys.Contains(m.OfficialKey)).Select(m => m.OfficialKey).ToListAsync(ct);
        var missing = Cities.Where(c => !present.Contains(c.Key)).ToList();
        if (missing.Count == 0) return;
        var states = await db.States.Select(s => s.Code).ToListAsync(ct);
        foreach (var (code, name) in new[] { ("05", "Nordrhein-Westfalen"), ("08", "Baden-Württemberg") })
        {
            if (!states.Contains(code)) db.States.Add(new State { Code = code, Name = name });
        }
        foreach (var c in missing)
        {
            db.Municipalities.Add(new Municipality
            {
                OfficialKey = c.Key,
                Level = MunicipalityLevel.Municipality,
                Name = c.RegisterName,
                ShortName = c.Name,
                SearchName = SearchText.Fold(c.Name),
                TypeCode = c.Type,
                StateCode = c.Key[..2],
                GovernmentDistrictKey = c.Key[..3],
                DistrictKey = c.Key[..5],
                Population = c.Population,
                PostalCode = c.PostalCode,
                Latitude = c.Latitude,
                Longitude = c.Longitude,
                ImportedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
