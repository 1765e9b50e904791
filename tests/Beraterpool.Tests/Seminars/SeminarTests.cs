using System.Net;
using System.Text;
using Beraterpool.Tests.Events;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Seminars;
using Beraterpool.Web.Features.Shared;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Beraterpool.Tests.Seminars;

/// <summary>Attendance, the certificate rule and its public check, late joiners, pool scoping, invitations with .ics and the RSVP link.</summary>
public sealed partial class SeminarTests(SeminarTests.App app) : IClassFixture<SeminarTests.App>
{
    public sealed class App : TestApp
    {
        /// <summary>1 October 2026, 10:00 in Berlin.</summary>
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        public int Pool { get; private set; }
        public int OtherPool { get; private set; }

        public App() : base(importGazetteer: false) => WithTime(Time);

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-seminare@example.org", Roles.Coordinator);
            var other = await this.CreateUserAsync("koord-anderer-pool@example.org", Roles.Coordinator);
            Pool = (await this.CreatePoolAsync("seminare", coordinator.Id)).Id;
            OtherPool = (await this.CreatePoolAsync("seminare-anderer", other.Id)).Id;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int month, int day, int hour = 10) => ProgrammeTime.FromLocal(new DateOnly(2026, month, day), new TimeOnly(hour, 0))!.Value;

    /// <summary>A series of the test pool with one seminar per given month (the 15th, 10–17 h) and the given advisors from the start.</summary>
    private Task<(SeminarSeries Series, List<Seminar> Seminars, List<SeminarParticipant> People)> SeriesAsync(string title, int[] months, params Advisor[] advisors) =>
        app.WithDbAsync(async db =>
        {
            var series = new SeminarSeries { PoolId = app.Pool, Title = title, RequiredSeminars = 5, CreatedAt = At(1, 1), UpdatedAt = At(1, 1) };
            var i = 0;
            foreach (var m in months)
                series.Seminars.Add(new Seminar
                {
                    Title = $"Modul {++i}", StartsAt = At(m, 15), EndsAt = At(m, 15, 17), Place = "Bildungshaus, Markt 1, 12345 Musterstadt",
                    Topics = $"Thema {i}a\nThema {i}b", CreatedAt = At(1, 1), UpdatedAt = At(1, 1),
                });
            foreach (var a in advisors) series.Participants.Add(new SeminarParticipant { AdvisorId = a.Id, JoinedAt = DateTimeOffset.UnixEpoch });
            db.SeminarSeries.Add(series);
            await db.SaveChangesAsync();
            return (series, series.Seminars.OrderBy(s => s.StartsAt).ToList(), series.Participants.ToList());
        });

    private async Task<Advisor> AdvisorAsync(string slug, string first, string last, string? userId = null)
    {
        var advisor = await app.CreateAdvisorAsync(app.Pool, slug, userId);
        await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.FirstName, first).SetProperty(a => a.LastName, last).SetProperty(a => a.Status, AdvisorStatus.InQualification)));
        advisor.FirstName = first;
        advisor.LastName = last;
        return advisor;
    }

    /// <summary>The office's list form for one seminar: one radio value per participant.</summary>
    private static Task<string> RecordAsync(HttpClient office, int seminarId, params (int Participant, string Status)[] statuses) =>
        PostAndReadAsync(office, $"/manage/seminars/attendance/{seminarId}", statuses.Select(s => new KeyValuePair<string, string>($"Statuses[{s.Participant}]", s.Status)));

    /// <summary>Posts a form and reads the page it leads to (signed-in clients do not follow redirects themselves).</summary>
    private static async Task<string> PostAndReadAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var answer = await client.PostFormAsync(url, fields, formPageUrl);
        if (answer.Headers.Location is { } location) answer = await client.GetAsync(location, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return Html.Text(await answer.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task Five_of_six_gives_a_certificate_that_verifies_publicly_and_four_of_six_only_a_confirmation()
    {
        var five = await AdvisorAsync("fuenf", "Amina", "Diallo");
        var four = await AdvisorAsync("vier", "Kwame", "Mensah");
        var (series, seminars, people) = await SeriesAsync("Qualifizierung Test 2026", [3, 4, 5, 6, 7, 8], five, four);
        var pFive = people.Single(p => p.AdvisorId == five.Id).Id;
        var pFour = people.Single(p => p.AdvisorId == four.Id).Id;
        var office = await app.SignInAsync("koord-seminare@example.org");

        // The list form shows each person with the five statuses as radio buttons.
        var form = await office.GetStringAsync($"/manage/seminars/attendance/{seminars[0].Id}", Ct);
        Assert.Contains($"name=\"Statuses[{pFive}]\" value=\"Late\"", form);
        Assert.Contains("früher gegangen", Html.Text(form));
        for (var i = 0; i < 6; i++)
        {
            var answer = await RecordAsync(office, seminars[i].Id, (pFive, i == 2 ? "Absent" : i == 4 ? "Late" : "Present"), (pFour, i < 4 ? "Present" : "Excused"));
            Assert.Contains("Anwesenheit gespeichert", answer);
        }
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "seminar.attendance.recorded" && a.Subject == $"seminar:{seminars[0].Id}")));

        var page = await PostAndReadAsync(office, $"/manage/seminars/{series.Id}?handler=Certificates", [], $"/manage/seminars/{series.Id}");
        Assert.Contains("1 neu ausgestellt, 0 waren schon ausgestellt, 1 Teilnehmende erfüllen die Regel nicht", page);
        var certificates = await app.WithDbAsync(db => db.SeminarCertificates.Where(c => c.SeriesId == series.Id).ToListAsync());
        var certificate = Assert.Single(certificates);
        Assert.Equal(pFive, certificate.ParticipantId);
        Assert.Equal(5, certificate.AttendedSeminars);

        var text = await PdfTextAsync(office, $"/manage/seminars/{series.Id}?handler=Pdf&participant={pFive}");
        Assert.Contains("Zertifikat", text);
        Assert.Contains("Amina Diallo", text);
        Assert.Contains("Qualifizierung Test 2026", text);
        Assert.Contains("Thema 1a", text);
        Assert.Contains(SeminarProgram.FormatCode(certificate.Code), text);

        var verify = await app.CreateClient().GetAsync($"/certificates/verify/{SeminarProgram.FormatCode(certificate.Code)}", Ct);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var verified = Html.Text(await verify.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Das Zertifikat ist echt.", verified);
        Assert.Contains("Amina Diallo", verified);
        Assert.Contains("Qualifizierung Test 2026", verified);
        // Typed in lower case and without dashes it is the same code.
        Assert.Contains("Amina Diallo", Html.Text(await app.CreateClient().GetStringAsync($"/certificates/verify?code={certificate.Code.ToLowerInvariant()}", Ct)));

        var confirmation = await PdfTextAsync(office, $"/manage/seminars/{series.Id}?handler=Pdf&participant={pFour}");
        Assert.Contains("Teilnahmebestätigung", confirmation);
        Assert.Contains("Kwame Mensah", confirmation);
        Assert.Contains("4 von 6", confirmation);
        Assert.DoesNotContain("Prüfcode", confirmation);

        var unknown = await app.CreateClient().GetAsync("/certificates/verify/AAAA-BBBB-CCCC-DDDD-EEEE", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Zertifikat nicht gefunden", Html.Text(await unknown.Content.ReadAsStringAsync(Ct)));
        var garbage = await app.CreateClient().GetAsync("/certificates/verify/%3Cscript%3E", Ct);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task A_participant_added_later_is_not_counted_absent_for_the_seminars_before()
    {
        var early = await AdvisorAsync("frueh", "Fatou", "Ndiaye");
        var late = await AdvisorAsync("spaet", "Rahul", "Sharma");
        var (series, seminars, people) = await SeriesAsync("Reihe mit Nachzügler", [5, 7, 9, 11, 12], early);
        var office = await app.SignInAsync("koord-seminare@example.org");
        var added = await PostAndReadAsync(office, $"/manage/seminars/{series.Id}?handler=Add", [new("AdvisorId", late.Id.ToString())], $"/manage/seminars/{series.Id}");
        Assert.Contains("frühere Seminare zählen für sie nicht als versäumt", added);
        var lateId = await app.WithDbAsync(db => db.SeminarParticipants.Where(p => p.SeriesId == series.Id && p.AdvisorId == late.Id).Select(p => p.Id).SingleAsync());

        // The past seminar's list does not name the late joiner, and a status posted for them there is not taken.
        var past = Html.Text(await office.GetStringAsync($"/manage/seminars/attendance/{seminars[0].Id}", Ct));
        Assert.Contains("Fatou Ndiaye", past);
        Assert.DoesNotContain("Rahul Sharma", past);
        Assert.Contains("1 Teilnehmende sind erst nach diesem Seminar dazugekommen", past);
        await RecordAsync(office, seminars[0].Id, (people[0].Id, "Present"), (lateId, "Absent"));
        Assert.False(await app.WithDbAsync(db => db.SeminarAttendances.AnyAsync(a => a.ParticipantId == lateId)));

        await using var scope = app.Scope();
        var view = (await scope.ServiceProvider.GetRequiredService<SeminarProgram>().ViewAsync(series.Id, Ct))!;
        var progress = view.Participants.Single(p => p.Participant.Id == lateId);
        // Joined on 1 October: May, July and September are not theirs, November and December are.
        Assert.Equal(2, progress.Expected);
        Assert.Equal(0, progress.Missed);
        Assert.All(progress.Cells.Take(3), c => Assert.False(c.Expected));
        // The coming seminar lists them.
        Assert.Contains("Rahul Sharma", Html.Text(await office.GetStringAsync($"/manage/seminars/attendance/{seminars[3].Id}", Ct)));
    }

    [Fact]
    public async Task Another_pools_coordinator_gets_404_on_every_page_of_the_series()
    {
        var a = await AdvisorAsync("fremd", "Ines", "Kabore");
        var (series, seminars, people) = await SeriesAsync("Reihe des Pools", [3], a);
        var other = await app.SignInAsync("koord-anderer-pool@example.org");
        foreach (var url in new[]
                 {
                     $"/manage/seminars/{series.Id}", $"/manage/seminars/edit/{series.Id}", $"/manage/seminars/{series.Id}/seminar",
                     $"/manage/seminars/{series.Id}/seminar/{seminars[0].Id}", $"/manage/seminars/attendance/{seminars[0].Id}",
                     $"/manage/seminars/{series.Id}?handler=Pdf&participant={people[0].Id}", $"/me/seminars/{seminars[0].Id}",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
        var posted = await other.PostFormAsync($"/manage/seminars/attendance/{seminars[0].Id}", [new($"Statuses[{people[0].Id}]", "Present")], "/manage/seminars");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SeminarAttendances.AnyAsync(x => x.SeminarId == seminars[0].Id)));
        Assert.DoesNotContain("Reihe des Pools", Html.Text(await other.GetStringAsync("/manage/seminars", Ct)));
    }

    [Fact]
    public async Task The_invitation_carries_an_ics_file_and_its_link_takes_yes_or_no_as_does_my_seminars_page()
    {
        var user = await app.CreateUserAsync("teilnehmerin@example.org", Roles.Advisor);
        var a = await AdvisorAsync("eingeladen", "Grace", "Owusu", user.Id);
        var (series, seminars, people) = await SeriesAsync("Reihe mit Einladung", [10, 11], a);
        await app.WithDbAsync(db => db.Advisors.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, "teilnehmerin@example.org")));
        var office = await app.SignInAsync("koord-seminare@example.org");
        var invited = await PostAndReadAsync(office, $"/manage/seminars/attendance/{seminars[0].Id}?handler=Invite", [], $"/manage/seminars/attendance/{seminars[0].Id}");
        Assert.Contains("1 Einladungen mit Kalenderdatei verschickt", invited);

        var mail = app.MessagesTo("teilnehmerin@example.org").Single();
        Assert.Contains("Einladung: Modul 1", mail.Subject);
        var ics = mail.Attachments.OfType<MimePart>().Single();
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content, Ct);
        var entry = Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!.Events.Single();
        Assert.Equal("Reihe mit Einladung: Modul 1", entry.Summary);
        Assert.Equal("Europe/Berlin", entry.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 10, 15, 10, 0, 0), entry.DtStart.Value);

        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://[^\s/]+(/\S*seminars/rsvp/\S+)").Groups[1].Value;
        Assert.NotEmpty(link);
        var visitor = app.CreateClient();
        Assert.Contains("Grace Owusu", Html.Text(await visitor.GetStringAsync(link, Ct)));
        var yes = await visitor.PostFormAsync(link + "?handler=Yes", [], link);
        Assert.Contains("Sie haben zugesagt", Html.Text(await yes.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(RsvpAnswer.Yes, await app.WithDbAsync(db => db.SeminarAttendances.Where(x => x.SeminarId == seminars[0].Id && x.ParticipantId == people[0].Id).Select(x => x.Rsvp).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/seminars/rsvp/gibt-es-nicht", Ct)).StatusCode);

        // Signed in, the advisor answers the second seminar on "my seminars".
        var advisor = await app.SignInAsync("teilnehmerin@example.org");
        var mine = Html.Text(await advisor.GetStringAsync("/me/seminars", Ct));
        Assert.Contains("Reihe mit Einladung", mine);
        Assert.Contains("Ihre Antwort: zugesagt", mine);
        var no = await PostAndReadAsync(advisor, $"/me/seminars?handler=Answer&seminar={seminars[1].Id}&answer=No", [], "/me/seminars");
        Assert.Contains("Sie haben abgesagt", no);
        Assert.Equal(RsvpAnswer.No, await app.WithDbAsync(db => db.SeminarAttendances.Where(x => x.SeminarId == seminars[1].Id && x.ParticipantId == people[0].Id).Select(x => x.Rsvp).SingleAsync()));
        Assert.Contains("Modul 2", Html.Text(await advisor.GetStringAsync($"/me/seminars/{seminars[1].Id}", Ct)));
    }
}
