using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

/// <summary>A municipality contact sees their own requests only, with the days left.</summary>
public sealed class MunicipalityContactTests(MunicipalityContactTests.App app) : IClassFixture<MunicipalityContactTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_contact_sees_only_their_own_requests_and_gets_404_for_anyone_elses()
    {
        await app.SeedRegisterAsync();
        var pool = await app.CreatePoolAsync("kontakt");
        var koeln = await app.SignedInBrowserAsync("koeln@kontakt.example", Roles.MunicipalityContact);
        var hamm = await app.SignedInBrowserAsync("hamm@kontakt.example", Roles.MunicipalityContact);
        var koelnId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "koeln@kontakt.example").Select(u => u.Id).SingleAsync());
        var hammId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "hamm@kontakt.example").Select(u => u.Id).SingleAsync());
        var (own, _) = await app.CreateRequestAsync(pool.Id, email: "koeln@kontakt.example", contactUserId: koelnId);
        var (other, _) = await app.CreateRequestAsync(pool.Id, RequestArrange.Hamm, email: "hamm@kontakt.example", contactUserId: hammId);
        // Same municipality, but sent by someone else who has no account: not this contact's either.
        var (colleague, _) = await app.CreateRequestAsync(pool.Id, email: "kollegin@koeln.example");
        var references = await app.WithDbAsync(db => db.ConsultationRequests.ToDictionaryAsync(r => r.Id, r => r.Reference));

        var page = Html.Text(await koeln.GetStringAsync("/municipality", Ct));
        Assert.Contains(references[own], page);
        Assert.DoesNotContain(references[other], page);
        Assert.DoesNotContain(references[colleague], page);
        Assert.Contains("Beratungstage übrig in diesem Jahr für Köln", page);
        Assert.Contains("10", page);

        Assert.Equal(HttpStatusCode.OK, (await koeln.GetAsync($"/municipality/requests/{own}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await koeln.GetAsync($"/municipality/requests/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await koeln.GetAsync($"/municipality/requests/{colleague}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hamm.GetAsync($"/municipality/requests/{other}", Ct)).StatusCode);
        // Not a coordinator: the queue is closed to a contact.
        Assert.NotEqual(HttpStatusCode.OK, (await koeln.GetAsync($"/manage/requests/{own}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_contact_lands_on_their_municipality_page_after_signing_in()
    {
        await app.CreatePoolAsync("landung");
        await app.CreateUserAsync("landung@kontakt.example", Roles.MunicipalityContact);
        var response = await app.Browser().PostFormAsync("/account/login",
            [new("Input.Email", "landung@kontakt.example"), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/municipality", response.Headers.Location?.OriginalString);
    }
}
