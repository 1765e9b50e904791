using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Events;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Seminars;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Seminars;

/// <summary>The trainer's link (attendance without an account, ends after the seminar, revocable) and the seminar's files.</summary>
public sealed partial class SeminarTests
{
    private static string TrainerPath(string mailBody) =>
        Regex.Match(mailBody, @"https?://[^\s/]+(/\S*seminars/trainer/\S+)").Groups[1].Value;

    [Fact]
    public async Task A_trainer_records_attendance_through_the_mailed_link_until_it_ends_or_is_revoked()
    {
        var a = await AdvisorAsync("trainer-a", "Amara", "Diallo");
        var b = await AdvisorAsync("trainer-b", "Bilal", "Haddad");
        var (series, seminars, people) = await SeriesAsync("Reihe mit Trainerin", [10], a, b);
        var (_, _, strangers) = await SeriesAsync("Andere Reihe", [10], await AdvisorAsync("trainer-c", "Chen", "Wei"));
        var office = await app.SignInAsync("koord-seminare@example.org");
        var page = $"/manage/seminars/attendance/{seminars[0].Id}";

        var failed = await office.PostFormAsync($"{page}?handler=TrainerLink", [new("Trainer.Name", ""), new("Trainer.Email", "kein-at")], page);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var html = await failed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("value=\"kein-at\"", html);
        Assert.Contains("Bitte geben Sie den Namen der Trainerin oder des Trainers an.", Html.Text(html));
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", Html.Text(html));
        Assert.False(await app.WithDbAsync(db => db.SeminarTrainerLinks.AnyAsync(l => l.SeminarId == seminars[0].Id)));

        var created = await PostAndReadAsync(office, $"{page}?handler=TrainerLink", [new("Trainer.Name", "Dr. Petra Lange"), new("Trainer.Email", "trainerin@example.org")], page);
        Assert.Contains("Der Link für Dr. Petra Lange gilt bis 18. Oktober 2026, 17:00 und ist an trainerin@example.org verschickt.", created);
        Assert.Contains("/seminars/trainer/", created);
        var mail = app.MessagesTo("trainerin@example.org").Single();
        Assert.Equal("Anwesenheit erfassen: Modul 1", mail.Subject);
        var link = TrainerPath(mail.TextBody ?? "");
        Assert.NotEmpty(link);
        // Only the hash is kept, and no address.
        var stored = await app.WithDbAsync(db => db.SeminarTrainerLinks.SingleAsync(l => l.SeminarId == seminars[0].Id));
        Assert.DoesNotContain(link.Split('/').Last(), stored.TokenHash);
        Assert.Equal(At(10, 18, 17), stored.ExpiresAt);

        var trainer = app.CreateClient();
        var list = Html.Text(await trainer.GetStringAsync(link, Ct));
        Assert.Contains("Amara Diallo", list);
        Assert.Contains("Bilal Haddad", list);
        Assert.DoesNotContain("Chen Wei", list);
        var saved = await trainer.PostFormAsync(link, [new($"Statuses[{people[0].Id}]", "Present"), new($"Statuses[{people[1].Id}]", "Late"),
            new($"Statuses[{strangers[0].Id}]", "Absent")]);
        Assert.Contains("Anwesenheit gespeichert: 2 Änderungen.", Html.Text(await saved.Content.ReadAsStringAsync(Ct)));
        var statuses = await app.WithDbAsync(db => db.SeminarAttendances.Where(x => x.SeminarId == seminars[0].Id).OrderBy(x => x.ParticipantId).Select(x => x.Status).ToListAsync());
        Assert.Equal([AttendanceStatus.Present, AttendanceStatus.Late], statuses);
        Assert.False(await app.WithDbAsync(db => db.SeminarAttendances.AnyAsync(x => x.ParticipantId == strangers[0].Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "seminar.attendance.recorded" && e.Subject == $"seminar:{seminars[0].Id}"
            && e.Details!.Contains("trainer link (Dr. Petra Lange)"))));
        // The office sees the trainer's entries in its own list.
        Assert.Contains("checked", await office.GetStringAsync(page, Ct));

        // Revoked: the link answers 404 and saves nothing.
        var linkId = stored.Id;
        await PostAndReadAsync(office, $"{page}?handler=RevokeLink&linkId={linkId}", [], page);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync(link, Ct)).StatusCode);

        // Expired: a second link past its end answers 404 as well.
        await PostAndReadAsync(office, $"{page}?handler=TrainerLink", [new("Trainer.Name", "Jonas Berg"), new("Trainer.Email", "co-trainer@example.org")], page);
        var second = TrainerPath(app.MessagesTo("co-trainer@example.org").Single().TextBody ?? "");
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync(second, Ct)).StatusCode);
        await app.WithDbAsync(db => db.SeminarTrainerLinks.Where(l => l.TrainerName == "Jonas Berg").ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, At(9, 30))));
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync(second, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync("/seminars/trainer/gibt-es-nicht", Ct)).StatusCode);

        // Another pool's office cannot make a link for this seminar.
        var other = await app.SignInAsync("koord-anderer-pool@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"{page}?handler=TrainerLink", [new("Trainer.Name", "X")], "/manage/seminars")).StatusCode);
    }

    [Fact]
    public async Task Materials_uploaded_by_the_office_or_the_trainer_are_for_the_participants_only()
    {
        var user = await app.CreateUserAsync("material-teilnehmerin@example.org", Roles.Advisor);
        var a = await AdvisorAsync("material-a", "Hana", "Yilmaz", user.Id);
        var outsider = await app.CreateUserAsync("material-fremd@example.org", Roles.Advisor);
        await AdvisorAsync("material-b", "Olu", "Ade", outsider.Id);
        var (_, seminars, _) = await SeriesAsync("Reihe mit Materialien", [11], a);
        var office = await app.SignInAsync("koord-seminare@example.org");
        var page = $"/manage/seminars/attendance/{seminars[0].Id}";
        async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string formPage, byte[] bytes, string name)
        {
            var token = Html.AntiforgeryToken(await client.GetStringAsync(formPage, Ct));
            return await client.PostAsync(url, new[] { new KeyValuePair<string, string>("__RequestVerificationToken", token) }.Multipart("file", bytes, name, "application/pdf"), Ct);
        }

        var program = "MZ\x90\0 not a pdf"u8.ToArray();
        var refused = await UploadAsync(office, $"{page}?handler=Material", page, program, "folien.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Diese Datei können wir nicht annehmen.", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.SeminarMaterials.AnyAsync(m => m.SeminarId == seminars[0].Id)));

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(office, $"{page}?handler=Material", page, pdf, "Folien Modul 1.pdf")).StatusCode);

        // The trainer adds a worksheet through the link.
        await PostAndReadAsync(office, $"{page}?handler=TrainerLink", [new("Trainer.Name", "Dr. Petra Lange"), new("Trainer.Email", "material-trainerin@example.org")], page);
        var link = TrainerPath(app.MessagesTo("material-trainerin@example.org").Single().TextBody ?? "");
        var trainer = app.CreateClient();
        var added = await UploadAsync(trainer, link + "?handler=Material", link, pdf, "Arbeitsblatt.pdf");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("„Arbeitsblatt.pdf“ ist hochgeladen.", Html.Text(await added.Content.ReadAsStringAsync(Ct)));

        var participant = await app.SignInAsync("material-teilnehmerin@example.org");
        var mine = await participant.GetStringAsync($"/me/seminars/{seminars[0].Id}", Ct);
        Assert.Contains("Folien Modul 1.pdf", Html.Text(mine));
        Assert.Contains("Arbeitsblatt.pdf", Html.Text(mine));
        Assert.Contains("Dr. Petra Lange", Html.Text(mine));
        var ids = await app.WithDbAsync(db => db.SeminarMaterials.Where(m => m.SeminarId == seminars[0].Id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        var download = await participant.GetAsync($"/me/seminars/{seminars[0].Id}?handler=Material&materialId={ids[0]}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        var stranger = await app.SignInAsync("material-fremd@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/me/seminars/{seminars[0].Id}?handler=Material&materialId={ids[0]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/seminars/trainer/falsch?handler=Material&materialId={ids[0]}", Ct)).StatusCode);

        // The office deletes the slides (after the confirmation in the page); the worksheet stays.
        var deleted = await PostAndReadAsync(office, $"{page}?handler=DeleteMaterial&materialId={ids[0]}", [], page);
        Assert.Contains("„Folien Modul 1.pdf“ ist gelöscht.", deleted);
        Assert.Equal(["Arbeitsblatt.pdf"], await app.WithDbAsync(db => db.SeminarMaterials.Where(m => m.SeminarId == seminars[0].Id).Select(m => m.FileName).ToListAsync()));
    }
}
