using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Mentoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Mentoring;

/// <summary>Mentoring pairs (who sees which, status moves, the meetings log) and the advisor's contact person at the office.</summary>
public sealed class MentoringTests(MentoringTests.App app) : IClassFixture<MentoringTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(HttpClient Coordinator, string CoordinatorId, int PoolId, int AdvisorId, int OtherAdvisorId, string AdvisorEmail);

    private async Task<World> ArrangeAsync(string name)
    {
        var coordinator = await app.CreateUserAsync($"coord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, coordinator.Id);
        var advisorUser = await app.CreateUserAsync($"beraterin-{name}@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"beraterin-{name}", advisorUser.Id);
        var other = await app.CreateAdvisorAsync(pool.Id, $"kollege-{name}");
        return new World(await app.SignInAsync(coordinator.Email!), coordinator.Id, pool.Id, advisor.Id, other.Id, advisorUser.Email!);
    }

    private Task<int> PairAsync(int poolId, int advisorId, string mentorUserId, MentorshipStatus status = MentorshipStatus.Active, string goals = "Ziele") =>
        app.WithDbAsync(async db =>
        {
            var pair = new Mentorship
            {
                PoolId = poolId, AdvisorId = advisorId, MentorUserId = mentorUserId, Goals = goals, Status = status,
                StartDate = new DateOnly(2026, 1, 15), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Mentorships.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("/account/access-denied"));

    private Task<string> AdvisorNameAsync(int id) => app.WithDbAsync(db => db.Advisors.Where(a => a.Id == id).Select(a => a.FirstName + " " + a.LastName).SingleAsync());

    [Theory]
    [InlineData(MentorshipStatus.Proposed, MentorshipStatus.Active, true)]
    [InlineData(MentorshipStatus.Proposed, MentorshipStatus.EndedEarly, true)]
    [InlineData(MentorshipStatus.Proposed, MentorshipStatus.Completed, false)]
    [InlineData(MentorshipStatus.Active, MentorshipStatus.Completed, true)]
    [InlineData(MentorshipStatus.Active, MentorshipStatus.EndedEarly, true)]
    [InlineData(MentorshipStatus.Active, MentorshipStatus.Proposed, false)]
    [InlineData(MentorshipStatus.Completed, MentorshipStatus.Active, false)]
    [InlineData(MentorshipStatus.EndedEarly, MentorshipStatus.Active, false)]
    public void Workflow_allows_only_the_moves_of_its_table(MentorshipStatus from, MentorshipStatus to, bool allowed) =>
        Assert.Equal(allowed, MentorshipWorkflow.CanMove(from, to));

    [Fact]
    public async Task A_mentor_sees_only_their_own_mentees()
    {
        var world = await ArrangeAsync("mt-eigen");
        var mentor = await app.CreateUserAsync("mentorin-eigen@example.org", Roles.Mentor);
        var otherMentor = await app.CreateUserAsync("mentor-fremd@example.org", Roles.Mentor);
        var mine = await PairAsync(world.PoolId, world.AdvisorId, mentor.Id, goals: "Erstgespräche üben");
        var theirs = await PairAsync(world.PoolId, world.OtherAdvisorId, otherMentor.Id, goals: "Geheime Ziele des anderen Paars");
        var client = await app.SignInAsync(mentor.Email!);

        var overview = Html.Text(await client.GetStringAsync("/mentoring", Ct));
        Assert.Contains(await AdvisorNameAsync(world.AdvisorId), overview);
        Assert.DoesNotContain(await AdvisorNameAsync(world.OtherAdvisorId), overview);
        Assert.Contains("Erstgespräche üben", Html.Text(await client.GetStringAsync($"/mentoring/{mine}", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/mentoring/{theirs}", Ct)).StatusCode);
        // Nor can the mentor write into the other pair.
        var post = await client.PostFormAsync($"/mentoring/{theirs}?handler=Meeting",
            [new("Meeting.Date", "2026-02-01"), new("Meeting.Topics", "Eingeschmuggelt")], $"/mentoring/{mine}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MentoringMeetings.CountAsync(m => m.MentorshipId == theirs)));
        // The office's list is not theirs.
        Assert.True(Refused(await client.GetAsync("/manage/mentoring", Ct)));
    }

    [Fact]
    public async Task The_coordinator_sees_every_pair_of_the_pool_and_none_of_another_pool()
    {
        var world = await ArrangeAsync("mt-alle");
        var elsewhere = await ArrangeAsync("mt-anderer-pool");
        var mentor = await app.CreateUserAsync("mentor-alle@example.org", Roles.Mentor);
        var first = await PairAsync(world.PoolId, world.AdvisorId, mentor.Id);
        var second = await PairAsync(world.PoolId, world.OtherAdvisorId, mentor.Id, MentorshipStatus.Proposed);
        var foreign = await PairAsync(elsewhere.PoolId, elsewhere.AdvisorId, mentor.Id, goals: "Ziele im anderen Pool");

        var list = Html.Text(await world.Coordinator.GetStringAsync("/manage/mentoring", Ct));
        Assert.Contains(await AdvisorNameAsync(world.AdvisorId), list);
        Assert.Contains(await AdvisorNameAsync(world.OtherAdvisorId), list);
        Assert.DoesNotContain(await AdvisorNameAsync(elsewhere.AdvisorId), list);
        Assert.Equal(HttpStatusCode.OK, (await world.Coordinator.GetAsync($"/mentoring/{first}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Coordinator.GetAsync($"/mentoring/{second}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Coordinator.GetAsync($"/mentoring/{foreign}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Coordinator.GetAsync($"/manage/mentoring/new?pool={elsewhere.PoolId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_office_pairs_an_advisor_with_a_new_mentor_who_is_invited_with_the_mentor_role()
    {
        var world = await ArrangeAsync("mt-neu");
        var url = $"/manage/mentoring/new?pool={world.PoolId}";
        var form = FormFields.Of(await world.Coordinator.GetStringAsync(url, Ct), "novalidate")
            .Set("Input.AdvisorId", world.AdvisorId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("Input.MentorEmail", "neue.mentorin@example.org").Set("Input.MentorName", "Dr. Helga Brandt")
            .Set("Input.Goals", "").Set("Input.EndDate", "2020-01-01");
        var failed = await world.Coordinator.PostFormAsync(url, form, url);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var page = await failed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte beschreiben Sie die Ziele des Mentorings.", Html.Text(page));
        Assert.Contains("Das Ende darf nicht vor dem Beginn liegen.", Html.Text(page));
        Assert.Contains("neue.mentorin@example.org", page);

        var response = await world.Coordinator.PostFormAsync(url, form.Set("Input.Goals", "Den ersten Einsatz vorbereiten").Set("Input.EndDate", ""), url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pair = await app.WithDbAsync(db => db.Mentorships.SingleAsync(m => m.PoolId == world.PoolId));
        Assert.Equal((MentorshipStatus.Proposed, world.AdvisorId, "Den ersten Einsatz vorbereiten"), (pair.Status, pair.AdvisorId, pair.Goals));
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var mentor = await users.FindByEmailAsync("neue.mentorin@example.org");
        Assert.NotNull(mentor);
        Assert.Equal(mentor.Id, pair.MentorUserId);
        Assert.True(await users.IsInRoleAsync(mentor, Roles.Mentor));
        Assert.Contains("neue.mentorin@example.org", app.LatestMail());
    }

    [Fact]
    public async Task Status_moves_follow_the_workflow_and_a_finished_pair_takes_no_more_meetings()
    {
        var world = await ArrangeAsync("mt-status");
        var mentor = await app.CreateUserAsync("mentor-status@example.org", Roles.Mentor);
        var id = await PairAsync(world.PoolId, world.AdvisorId, mentor.Id, MentorshipStatus.Proposed);
        var client = await app.SignInAsync(mentor.Email!);
        var page = $"/mentoring/{id}";
        Task<Mentorship> PairNow() => app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == id));

        Assert.Equal(HttpStatusCode.Redirect, (await world.Coordinator.PostFormAsync($"{page}?handler=Move", [new("to", "Active")], page)).StatusCode);
        Assert.Equal(MentorshipStatus.Active, (await PairNow()).Status);
        // Not in the table: proposed again.
        await world.Coordinator.PostFormAsync($"{page}?handler=Move", [new("to", "Proposed")], page);
        Assert.Equal(MentorshipStatus.Active, (await PairNow()).Status);

        var meeting = await client.PostFormAsync($"{page}?handler=Meeting",
            [new("Meeting.Date", "2026-02-11"), new("Meeting.Topics", "Vorbereitung des Erstgesprächs"), new("Meeting.NextSteps", "Leitfaden lesen")], page);
        Assert.True(meeting.StatusCode == HttpStatusCode.Redirect, Html.Text(await meeting.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("Vorbereitung des Erstgesprächs", Html.Text(await client.GetStringAsync(page, Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{page}?handler=Move", [new("to", "Completed")], page)).StatusCode);
        var done = await PairNow();
        Assert.Equal(MentorshipStatus.Completed, done.Status);
        Assert.NotNull(done.EndDate);
        var late = await world.Coordinator.PostFormAsync($"{page}?handler=Meeting", [new("Meeting.Date", "2026-02-12"), new("Meeting.Topics", "Noch eins")], page);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Dieses Mentoring ist beendet", Html.Text(await late.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.MentoringMeetings.CountAsync(m => m.MentorshipId == id)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"mentorship:{id}" && e.Action.StartsWith("mentorship.status."))));
    }

    [Fact]
    public async Task The_contact_person_set_by_the_office_is_on_the_advisors_overview_with_email_and_phone()
    {
        var world = await ArrangeAsync("mt-kontakt");
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == world.CoordinatorId)).DisplayName = "Henrike Adomako";
            return await db.SaveChangesAsync();
        });
        var edit = $"/manage/advisors/{world.AdvisorId}/edit";
        var editPage = await world.Coordinator.GetStringAsync(edit, Ct);
        Assert.Contains("Persönliche Ansprechperson", Html.Text(editPage));
        var action = $"/manage/advisors/{world.AdvisorId}/contact-person";

        var bad = await world.Coordinator.PostFormAsync(action, [new("ContactUserId", world.CoordinatorId), new("ContactPhone", "keine Nummer")], edit);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte geben Sie die Telefonnummer mit Ziffern an", Html.Text(badPage));
        Assert.Contains("keine Nummer", badPage);
        var stranger = await app.CreateUserAsync("fremd-kontakt@example.org", Roles.Coordinator);
        var notOfPool = await world.Coordinator.PostFormAsync(action, [new("ContactUserId", stranger.Id)], edit);
        Assert.Contains("Bitte wählen Sie eine Person der Koordinierungsstelle dieses Pools.", Html.Text(await notOfPool.Content.ReadAsStringAsync(Ct)));

        var saved = await world.Coordinator.PostFormAsync(action, [new("ContactUserId", world.CoordinatorId), new("ContactPhone", "0228 4460-1720")], edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var advisor = await app.SignInAsync(world.AdvisorEmail);
        var overview = Html.Text(await advisor.GetStringAsync("/me", Ct));
        Assert.Contains("Meine Ansprechperson in der Koordinierungsstelle", overview);
        Assert.Contains("Henrike Adomako", overview);
        Assert.Contains("coord-mt-kontakt@example.org", overview);
        Assert.Contains("0228 4460-1720", overview);

        // Another pool's coordinator cannot set it.
        var elsewhere = await ArrangeAsync("mt-kontakt-b");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Coordinator.GetAsync(action, Ct)).StatusCode);
        var foreign = await elsewhere.Coordinator.PostFormAsync(action, [new("ContactUserId", elsewhere.CoordinatorId)], $"/manage/advisors/{elsewhere.AdvisorId}/edit");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_advisor_sees_their_own_mentoring_with_its_meetings_on_the_overview()
    {
        var world = await ArrangeAsync("mt-uebersicht");
        var mentor = await app.CreateUserAsync("mentor-uebersicht@example.org", Roles.Mentor);
        var id = await PairAsync(world.PoolId, world.AdvisorId, mentor.Id, goals: "Profil schärfen");
        await PairAsync(world.PoolId, world.OtherAdvisorId, mentor.Id, goals: "Ziele des Kollegen");
        await app.WithDbAsync(db =>
        {
            db.MentoringMeetings.Add(new MentoringMeeting { MentorshipId = id, Date = new DateOnly(2026, 2, 4), Topics = "Profiltext besprechen", NextSteps = "Text überarbeiten", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var advisor = await app.SignInAsync(world.AdvisorEmail);
        var overview = Html.Text(await advisor.GetStringAsync("/me", Ct));
        Assert.Contains("Mein Mentoring", overview);
        Assert.Contains("Profil schärfen", overview);
        Assert.Contains("Profiltext besprechen", overview);
        Assert.Contains("mentor-uebersicht@example.org", overview);
        Assert.DoesNotContain("Ziele des Kollegen", overview);
        // The pair's own page is the mentor's and the office's.
        Assert.True(Refused(await advisor.GetAsync($"/mentoring/{id}", Ct)));
    }
}
