using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

/// <summary>Defect 16: intakes are corrected by their author with the earlier version kept; expected days above the quota need a word.</summary>
public sealed class IntakeCorrectionTests(IntakeCorrectionTests.App app) : IClassFixture<IntakeCorrectionTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public int PoolId { get; private set; }
        public HttpClient Author { get; private set; } = null!;
        public HttpClient Colleague { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            Author = await this.SignedInBrowserAsync("intake-autorin@example.org", Roles.Coordinator);
            Colleague = await this.SignedInBrowserAsync("intake-kollege@example.org", Roles.Coordinator);
            var author = await WithDbAsync(db => db.Users.Where(u => u.Email == "intake-autorin@example.org").Select(u => u.Id).SingleAsync());
            var colleague = await WithDbAsync(db => db.Users.Where(u => u.Email == "intake-kollege@example.org").Select(u => u.Id).SingleAsync());
            PoolId = (await this.CreatePoolAsync("intake-pool", author)).Id;
            await WithDbAsync(async db =>
            {
                db.PoolCoordinators.Add(new PoolCoordinator { PoolId = PoolId, UserId = colleague });
                return await db.SaveChangesAsync();
            });
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int RequestId, int IntakeId)> RecordIntakeAsync(string outcome = "Tandem aus Bonn suchen")
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolId);
        var form = await app.Author.GetStringAsync($"/manage/requests/{id}/intake", Ct);
        var saved = await app.Author.PostFormAsync($"/manage/requests/{id}/intake", FormFields.Of(form, "method=\"post\" novalidate")
            .Set("Input.ExpectedDays", "3").Set("Input.Outcome", outcome).Set("Input.Participants", "Frau Beispiel"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (id, await app.WithDbAsync(db => db.IntakeConversations.Where(i => i.RequestId == id).Select(i => i.Id).SingleAsync()));
    }

    [Fact]
    public async Task Defect16_the_author_corrects_an_intake_and_the_request_shows_one_card_with_the_earlier_version()
    {
        var (id, intakeId) = await RecordIntakeAsync();
        var url = $"/manage/requests/{id}/intake/{intakeId}";
        Assert.Contains(url, await app.Author.GetStringAsync($"/manage/requests/{id}", Ct));

        var form = await app.Author.GetStringAsync(url, Ct);
        Assert.Contains("Erstgespräch korrigieren", Html.Text(form));
        Assert.Contains("Tandem aus Bonn suchen", form);
        var bad = await app.Author.PostFormAsync(url, FormFields.Of(form, "method=\"post\" novalidate").Set("Input.Outcome", "").Set("Input.ExpectedDays", "4"));
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte beschreiben Sie das Ergebnis des Gesprächs.", Html.Text(badHtml));
        Assert.Contains("value=\"4\"", badHtml);

        var saved = await app.Author.PostFormAsync(url, FormFields.Of(form, "method=\"post\" novalidate")
            .Set("Input.Outcome", "Eine Berater*in aus Köln reicht").Set("Input.ExpectedDays", "2,5"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var intakes = await app.WithDbAsync(db => db.IntakeConversations.Where(i => i.RequestId == id).ToListAsync());
        Assert.Equal((5, "Eine Berater*in aus Köln reicht"), (intakes.Single().ExpectedHalfDays, intakes.Single().Outcome));
        Assert.Single(await app.WithDbAsync(db => db.Set<Revision>().Where(r => r.Kind == RevisionKind.Intake && r.RecordId == intakeId).ToListAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "request.intake.corrected" && a.Subject == $"request:{id}")));

        var detail = Html.Text(await app.Author.GetStringAsync($"/manage/requests/{id}", Ct));
        Assert.Contains("Eine Berater*in aus Köln reicht", detail);
        Assert.Contains("Frühere Fassungen (1)", detail);
        Assert.Contains("Ergebnis: Tandem aus Bonn suchen", detail);
        Assert.Contains("Erwartete Beratungstage: 3", detail);
    }

    [Fact]
    public async Task Defect16_another_coordinator_of_the_pool_cannot_correct_someone_elses_intake()
    {
        var (id, intakeId) = await RecordIntakeAsync("Nur die Autorin korrigiert");
        var url = $"/manage/requests/{id}/intake/{intakeId}";

        Assert.DoesNotContain(url, await app.Colleague.GetStringAsync($"/manage/requests/{id}", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Colleague.GetAsync(url, Ct)).StatusCode);
        var form = await app.Author.GetStringAsync(url, Ct);
        var forged = await app.Colleague.PostFormAsync(url, FormFields.Of(form, "method=\"post\" novalidate").Where(f => f.Key != "__RequestVerificationToken").ToList().Set("Input.Outcome", "Übernommen"),
            formPageUrl: $"/manage/requests/{id}/intake");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("Nur die Autorin korrigiert", await app.WithDbAsync(db => db.IntakeConversations.Where(i => i.Id == intakeId).Select(i => i.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task Defect16_expected_days_above_the_days_left_this_year_need_a_confirmation()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolId, municipalityKey: RequestArrange.Hamm);
        var url = $"/manage/requests/{id}/intake";
        var form = await app.Author.GetStringAsync(url, Ct);
        Assert.Contains("Noch verfügbar", Html.Text(form));
        Assert.Contains("Jahreskontingent: 10 Tage", Html.Text(form));
        var fields = FormFields.Of(form, "method=\"post\" novalidate").Set("Input.ExpectedDays", "12").Set("Input.Outcome", "Großes Vorhaben");

        var warned = await app.Author.PostFormAsync(url, fields);
        var warnedHtml = await warned.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Erwartet sind 12 Tage", Html.Text(warnedHtml));
        Assert.Contains("Input.AboveQuotaConfirmed", warnedHtml);
        Assert.Contains("Großes Vorhaben", warnedHtml);
        Assert.False(await app.WithDbAsync(db => db.IntakeConversations.AnyAsync(i => i.RequestId == id)));

        var confirmed = await app.Author.PostFormAsync(url, FormFields.Of(warnedHtml, "method=\"post\" novalidate").Set("Input.AboveQuotaConfirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(24, await app.WithDbAsync(db => db.IntakeConversations.Where(i => i.RequestId == id).Select(i => i.ExpectedHalfDays).SingleAsync()));
    }
}
