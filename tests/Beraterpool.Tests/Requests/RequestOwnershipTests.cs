using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

/// <summary>Issue 13 "ownership and notes" and "back-office lists": who looks after a request, the office's internal notes, the queue's search, filter and sort.</summary>
public sealed class RequestOwnershipTests(RequestOwnershipTests.App app) : IClassFixture<RequestOwnershipTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public int PoolA { get; private set; }
        public int PoolB { get; private set; }
        public HttpClient Anna { get; private set; } = null!;
        public HttpClient Ben { get; private set; } = null!;
        public HttpClient OtherPool { get; private set; } = null!;
        public string BenId { get; private set; } = "";

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            Anna = await this.SignedInBrowserAsync("anna@koordination.example", Roles.Coordinator);
            Ben = await this.SignedInBrowserAsync("ben@koordination.example", Roles.Coordinator);
            OtherPool = await this.SignedInBrowserAsync("carla@anderer-pool.example", Roles.Coordinator);
            var anna = await IdAsync("anna@koordination.example");
            BenId = await IdAsync("ben@koordination.example");
            PoolA = (await this.CreatePoolAsync("eigentum-a", anna)).Id;
            PoolB = (await this.CreatePoolAsync("eigentum-b", await IdAsync("carla@anderer-pool.example"))).Id;
            await WithDbAsync(db => { db.PoolCoordinators.Add(new PoolCoordinator { PoolId = PoolA, UserId = BenId }); return db.SaveChangesAsync(); });
        }

        private Task<string> IdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string?> ResponsibleAsync(int id) =>
        app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.ResponsibleUserId).SingleAsync());

    [Fact]
    public async Task A_request_is_given_to_a_coordinator_of_its_pool_and_appears_under_mine_for_them()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA, email: "zustaendig@koeln.example");
        var assigned = await app.Anna.PostFormAsync($"/manage/requests/{id}?handler=Assign", [new("responsible", app.BenId)], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(app.BenId, await ResponsibleAsync(id));
        Assert.Contains("Zuständig ist jetzt", Html.Text(await app.Anna.GetStringAsync($"/manage/requests/{id}", Ct)));

        var reference = await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        Assert.Contains(reference, await app.Ben.GetStringAsync("/manage/requests?responsible=mine", Ct));
        Assert.DoesNotContain(reference, await app.Anna.GetStringAsync("/manage/requests?responsible=mine", Ct));
        Assert.DoesNotContain(reference, await app.Anna.GetStringAsync("/manage/requests?responsible=none", Ct));
        // Ben's dashboard counts it as his.
        Assert.Matches(@"\b1\s+offene Anfrage bei Ihnen", Html.Text(await app.Ben.GetStringAsync("/manage", Ct)));
    }

    [Fact]
    public async Task Only_a_coordinator_of_the_pool_can_be_made_responsible()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA, email: "fremd@koeln.example");
        var carla = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "carla@anderer-pool.example").Select(u => u.Id).SingleAsync());
        var refused = await app.Anna.PostFormAsync($"/manage/requests/{id}?handler=Assign", [new("responsible", carla)], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte wählen Sie eine Person aus der Koordinierung dieses Pools.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.Null(await ResponsibleAsync(id));
        // Another pool's coordinator cannot reach the request at all.
        var other = await app.OtherPool.PostFormAsync($"/manage/requests/{id}?handler=Assign", [new("responsible", carla)], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Internal_notes_are_kept_for_the_office_and_never_reach_the_municipality()
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: "notiz@koeln.example");
        var empty = await app.Anna.PostFormAsync($"/manage/requests/{id}?handler=Note", [new("NoteBody", "  ")], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte schreiben Sie die Notiz.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct)));

        const string note = "Bürgermeisterin ruft am Montag zurück – Haushalt noch offen.";
        var saved = await app.Anna.PostFormAsync($"/manage/requests/{id}?handler=Note", [new("NoteBody", note)], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(note, Html.Text(await app.Ben.GetStringAsync($"/manage/requests/{id}", Ct)));

        Assert.DoesNotContain("Haushalt noch offen", Html.Text(await app.Browser().GetStringAsync($"/requests/track/{token}", Ct)));
        Assert.DoesNotContain(app.MailsTo("notiz@koeln.example"), m => m.Contains("Haushalt noch offen"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.OtherPool.PostFormAsync($"/manage/requests/{id}?handler=Note", [new("NoteBody", "fremd")], $"/manage/requests/{id}")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.InternalNotes.CountAsync(n => n.RequestId == id)));
    }

    [Fact]
    public async Task The_queue_finds_a_request_by_contact_or_number_and_sorts_by_municipality()
    {
        var (koeln, _) = await app.CreateRequestAsync(app.PoolA, RequestArrange.Koeln, email: "suche.koeln@example.org");
        var (hamm, _) = await app.CreateRequestAsync(app.PoolA, RequestArrange.Hamm, email: "suche.hamm@example.org");
        var references = await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == koeln || r.Id == hamm).ToDictionaryAsync(r => r.Id, r => r.Reference));

        var byNumber = await app.Anna.GetStringAsync($"/manage/requests?q={references[hamm]}", Ct);
        Assert.Contains(references[hamm], byNumber);
        Assert.DoesNotContain(references[koeln], byNumber);
        Assert.Contains("1 Anfrage", Html.Text(byNumber));
        var byMail = await app.Anna.GetStringAsync("/manage/requests?q=SUCHE.KOELN", Ct);
        Assert.Contains(references[koeln], byMail);
        Assert.DoesNotContain(references[hamm], byMail);

        var sorted = await app.Anna.GetStringAsync("/manage/requests?status=all&sort=municipality&q=suche.", Ct);
        Assert.True(sorted.IndexOf(references[hamm], StringComparison.Ordinal) < sorted.IndexOf(references[koeln], StringComparison.Ordinal), "Hamm before Köln");
        var reversed = await app.Anna.GetStringAsync("/manage/requests?status=all&sort=-municipality&q=suche.", Ct);
        Assert.True(reversed.IndexOf(references[koeln], StringComparison.Ordinal) < reversed.IndexOf(references[hamm], StringComparison.Ordinal), "Köln before Hamm");
        Assert.Contains("aria-sort=\"descending\"", reversed);
    }

    [Fact]
    public async Task Defect13_the_only_primary_button_is_the_step_forward()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA, email: "knopf@koeln.example", status: RequestStatus.Matching);
        var page = await app.Anna.GetStringAsync($"/manage/requests/{id}", Ct);
        var primaries = System.Text.RegularExpressions.Regex.Matches(page, "<(a|button)[^>]*kern-btn--primary[^>]*>\\s*<span class=\"kern-label\">([^<]*)</span>");
        Assert.Single(primaries);
        Assert.Equal("Passende Berater*innen vorschlagen", WebUtility.HtmlDecode(primaries[0].Groups[2].Value));
        Assert.Contains("kern-btn--tertiary\"><span class=\"kern-label\">Zurück zum Erstgespräch", page);
    }
}
