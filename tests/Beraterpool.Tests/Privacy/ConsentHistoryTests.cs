using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Requests;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Privacy.Consents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Privacy;

/// <summary>
/// Every grant and withdrawal of a consent leaves an unchangeable record of what (purpose and wording), when, how and by
/// whom, saved with the change; the person and the office see the history, and a withdrawal is gone from every public view at once.
/// </summary>
public sealed class ConsentHistoryTests(ConsentHistoryTests.App app) : IClassFixture<ConsentHistoryTests.App>
{
    public sealed class App : TestApp
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
        public App() : base(importGazetteer: false) => WithTime(Time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Coordinator, HttpClient Advisor, Advisor Profile, string AdvisorUserId, string CoordinatorUserId, string PoolSlug)> ArrangeAsync(
        string name, params ConsentField[] consents)
    {
        var coordinator = await app.CreateUserAsync($"coord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync($"{name}-pool", coordinator.Id);
        var user = await app.CreateUserAsync($"{name}@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, name, user.Id, consents);
        await app.WithDbAsync(db =>
        {
            db.AdvisorCountries.Add(new AdvisorCountry { AdvisorId = advisor.Id, CountryCode = "KE" });
            return db.SaveChangesAsync();
        });
        return (await app.SignInAsync($"coord-{name}@example.org"), await app.SignInAsync($"{name}@example.org"), advisor, user.Id, coordinator.Id, pool.Slug);
    }

    private Task<List<ConsentRecord>> HistoryAsync(int advisorId) =>
        app.WithDbAsync(db => db.ConsentRecords.AsNoTracking().Where(r => r.AdvisorId == advisorId).OrderBy(r => r.Id).ToListAsync());

    private static async Task PostProfileAsync(HttpClient client, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> change)
    {
        var form = change(FormFields.Of(await client.GetStringAsync("/me/profile", Ct), "multipart"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", form.Multipart(), Ct)).StatusCode);
    }

    [Fact]
    public async Task Advisors_grant_and_withdrawal_are_recorded_with_what_when_how_and_who_and_shown_to_both()
    {
        var (coordinator, client, advisor, userId, _, _) = await ArrangeAsync("verlauf-selbst");
        var grantedAt = app.Time.GetUtcNow();
        await PostProfileAsync(client, f => f.Set("Input.Consents", "Bio", "CountriesOfOrigin"));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var withdrawnAt = app.Time.GetUtcNow();
        await PostProfileAsync(client, f => f.Without("Input.Consents", "CountriesOfOrigin"));

        var history = await HistoryAsync(advisor.Id);
        Assert.Equal(3, history.Count);
        Assert.All(history, r => Assert.Equal((ConsentWays.SelfService, userId), (r.Via, r.ByUserId)));
        var origin = history.Where(r => r.Purpose == ConsentPurposes.Publish(ConsentField.CountriesOfOrigin)).ToList();
        Assert.Equal([ConsentAction.Granted, ConsentAction.Withdrawn], origin.Select(r => r.Action));
        Assert.All(origin, r => Assert.Equal(ConsentWordings.OriginArt9V1, r.Wording));
        Assert.InRange((origin[0].At - grantedAt).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange((origin[1].At - withdrawnAt).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var bio = Assert.Single(history, r => r.Purpose == ConsentPurposes.Publish(ConsentField.Bio));
        Assert.Equal((ConsentAction.Granted, ConsentWordings.PublishV1), (bio.Action, bio.Wording));

        var own = Html.Text(await client.GetStringAsync("/me/profile", Ct));
        Assert.Contains("Verlauf der Einwilligungen", own);
        Assert.Contains("Herkunftsländer veröffentlichen (Art. 9 DSGVO) widerrufen im eigenen Profilformular selbst", own);
        var office = Html.Text(await coordinator.GetStringAsync($"/manage/advisors/{advisor.Id}/edit", Ct));
        Assert.Contains("Herkunftsländer veröffentlichen (Art. 9 DSGVO) erteilt im eigenen Profilformular", office);
        Assert.Contains("Kurzbiografie veröffentlichen erteilt", office);
    }

    [Fact]
    public async Task Consent_recorded_by_the_office_names_the_coordinator()
    {
        var (coordinator, _, advisor, _, coordinatorId, _) = await ArrangeAsync("verlauf-buero", ConsentField.Photo);
        var url = $"/manage/advisors/{advisor.Id}/edit";
        var form = FormFields.Of(await coordinator.GetStringAsync(url, Ct), "multipart").Set("Input.Consents", "Languages");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url, form.Multipart(), Ct)).StatusCode);

        var history = await HistoryAsync(advisor.Id);
        Assert.Equal(2, history.Count);
        Assert.Contains(history, r => (r.Purpose, r.Action, r.Via, r.ByUserId) == (ConsentPurposes.Publish(ConsentField.Languages), ConsentAction.Granted, ConsentWays.Office, coordinatorId));
        Assert.Contains(history, r => (r.Purpose, r.Action, r.Via, r.ByUserId) == (ConsentPurposes.Publish(ConsentField.Photo), ConsentAction.Withdrawn, ConsentWays.Office, coordinatorId));
        Assert.Contains("coord-verlauf-buero@example.org", Html.Text(await coordinator.GetStringAsync(url, Ct)));
    }

    [Fact]
    public async Task Withdrawn_origin_consent_is_gone_from_profile_directory_json_and_statistics_at_once()
    {
        var (_, client, advisor, _, _, slug) = await ArrangeAsync("verlauf-weg", ConsentField.CountriesOfOrigin, ConsentField.Bio);
        var visitor = app.CreateClient();
        var site = $"/pool/{slug}";
        Assert.Contains("Kenia", Html.Text(await visitor.GetStringAsync($"{site}/advisors/{advisor.Slug}", Ct)));
        Assert.Contains("Kenia", Html.Text(await visitor.GetStringAsync($"{site}/advisors", Ct)));
        Assert.Contains("\"KE\"", await visitor.GetStringAsync($"{site}/api/advisors", Ct));
        Assert.Contains("Herkunftsländer (1) Kenia", Html.Text(await visitor.GetStringAsync($"{site}/statistics", Ct)));

        await PostProfileAsync(client, f => f.Without("Input.Consents", "CountriesOfOrigin"));

        Assert.DoesNotContain("Kenia", Html.Text(await visitor.GetStringAsync($"{site}/advisors/{advisor.Slug}", Ct)));
        Assert.DoesNotContain("Kenia", Html.Text(await visitor.GetStringAsync($"{site}/advisors", Ct)));
        Assert.DoesNotContain("\"KE\"", await visitor.GetStringAsync($"{site}/api/advisors", Ct));
        var statistics = Html.Text(await visitor.GetStringAsync($"{site}/statistics", Ct));
        Assert.Contains("Herkunftsländer (0)", statistics);
        Assert.DoesNotContain("Kenia", statistics);
        Assert.Contains("Alte Biografie", Html.Text(await visitor.GetStringAsync($"{site}/advisors/{advisor.Slug}", Ct)));
    }

    [Fact]
    public async Task Request_forms_consent_is_recorded_with_its_wording_and_the_contact()
    {
        await app.SeedRegisterAsync();
        await app.CreatePoolAsync("verlauf-anfrage");
        var client = app.Browser();
        var response = await client.PostFormAsync("/pool/verlauf-anfrage/requests/new?handler=Submit",
        [
            new("Input.MunicipalityKey", RequestArrange.Hamm), new("Input.ContactName", "Erika Beispiel"), new("Input.ContactEmail", "erika@hamm.example"),
            new("Input.Goal", "Ziel"), new("Input.Need", "Bedarf"), new("Input.Format", "Mixed"), new("Input.Consent", "true"),
        ], "/pool/verlauf-anfrage/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var request = await app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.ContactEmail == "erika@hamm.example"));
        var record = Assert.Single(await app.WithDbAsync(db => db.ConsentRecords.AsNoTracking().Where(r => r.RequestId == request.Id).ToListAsync()));
        Assert.Equal((ConsentPurposes.RequestProcessing, ConsentWordings.RequestV1, ConsentAction.Granted, ConsentWays.RequestForm, "Erika Beispiel <erika@hamm.example>"),
            (record.Purpose, record.Wording, record.Action, record.Via, record.ByName));
        Assert.Equal(request.ConsentGivenAt, record.At);
        Assert.Null(record.ByUserId);
        Assert.True(ConsentWordings.Texts.ContainsKey(record.Wording));
    }
}
