using System.Net;
using Beraterpool.Tests.Events;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Calls;

/// <summary>
/// The committee's review and the decisions: blind review hides the protected fields, a conflict of interest closes an
/// application to its reviewer, scores are weighted and others' scores appear after one's own, and decisions are sent
/// together, acceptance creating the advisor in qualification.
/// </summary>
public sealed class CallReviewTests(CallReviewTests.App app) : IClassFixture<CallReviewTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(HttpClient Coordinator, int PoolId, int CallId, int First, int Second, int[] CriteriaIds);

    /// <summary>A pool with a call whose deadline passed, two applications, criteria weighted 2 (scale 5) and 1 (scale 10), an optional third.</summary>
    private async Task<World> ArrangeAsync(string name, bool blind = true, bool closed = true)
    {
        var coordinator = await app.CreateUserAsync($"koord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, coordinator.Id);
        var now = DateTimeOffset.UtcNow;
        var ids = await app.WithDbAsync(async db =>
        {
            var call = new Call
            {
                PoolId = pool.Id, Title = $"Ausschreibung {name}", OpensAt = now.AddDays(-30), ClosesAt = closed ? now.AddDays(-1) : now.AddDays(5),
                BlindReview = blind, CreatedAt = now, UpdatedAt = now,
                Criteria =
                [
                    new() { Position = 1, Name = "Motivation", Weight = 2, ScaleMax = 5 },
                    new() { Position = 2, Name = "Erfahrung", Weight = 1, ScaleMax = 10 },
                    new() { Position = 3, Name = "Extras", Weight = 1, ScaleMax = 5, IsRequired = false },
                ],
            };
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            Application Make(string first, string last, int year, Gender gender, string countries) => new()
            {
                CallId = call.Id, PoolId = pool.Id, FirstName = first, LastName = last, Email = $"{first.ToLowerInvariant()}.{name}@bewerbung.example",
                Phone = "0211 987654", Gender = gender, BirthYear = year, CountryCodes = countries, CountriesConsentAt = now, Languages = "de,tr",
                Motivation = $"Motivation von {first}: Kommunen beraten.", TokenHash = ApplicationDesk.Hash($"{first}-{name}"), Culture = "de",
                SubmittedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-3),
            };
            var first = Make("Zeynep", "Kaya", 1980, Gender.Female, "TR");
            var second = Make("Jonas", "Mbeki", 1991, Gender.Male, "ZA");
            db.Applications.AddRange(first, second);
            await db.SaveChangesAsync();
            db.ApplicationFiles.Add(new ApplicationFile { ApplicationId = first.Id, FileName = "lebenslauf-kaya.pdf", ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray(), UploadedAt = now });
            await db.SaveChangesAsync();
            return (call.Id, first.Id, second.Id, call.Criteria.OrderBy(c => c.Position).Select(c => c.Id).ToArray());
        });
        return new World(await app.SignInAsync(coordinator.Email!), pool.Id, ids.Item1, ids.Item2, ids.Item3, ids.Item4);
    }

    private async Task<HttpClient> ReviewerAsync(string email, int callId)
    {
        var user = await app.CreateUserAsync(email, Roles.Reviewer);
        await app.WithDbAsync(async db =>
        {
            db.CommitteeMembers.Add(new CommitteeMember { CallId = callId, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return await app.SignInAsync(email);
    }

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient reviewer, int applicationId, string handler, params (int Criterion, int Score)[] scores) =>
        reviewer.PostFormAsync($"/review/application/{applicationId}?handler={handler}",
            scores.Select(s => new KeyValuePair<string, string>($"Scores[{s.Criterion}]", s.Score.ToString())).Append(new("Comment", "Kommentar der Kommission")),
            $"/review/application/{applicationId}");

    [Fact]
    public async Task A_blind_review_page_holds_none_of_the_hidden_fields_and_an_open_one_names_the_person()
    {
        var world = await ArrangeAsync("blind");
        var reviewer = await ReviewerAsync("gutachterin-blind@example.org", world.CallId);

        var list = Html.Text(await reviewer.GetStringAsync("/review", Ct));
        Assert.Contains($"Bewerbung Nr. {world.First}", list);
        Assert.DoesNotContain("Kaya", list);

        var html = await reviewer.GetStringAsync($"/review/application/{world.First}", Ct);
        var page = Html.Text(html);
        Assert.Contains("Motivation von Zeynep", page);
        foreach (var hidden in new[] { "Kaya", "zeynep.blind@bewerbung.example", "0211 987654", "1980", "weiblich", "Türkei", "lebenslauf-kaya.pdf", "<dt>Geburtsjahr</dt>", "<dt>Geschlecht</dt>", "<dt>Herkunftsländer</dt>", "<dt>Name</dt>" })
            Assert.DoesNotContain(hidden, html);

        var open = await ArrangeAsync("offen-begutachtet", blind: false);
        var colleague = await ReviewerAsync("gutachter-offen@example.org", open.CallId);
        var named = Html.Text(await colleague.GetStringAsync($"/review/application/{open.First}", Ct));
        Assert.Contains("Zeynep Kaya", named);
        Assert.Contains("1980", named);
        Assert.Contains("lebenslauf-kaya.pdf", named);
    }

    [Fact]
    public async Task A_reviewer_who_declares_a_conflict_can_no_longer_open_that_application()
    {
        var world = await ArrangeAsync("konflikt");
        var reviewer = await ReviewerAsync("befangen@example.org", world.CallId);

        var unconfirmed = await reviewer.PostFormAsync($"/review/application/{world.First}?handler=Conflict", [], $"/review/application/{world.First}");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Bitte bestätigen Sie, dass Sie befangen sind.", Html.Text(await unconfirmed.Content.ReadAsStringAsync(Ct)));

        var declared = await reviewer.PostFormAsync($"/review/application/{world.First}?handler=Conflict", [new("ConfirmConflict", "true")], $"/review/application/{world.First}");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/application/{world.First}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScoreAsync(reviewer, world.First, "Submit", (world.CriteriaIds[0], 5))).StatusCode);
        var list = Html.Text(await reviewer.GetStringAsync("/review", Ct));
        Assert.DoesNotContain($"Bewerbung Nr. {world.First} ", list + " ");
        Assert.Contains($"Bewerbung Nr. {world.Second}", list);
        // The office sees the declaration.
        Assert.Contains("Interessenkonflikt", Html.Text(await world.Coordinator.GetStringAsync($"/manage/calls/application/{world.First}", Ct)));
    }

    [Fact]
    public async Task Scores_count_with_their_weights_and_others_appear_only_after_submitting_ones_own()
    {
        var world = await ArrangeAsync("punkte");
        var (a, b, extra) = (world.CriteriaIds[0], world.CriteriaIds[1], world.CriteriaIds[2]);
        var first = await ReviewerAsync("gutachterin-eins@example.org", world.CallId);
        var second = await ReviewerAsync("gutachter-zwei@example.org", world.CallId);

        // A required criterion left out: nothing is submitted, the chosen score stays.
        var incomplete = await ScoreAsync(first, world.First, "Submit", (a, 5));
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var incompleteHtml = await incomplete.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte bewerten Sie „Erfahrung“.", Html.Text(incompleteHtml));
        Assert.Matches($"name=\"Scores\\[{a}\\]\" value=\"5\"[^>]*checked", incompleteHtml);
        // Out of the scale.
        Assert.Contains("Bitte wählen Sie einen Wert von 1 bis 5.", Html.Text(await (await ScoreAsync(first, world.First, "Submit", (a, 6), (b, 3))).Content.ReadAsStringAsync(Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(first, world.First, "Submit", (a, 5), (b, 10))).StatusCode);   // 100 %
        var before = await second.GetStringAsync($"/review/application/{world.First}", Ct);
        Assert.Contains("data-testid=\"others-hidden\"", before);
        Assert.DoesNotContain("gutachterin-eins@example.org", before);
        // 2·3/5 + 1·5/10 over 3 = 56.7 %; the optional criterion is left out.
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(second, world.First, "Submit", (a, 3), (b, 5))).StatusCode);
        var after = Html.Text(await second.GetStringAsync($"/review/application/{world.First}", Ct));
        Assert.Contains("gutachterin-eins@example.org", after);
        Assert.Contains("100 %", after);
        Assert.Contains("57 %", after);

        // A submitted review is final.
        await ScoreAsync(second, world.First, "Submit", (a, 5), (b, 10));
        Assert.Equal(3, await app.WithDbAsync(db => db.ReviewScores.Where(s => s.CriterionId == a).Select(s => s.Score).SumAsync()) - 5);
        Assert.False(await app.WithDbAsync(db => db.ReviewScores.AnyAsync(s => s.CriterionId == extra)));

        // The overview: mean 78 % (100 and 56.7), spread ± 22, 2 of 2 reviews; the unreviewed application after it.
        var overview = await world.Coordinator.GetStringAsync($"/manage/calls/{world.CallId}/review", Ct);
        var row = System.Text.RegularExpressions.Regex.Match(overview, $"data-application=\"{world.First}\".*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("78 %", Html.Text(row));
        Assert.Contains("± 22", Html.Text(row));
        Assert.Contains("2 von 2", Html.Text(row));
        Assert.True(overview.IndexOf($"data-application=\"{world.First}\"", StringComparison.Ordinal) < overview.IndexOf($"data-application=\"{world.Second}\"", StringComparison.Ordinal));
        var filtered = await world.Coordinator.GetStringAsync($"/manage/calls/{world.CallId}/review?MinReviews=1", Ct);
        Assert.DoesNotContain($"data-application=\"{world.Second}\"", filtered);
    }

    [Fact]
    public async Task Reviewers_see_nothing_before_the_deadline_outside_their_committee_or_their_assignment_and_other_pools_see_nothing()
    {
        var running = await ArrangeAsync("laufend", closed: false);
        var early = await ReviewerAsync("zu-frueh@example.org", running.CallId);
        Assert.Equal(HttpStatusCode.NotFound, (await early.GetAsync($"/review/application/{running.First}", Ct)).StatusCode);
        Assert.Contains("Ausschreibung laufend: Bewerbungsschluss", Html.Text(await early.GetStringAsync("/review", Ct)));

        var world = await ArrangeAsync("zuweisung");
        var member = await ReviewerAsync("mitglied@example.org", world.CallId);
        var assigned = await ReviewerAsync("zugewiesen@example.org", world.CallId);
        var outsider = await app.SignedInAsync("aussen@example.org", Roles.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/review/application/{world.First}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/review/application/{world.First}", Ct)).StatusCode);

        var assignedId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "zugewiesen@example.org").Select(u => u.Id).SingleAsync());
        var response = await world.Coordinator.PostFormAsync($"/manage/calls/application/{world.First}?handler=Assign", [new("AssignedUserIds", assignedId)],
            $"/manage/calls/application/{world.First}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/review/application/{world.First}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assigned.GetAsync($"/review/application/{world.First}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/review/application/{world.Second}", Ct)).StatusCode);

        var stranger = await app.SignedInAsync("koord-fremd-review@example.org", Roles.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/manage/calls/{world.CallId}/review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/manage/calls/application/{world.First}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/manage/calls/{world.CallId}/decisions", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_committee_member_is_named_by_email_given_the_reviewer_role_and_told_by_mail()
    {
        var world = await ArrangeAsync("kommission");
        var response = await world.Coordinator.PostFormAsync($"/manage/calls/{world.CallId}/review?handler=AddMember",
            [new("NewMember.Email", "neu-in-kommission@example.org"), new("NewMember.Name", "Dr. Petra Schulz")], $"/manage/calls/{world.CallId}/review");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "neu-in-kommission@example.org"));
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Reviewer))));
        Assert.True(await app.WithDbAsync(db => db.CommitteeMembers.AnyAsync(m => m.CallId == world.CallId && m.UserId == user.Id)));
        var mails = app.MessagesTo("neu-in-kommission@example.org");
        Assert.Contains(mails, m => (m.Subject ?? "").StartsWith("Auswahlkommission: Ausschreibung kommission", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("/review"));

        // An applicant of the call cannot sit on its committee.
        var applicant = await world.Coordinator.PostFormAsync($"/manage/calls/{world.CallId}/review?handler=AddMember",
            [new("NewMember.Email", "zeynep.kommission@bewerbung.example")], $"/manage/calls/{world.CallId}/review");
        Assert.Contains("kann sie nicht begutachten", Html.Text(await applicant.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Decisions_are_read_then_sent_together_and_an_acceptance_creates_the_advisor_in_qualification()
    {
        var world = await ArrangeAsync("entscheidung");
        foreach (var (id, decision) in new[] { (world.First, ApplicationStatus.Accepted), (world.Second, ApplicationStatus.Declined) })
        {
            var drafted = await world.Coordinator.PostFormAsync($"/manage/calls/application/{id}?handler=Decide", [new("Decision", decision.ToString())],
                $"/manage/calls/application/{id}");
            Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        }
        // Drafts tell no one.
        Assert.Empty(app.MessagesTo("zeynep.entscheidung@bewerbung.example"));
        var preview = Html.Text(await world.Coordinator.GetStringAsync($"/manage/calls/{world.CallId}/decisions", Ct));
        Assert.Contains("Zeynep Kaya · Annahme", preview);
        Assert.Contains("Willkommen im Pool", preview);
        Assert.Contains("Jonas Mbeki · Absage", preview);
        Assert.Contains("6 Monate nach dieser Entscheidung", preview);

        var sent = await world.Coordinator.PostFormAsync($"/manage/calls/{world.CallId}/decisions", [new("Ids", world.First.ToString()), new("Ids", world.Second.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var accepted = app.MessagesTo("zeynep.entscheidung@bewerbung.example");
        Assert.Contains(accepted, m => m.Subject == "Ihre Bewerbung: Ausschreibung entscheidung" && (m.TextBody ?? "").Contains("Willkommen im Pool"));
        Assert.Contains(accepted, m => (m.TextBody ?? "").Contains("/account/invitation"));
        var declined = Assert.Single(app.MessagesTo("jonas.entscheidung@bewerbung.example"));
        Assert.Contains("6 Monate nach dieser Entscheidung", declined.TextBody);

        var advisor = await app.WithDbAsync(db => db.Advisors.Include(a => a.Countries).Include(a => a.Languages)
            .SingleAsync(a => a.Email == "zeynep.entscheidung@bewerbung.example"));
        Assert.Equal((AdvisorStatus.InQualification, world.PoolId, "Zeynep", "Kaya", 1980, Gender.Female), (advisor.Status, advisor.PoolId, advisor.FirstName, advisor.LastName, advisor.BirthYear, advisor.Gender));
        Assert.Equal(["TR"], advisor.Countries.Select(c => c.CountryCode));
        Assert.Equal(["de", "tr"], advisor.Languages.Select(l => l.LanguageCode).Order());
        Assert.False(await app.WithDbAsync(db => db.Advisors.AnyAsync(a => a.Email == "jonas.entscheidung@bewerbung.example")));
        Assert.Equal(advisor.Id, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == world.First).Select(a => a.AdvisorId).SingleAsync()));

        // Told decisions are final and not sent twice.
        var again = await world.Coordinator.PostFormAsync($"/manage/calls/{world.CallId}/decisions", [new("Ids", world.First.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(app.MessagesTo("jonas.entscheidung@bewerbung.example"));
        var changed = await world.Coordinator.PostFormAsync($"/manage/calls/application/{world.Second}?handler=Decide", [new("Decision", nameof(ApplicationStatus.Accepted))],
            $"/manage/calls/application/{world.Second}");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(ApplicationStatus.Declined, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == world.Second).Select(a => a.Status).SingleAsync()));
        Assert.Contains("zugestellt", Html.Text(await world.Coordinator.GetStringAsync($"/manage/calls/{world.CallId}/decisions", Ct)));
    }
}
