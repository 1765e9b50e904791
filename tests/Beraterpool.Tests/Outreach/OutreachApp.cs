using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Municipalities;

namespace Beraterpool.Tests.Outreach;

/// <summary>
/// A default pool with three advisors: Amara Okafor (active, publishes all but her countries of origin and age), Jonas
/// Berg (active, publishes only his bio) and Lea Neu (an applicant, not in the directory); a second pool with its own
/// coordinator.
/// </summary>
public sealed class OutreachApp() : TestApp(importGazetteer: false)
{
    public const string Koeln = "05315000";
    public int PoolId { get; private set; }
    public int OtherPoolId { get; private set; }
    public Advisor Amara { get; private set; } = null!;
    public Advisor Jonas { get; private set; } = null!;
    public Advisor Lea { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var coordinator = await this.CreateUserAsync("koord-outreach@example.org", Roles.Coordinator);
        var other = await this.CreateUserAsync("koord-anderer-pool@example.org", Roles.Coordinator);
        var amaraUser = await this.CreateUserAsync("amara@example.org", Roles.Advisor);
        PoolId = (await this.CreatePoolAsync("outreach", coordinator.Id)).Id;
        OtherPoolId = (await this.CreatePoolAsync("zweiter", other.Id)).Id;
        await WithDbAsync(async db =>
        {
            db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
            db.Municipalities.Add(new Municipality
            {
                OfficialKey = Koeln, Level = MunicipalityLevel.Municipality, Name = "Köln, Stadt", ShortName = "Köln", SearchName = "koeln",
                TypeCode = "61", StateCode = "05", DistrictKey = "05315", ImportedAt = DateTimeOffset.UtcNow,
            });
            var topics = db.Topics.Where(t => t.PoolId == PoolId).ToDictionary(t => t.Slug, t => t.Id);
            Amara = Advisor("amara-okafor", "Amara", "Okafor", amaraUser.Id, AdvisorStatus.Active, topics["fairer-handel"],
                Enum.GetValues<ConsentField>().Except([ConsentField.CountriesOfOrigin, ConsentField.Age]).ToArray());
            Amara.Gender = Gender.Female;
            Amara.Expertise = "Beschaffung, Vergabe; Recht";
            Jonas = Advisor("jonas-berg", "Jonas", "Berg", null, AdvisorStatus.Active, topics["agenda-2030"], ConsentField.Bio);
            Jonas.Gender = Gender.Male;
            Lea = Advisor("lea-neu", "Lea", "Neu", null, AdvisorStatus.Applicant, topics["agenda-2030"], Enum.GetValues<ConsentField>());
            db.Advisors.AddRange(Amara, Jonas, Lea);
            return await db.SaveChangesAsync();
        });
        await ChangedAsync(DataVersions.Pool(PoolId));
    }

    private Advisor Advisor(string slug, string first, string last, string? userId, AdvisorStatus status, int topicId, params ConsentField[] consents)
    {
        var now = DateTimeOffset.UtcNow;
        return new Advisor
        {
            PoolId = PoolId, Slug = slug, FirstName = first, LastName = last, Email = $"{slug}@privat.example.org", UserId = userId, Status = status,
            CityKey = Koeln, BirthYear = 1980, Bio = $"Über {first}.", CreatedAt = now, UpdatedAt = now,
            Topics = [new AdvisorTopic { TopicId = topicId }],
            Languages = [new AdvisorLanguage { LanguageCode = "en", Level = LanguageLevel.Native }, new AdvisorLanguage { LanguageCode = "fr", Level = LanguageLevel.Good }],
            Countries = [new AdvisorCountry { CountryCode = "NG" }],
            Consents = consents.Select(f => new AdvisorConsent { Field = f, GrantedAt = now.AddDays(-10) }).ToList(),
        };
    }
}
