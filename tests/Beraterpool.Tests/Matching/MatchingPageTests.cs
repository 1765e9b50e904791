using System.Net;
using Beraterpool.Web.Data;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Matching;

public sealed class MatchingPageTests(MatchingPageTests.App app) : IClassFixture<MatchingPageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Matching_page_for_a_request_in_Koeln_shows_the_expected_top_advisor_with_reasons()
    {
        var scene = await app.PoolAsync("match-koeln");
        await app.AdvisorAsync(scene, "amina-koeln", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic, scene.SdgTopic]);
        await app.AdvisorAsync(scene, "kwame-muenster", "Kwame", "Mensah", MatchingArrange.Muenster, [scene.SdgTopic]);
        await app.AdvisorAsync(scene, "pausiert-bonn", "Fatou", "Diallo", MatchingArrange.Bonn, [scene.FairTradeTopic, scene.SdgTopic], status: AdvisorStatus.Paused);
        await app.AdvisorAsync(scene, "stadt-koeln", "Omar", "Benali", MatchingArrange.Bonn, [scene.FairTradeTopic], employerKey: MatchingArrange.Koeln);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var response = await client.GetAsync($"/manage/requests/{request.Id}/matching", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("1. Amina Tesfaye", text);
        Assert.True(text.IndexOf("1. Amina Tesfaye", StringComparison.Ordinal) < text.IndexOf("Kwame Mensah", StringComparison.Ordinal));
        Assert.Contains("Themen: 1 von 1 (Fairer Handel) – 50 von 50 Punkten", text);
        Assert.Contains("Entfernung: 0 km (0 Punkte ab 200 km) – 20 von 20 Punkten", text);
        Assert.Contains("Sprachen: kein Sprachwunsch; spricht Deutsch (fließend)", text);
        Assert.Contains("Verfügbarkeit:", text);
        Assert.Contains("Auslastung: 0 Beratungstage in diesem Jahr", text);
        // Excluded, with the reason, never among the suggestions.
        Assert.Contains("Fatou Diallo: Status „pausiert“", text);
        Assert.Contains("Omar Benali: Interessenkonflikt", text);
        Assert.DoesNotContain("value=\"a-", ExcludedRadio(await client.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct), "Fatou"));
    }

    [Fact]
    public async Task Coordinator_sets_the_employer_by_search_and_the_matching_page_then_excludes_the_advisor_for_a_conflict()
    {
        var scene = await app.PoolAsync("match-employer");
        var omar = await app.AdvisorAsync(scene, "omar-arbeitgeber", "Omar", "Benali", MatchingArrange.Bonn, [scene.FairTradeTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        Assert.Contains("1. Omar Benali", Html.Text(await client.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct)));

        // Search, then choose Köln (the city, not its district) from the list, then save.
        var url = $"/manage/advisors/{omar.Id}/edit";
        var search = FormFields.Of(await client.GetStringAsync(url, Ct), "multipart").Set("Input.EmployerQuery", "Köln");
        var found = await client.PostAsync(url + "?handler=SearchEmployer", search.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var foundPage = await found.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"value=\"{MatchingArrange.Koeln}\"", foundPage);
        var save = await client.PostAsync(url, FormFields.Of(foundPage, "multipart").Set("Input.EmployerKey", MatchingArrange.Koeln).Multipart(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(MatchingArrange.Koeln, await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == omar.Id).Select(a => a.EmployerKey).SingleAsync()));
        Assert.Contains("advisor.employer.changed", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"advisor:{omar.Id}").Select(e => e.Action).ToListAsync()));

        var matching = await client.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct);
        Assert.Contains("Omar Benali: Interessenkonflikt", Html.Text(matching));
        Assert.Equal("", ExcludedRadio(matching, "Omar"));

        // The advisor's own editor neither shows nor changes it.
        var own = await app.SignedInBrowserAsync("omar-arbeitgeber@example.org", Roles.Advisor);
        var ownPage = await own.GetStringAsync("/me/profile", Ct);
        Assert.DoesNotContain("EmployerQuery", ownPage);
        var ownSave = await own.PostAsync("/me/profile", FormFields.Of(ownPage, "multipart").Set("Input.EmployerKey", "").Multipart(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, ownSave.StatusCode);
        Assert.Equal(MatchingArrange.Koeln, await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == omar.Id).Select(a => a.EmployerKey).SingleAsync()));
    }

    [Fact]
    public async Task Topic_change_signalled_through_the_pool_version_shows_in_the_next_ranking()
    {
        var scene = await app.PoolAsync("match-snapshot");
        var amina = await app.AdvisorAsync(scene, "amina-snapshot", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.SdgTopic]);
        var kwame = await app.AdvisorAsync(scene, "kwame-snapshot", "Kwame", "Mensah", MatchingArrange.Muenster, [scene.FairTradeTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        var url = $"/manage/requests/{request.Id}/matching";
        Assert.Contains("1. Kwame Mensah", Html.Text(await client.GetStringAsync(url, Ct)));

        // The pool's candidate snapshot is now built; the topic moves from Kwame to Amina behind its back.
        await app.WithDbAsync(async db =>
        {
            db.AdvisorTopics.Remove(await db.AdvisorTopics.SingleAsync(t => t.AdvisorId == kwame.Id && t.TopicId == scene.FairTradeTopic, Ct));
            db.AdvisorTopics.Add(new AdvisorTopic { AdvisorId = amina.Id, TopicId = scene.FairTradeTopic });
            return await db.SaveChangesAsync(Ct);
        });
        await app.ChangedAsync(DataVersions.Pool(scene.PoolId));

        var text = Html.Text(await client.GetStringAsync(url, Ct));
        Assert.Contains("1. Amina Tesfaye", text);
        Assert.True(text.IndexOf("1. Amina Tesfaye", StringComparison.Ordinal) < text.IndexOf("Kwame Mensah", StringComparison.Ordinal));
        Assert.Contains("Themen: 1 von 1 (Fairer Handel) – 50 von 50 Punkten", text);
    }

    // The radio of a person, if the page offers one (the label follows the input).
    private static string ExcludedRadio(string html, string firstName)
    {
        var at = html.IndexOf($"{firstName} ", StringComparison.Ordinal);
        var radio = html.LastIndexOf("<input", at < 0 ? 0 : at, StringComparison.Ordinal);
        return at < 0 || radio < 0 || at - radio > 300 ? "" : html[radio..at];
    }

    [Fact]
    public async Task Proposing_an_advisor_sends_the_mail_and_moves_the_request_to_matching()
    {
        var scene = await app.PoolAsync("match-propose");
        var amina = await app.AdvisorAsync(scene, "amina-propose", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var post = await client.PostFormAsync($"/manage/requests/{request.Id}/matching", [new("Choice", $"a-{amina.Id}")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var invitation = await app.WithDbAsync(db => db.EngagementInvitations.AsNoTracking().SingleAsync(i => i.RequestId == request.Id));
        Assert.Equal((amina.Id, InvitationStatus.Pending), (invitation.AdvisorId, invitation.Status));
        Assert.Contains("Themen: 1 von 1 (Fairer Handel)", invitation.MatchExplanation);
        var mail = Assert.Single(app.MailsTo("amina-propose@example.org"));
        Assert.Contains($"/me/invitations/{invitation.Id}", mail);
        Assert.Contains("Köln", mail);
        var (status, change) = await app.WithDbAsync(async db => (
            await db.ConsultationRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync(),
            await db.RequestStatusChanges.AsNoTracking().SingleAsync(c => c.RequestId == request.Id)));
        Assert.Equal(RequestStatus.Matching, status);
        Assert.Equal((RequestStatus.Intake, RequestStatus.Matching, "Koordination match-propose"), (change.From!.Value, change.To, change.ActorName));

        var page = Html.Text(await client.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct));
        Assert.Contains("Bisherige Vorschläge", page);
        Assert.Contains("Antwort steht aus", page);
        Assert.Contains("Amina Tesfaye: schon angefragt", page);
    }

    [Fact]
    public async Task Proposing_without_a_choice_or_a_stale_choice_is_refused_with_a_message()
    {
        var scene = await app.PoolAsync("match-invalid");
        await app.AdvisorAsync(scene, "amina-invalid", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var paused = await app.AdvisorAsync(scene, "paused-invalid", "Pia", "Pause", MatchingArrange.Koeln, [scene.FairTradeTopic], status: AdvisorStatus.Paused);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var empty = await client.PostFormAsync($"/manage/requests/{request.Id}/matching", []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte wählen Sie eine Berater*in oder ein Tandem aus.", Html.Text(await empty.Content.ReadAsStringAsync(Ct)));

        var forged = await client.PostFormAsync($"/manage/requests/{request.Id}/matching", [new("Choice", $"a-{paused.Id}")]);
        Assert.Contains("Diese Auswahl steht nicht mehr zur Verfügung", Html.Text(await forged.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.EngagementInvitations.AnyAsync(i => i.RequestId == request.Id)));
    }

    [Fact]
    public async Task A_tandem_is_offered_for_complementary_topics_and_proposed_as_one_group()
    {
        var scene = await app.PoolAsync("match-tandem");
        var trade = await app.AdvisorAsync(scene, "handel-tandem", "Hana", "Handel", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var sdg = await app.AdvisorAsync(scene, "agenda-tandem", "Ali", "Agenda", MatchingArrange.Bonn, [scene.SdgTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic, scene.SdgTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var html = await client.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct);
        var (first, second) = trade.Id < sdg.Id ? (trade, sdg) : (sdg, trade);
        Assert.Contains($"value=\"t-{first.Id}-{second.Id}\"", html);
        Assert.Contains("Hana Handel bringt ein: Themen: Fairer Handel", Html.Text(html));

        await client.PostFormAsync($"/manage/requests/{request.Id}/matching", [new("Choice", $"t-{first.Id}-{second.Id}")]);

        var groups = await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.RequestId == request.Id).Select(i => i.ProposalGroup).ToListAsync());
        Assert.Equal(2, groups.Count);
        Assert.Single(groups.Distinct());
        Assert.Single(app.MailsTo("handel-tandem@example.org"));
        Assert.Contains("Ali Agenda", app.MailsTo("handel-tandem@example.org")[0]);
    }

    [Fact]
    public async Task Defect16_the_coordinator_puts_a_tandem_together_herself_from_the_suggested_advisors()
    {
        var scene = await app.PoolAsync("match-own-tandem");
        var amina = await app.AdvisorAsync(scene, "amina-own-tandem", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var omar = await app.AdvisorAsync(scene, "omar-own-tandem", "Omar", "Benali", MatchingArrange.Bonn, [scene.FairTradeTopic]);
        var paused = await app.AdvisorAsync(scene, "pia-own-tandem", "Pia", "Pause", MatchingArrange.Koeln, [scene.FairTradeTopic], status: AdvisorStatus.Paused);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        var url = $"/manage/requests/{request.Id}/matching";

        // Both cover the same topic, so no tandem is suggested — yet the coordinator wants the two together.
        var page = await client.GetStringAsync(url, Ct);
        Assert.Contains("Kein Paar deckt zusammen mehr Themen", Html.Text(page));
        Assert.Contains("Eigenes Tandem", Html.Text(page));

        var same = await client.PostFormAsync(url, [new("Choice", "own"), new("OwnFirst", $"{amina.Id}"), new("OwnSecond", $"{amina.Id}")]);
        var sameText = Html.Text(await same.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte wählen Sie zwei verschiedene Personen für das Tandem.", sameText);
        var missing = await client.PostFormAsync(url, [new("Choice", "own"), new("OwnFirst", $"{amina.Id}")]);
        var missingHtml = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte wählen Sie die zweite Person des Tandems.", Html.Text(missingHtml));
        Assert.Contains($"<option value=\"{amina.Id}\" selected=\"selected\">", missingHtml);
        var excluded = await client.PostFormAsync(url, [new("Choice", "own"), new("OwnFirst", $"{amina.Id}"), new("OwnSecond", $"{paused.Id}")]);
        Assert.Contains("Bitte wählen Sie die zweite Person des Tandems.", Html.Text(await excluded.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.EngagementInvitations.AnyAsync(i => i.RequestId == request.Id)));

        var ok = await client.PostFormAsync(url, [new("Choice", "own"), new("OwnFirst", $"{amina.Id}"), new("OwnSecond", $"{omar.Id}")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var invitations = await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.RequestId == request.Id)
            .Select(i => new { i.AdvisorId, i.ProposalGroup, i.MatchExplanation }).ToListAsync());
        Assert.Equal([amina.Id, omar.Id], invitations.Select(i => i.AdvisorId).Order().ToArray());
        Assert.Single(invitations.Select(i => i.ProposalGroup).Distinct());
        Assert.Contains("Themen:", invitations[0].MatchExplanation);
        Assert.Contains("Omar Benali", app.MailsTo("amina-own-tandem@example.org").Single());
    }

    [Fact]
    public async Task Coordinator_of_another_pool_gets_404_on_the_matching_page()
    {
        var scene = await app.PoolAsync("match-own");
        var other = await app.PoolAsync("match-other");
        var amina = await app.AdvisorAsync(scene, "amina-own", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var stranger = await app.SignedInBrowserAsync(other.CoordinatorEmail, Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/manage/requests/{request.Id}/matching", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/manage/requests/999999/matching", Ct)).StatusCode);
        var token = Html.AntiforgeryToken(await stranger.GetStringAsync($"/manage/pools/{other.PoolId}/matching", Ct));
        var post = await stranger.PostAsync($"/manage/requests/{request.Id}/matching",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Choice", $"a-{amina.Id}")]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EngagementInvitations.AnyAsync(i => i.RequestId == request.Id)));

        var advisor = await app.SignedInBrowserAsync("amina-own@example.org", Roles.Advisor);
        Assert.NotEqual(HttpStatusCode.OK, (await advisor.GetAsync($"/manage/requests/{request.Id}/matching", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_request_in_progress_shows_the_ranking_but_offers_no_proposal()
    {
        var scene = await app.PoolAsync("match-closed");
        await app.AdvisorAsync(scene, "amina-closed", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic], status: RequestStatus.InProgress);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var html = await client.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct);

        Assert.Contains("Im Status „in Bearbeitung“ können keine Berater*innen mehr vorgeschlagen werden.", Html.Text(html));
        Assert.DoesNotContain("name=\"Choice\"", html);
    }

    [Fact]
    public async Task The_reasons_read_in_English_and_French_too()
    {
        var scene = await app.PoolAsync("match-lang");
        await app.AdvisorAsync(scene, "amina-lang", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic], [("fr", Beraterpool.Web.Features.Advisors.LanguageLevel.Native)]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic], ["fr"]);
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var en = Html.Text(await client.GetStringAsync($"/manage/requests/{request.Id}/matching?lang=en", Ct));
        Assert.Contains("Propose advisors", en);
        Assert.Contains("Topics: 1 of 1 (Fairer Handel) – 50 of 50 points", en);
        Assert.Contains("Languages: 1 of 1 (French native)", en);
        var fr = Html.Text(await client.GetStringAsync($"/manage/requests/{request.Id}/matching?lang=fr", Ct));
        Assert.Contains("Thèmes : 1 sur 1 (Fairer Handel) – 50 sur 50 points", fr);
    }
}
