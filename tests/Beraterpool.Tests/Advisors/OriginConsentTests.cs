using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Advisors;

/// <summary>
/// Only the advisor gives or withdraws the Art. 9 consent to publish their countries of origin; the coordinator's
/// editor shows it read-only with when and how it was given (issue 8, item 15b).
/// </summary>
public sealed class OriginConsentTests(OriginConsentTests.App app) : IClassFixture<OriginConsentTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Coordinator, HttpClient Advisor, Advisor Profile)> ArrangeAsync(string name, params ConsentField[] consents)
    {
        var coordinator = await app.CreateUserAsync($"coord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync($"{name}-pool", coordinator.Id);
        var user = await app.CreateUserAsync($"{name}@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, name, user.Id, consents);
        return (await app.SignInAsync($"coord-{name}@example.org"), await app.SignInAsync($"{name}@example.org"), advisor);
    }

    private Task<List<AdvisorConsent>> ConsentsAsync(int advisorId) =>
        app.WithDbAsync(db => db.AdvisorConsents.AsNoTracking().Where(c => c.AdvisorId == advisorId).ToListAsync());

    [Fact]
    public async Task Coordinator_cannot_tick_the_origin_consent_and_sees_it_read_only()
    {
        var (coordinator, _, advisor) = await ArrangeAsync("herkunft-nein");
        var url = $"/manage/advisors/{advisor.Id}/edit";
        var page = await coordinator.GetStringAsync(url, Ct);
        Assert.DoesNotContain("value=\"CountriesOfOrigin\"", page);
        Assert.Contains("Nicht erteilt. Nur die Berater*in selbst kann diese Einwilligung in ihrem Profil geben oder widerrufen.", Html.Text(page));

        // A hand-made post with the box ticked changes nothing about it; other consents the office may record.
        var form = FormFields.Of(page, "multipart").Set("Input.Consents", "CountriesOfOrigin", "Bio");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url, form.Multipart(), Ct)).StatusCode);

        var consents = await ConsentsAsync(advisor.Id);
        Assert.Equal([ConsentField.Bio], consents.Select(c => c.Field));
        Assert.Equal(ConsentWays.Office, consents[0].GrantedVia);
    }

    [Fact]
    public async Task Coordinator_cannot_withdraw_it_either()
    {
        var (coordinator, _, advisor) = await ArrangeAsync("herkunft-bleibt", ConsentField.CountriesOfOrigin);
        var url = $"/manage/advisors/{advisor.Id}/edit";
        var form = FormFields.Of(await coordinator.GetStringAsync(url, Ct), "multipart").Without("Input.Consents", "CountriesOfOrigin");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url, form.Multipart(), Ct)).StatusCode);
        Assert.Contains(await ConsentsAsync(advisor.Id), c => c.Field == ConsentField.CountriesOfOrigin);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == $"advisor:{advisor.Id}" && e.Action == "advisor.consent.withdrawn")));
    }

    [Fact]
    public async Task Advisors_own_consent_is_recorded_with_how_and_by_whom_and_shown_to_the_coordinator()
    {
        var (coordinator, client, advisor) = await ArrangeAsync("herkunft-selbst");
        var form = FormFields.Of(await client.GetStringAsync("/me/profile", Ct), "multipart").Set("Input.Consents", "CountriesOfOrigin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", form.Multipart(), Ct)).StatusCode);

        var consent = Assert.Single(await ConsentsAsync(advisor.Id));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "herkunft-selbst@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal((ConsentField.CountriesOfOrigin, ConsentWays.SelfService, userId), (consent.Field, consent.GrantedVia, consent.GrantedByUserId));
        Assert.Contains("via=self-service", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "advisor.consent.granted" && e.Subject == $"advisor:{advisor.Id}").Select(e => e.Details).SingleAsync()));
        Assert.Contains("von der Berater*in selbst im Profilformular.", Html.Text(await coordinator.GetStringAsync($"/manage/advisors/{advisor.Id}/edit", Ct)));
    }
}
