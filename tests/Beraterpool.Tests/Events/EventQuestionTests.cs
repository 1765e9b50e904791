using System.Net;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Events;

/// <summary>The event's own registration questions: set by the office, answered on the public form, kept with the registration.</summary>
public sealed class EventQuestionTests(EventRegistrationTests.App app) : IClassFixture<EventRegistrationTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Prefix => $"/pool/{app.Slug}";

    private Task<List<EventAnswer>> AnswersOfAsync(string email) =>
        app.WithDbAsync(db => db.EventAnswers.AsNoTracking().Where(a => db.EventRegistrations.Any(r => r.Id == a.RegistrationId && r.Email == email))
            .OrderBy(a => a.Position).ToListAsync());

    private static List<string[]> CsvRows(byte[] csv) =>
        Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';')).ToList();

    [Fact]
    public async Task The_office_sets_five_kinds_of_question_and_a_required_one_left_empty_brings_the_form_back_with_everything_typed()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Fragen", new DateOnly(2026, 11, 17), capacity: 30);
        var office = await app.SignInAsync("koord-events@example.org");
        var url = $"/manage/events/{e.Id}/questions";
        var form = FormFields.Of(await office.GetStringAsync(url, Ct), "form-narrow")
            .Set("Questions[0].Text", "Nehmen Sie am Mittagessen teil?").Set("Questions[0].Kind", "YesNo").Set("Questions[0].IsRequired", "true")
            .Set("Questions[1].Text", "Welche Workshops besuchen Sie?").Set("Questions[1].Kind", "MultipleChoice").Set("Questions[1].Options", "Workshop A")
            .Set("Questions[2].Text", "Wie reisen Sie an?").Set("Questions[2].Kind", "SingleChoice").Set("Questions[2].Options", "Bahn\nAuto\nFahrrad")
            .Set("Questions[3].Text", "Was erwarten Sie vom Forum?").Set("Questions[3].Kind", "LongText")
            .Set("Questions[4].Text", "Ihr Landkreis").Set("Questions[4].Kind", "ShortText").Set("Questions[4].IsRequired", "true");
        var refused = await office.PostAsync(url, new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte geben Sie mindestens zwei Antwortmöglichkeiten an", Html.Text(refusedHtml));
        Assert.Contains("value=\"Was erwarten Sie vom Forum?\"", refusedHtml);
        Assert.Empty(await app.WithDbAsync(db => db.EventQuestions.Where(q => q.EventId == e.Id).ToListAsync()));

        var saved = await office.PostAsync(url, new FormUrlEncodedContent(form.Set("Questions[1].Options", "Workshop A\nWorkshop B\nWorkshop C")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var questions = await app.WithDbAsync(db => db.EventQuestions.AsNoTracking().Where(q => q.EventId == e.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal([EventQuestionKind.YesNo, EventQuestionKind.MultipleChoice, EventQuestionKind.SingleChoice, EventQuestionKind.LongText, EventQuestionKind.ShortText],
            questions.Select(q => q.Kind));
        Assert.Equal(["Workshop A", "Workshop B", "Workshop C"], questions[1].OptionList);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.questions.saved" && a.Subject == $"event:{e.Id}")));

        // The public form asks them after the fixed fields.
        var visitor = app.CreateClient();
        var page = await visitor.GetStringAsync($"{Prefix}/events/{e.Id}", Ct);
        var text = Html.Text(page);
        Assert.True(text.IndexOf("Hinweise für uns", StringComparison.Ordinal) < text.IndexOf("Nehmen Sie am Mittagessen teil?", StringComparison.Ordinal));
        Assert.Contains("Ihr Landkreis", text);

        var fields = FormFields.Of(page, "method=\"post\"").Set("Input.Name", "Petra Fragen").Set("Input.Email", "petra@example.org").Set("Input.Consent", "true")
            .Set("Input.Answers[1].Values", "Workshop A", "Workshop C").Set("Input.Answers[2].Text", "Bahn").Set("Input.Answers[3].Text", "Austausch mit anderen Kommunen");
        var incomplete = await visitor.PostAsync($"{Prefix}/events/{e.Id}", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var html = await incomplete.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte wählen Sie eine Antwort auf die Frage „Nehmen Sie am Mittagessen teil?“", Html.Text(html));
        Assert.Contains("Bitte beantworten Sie die Frage „Ihr Landkreis“", Html.Text(html));
        Assert.Contains("value=\"Petra Fragen\"", html);
        Assert.Contains("Austausch mit anderen Kommunen", html);
        var again = FormFields.Of(html, "method=\"post\"");
        Assert.Equal(["Workshop A", "Workshop C"], again.Where(f => f.Key == "Input.Answers[1].Values").Select(f => f.Value));
        Assert.Equal("Bahn", again.Single(f => f.Key == "Input.Answers[2].Text").Value);
        Assert.False(await app.WithDbAsync(db => db.EventRegistrations.AnyAsync(r => r.Email == "petra@example.org")));

        var done = await visitor.PostAsync($"{Prefix}/events/{e.Id}", new FormUrlEncodedContent(again.Set("Input.Answers[0].Text", "Ja").Set("Input.Answers[4].Text", "Kreis Lippe")), Ct);
        Assert.Contains("Sie sind angemeldet", Html.Text(await done.Content.ReadAsStringAsync(Ct)));
        var answers = await AnswersOfAsync("petra@example.org");
        Assert.Equal(["Ja", "Workshop A\nWorkshop C", "Bahn", "Austausch mit anderen Kommunen", "Kreis Lippe"], answers.Select(a => a.Value));
        Assert.Equal("Nehmen Sie am Mittagessen teil?", answers[0].Question);

        // The office sees them on the desk and in the participant list, one column per question.
        Assert.Contains("Workshop A, Workshop C", Html.Text(await office.GetStringAsync($"/manage/events/{e.Id}", Ct)));
        var rows = CsvRows(await office.GetByteArrayAsync($"/manage/events/{e.Id}?handler=Csv", Ct));
        Assert.Equal([.. Web.Features.Events.Manage.RegistrationsModel.CsvHeaders, .. questions.Select(q => q.Text)], rows[0]);
        Assert.Equal(["Ja", "Workshop A, Workshop C", "Bahn", "Austausch mit anderen Kommunen", "Kreis Lippe"], rows[1][^5..]);
    }

    [Fact]
    public async Task A_full_event_offers_the_waiting_list_with_the_answers_still_in_the_form_and_the_waiting_registration_holds_them()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Fragen voll", new DateOnly(2026, 11, 18), capacity: 1);
        var questions = await app.AddQuestionsAsync(e.Id, (EventQuestionKind.YesNo, "Brauchen Sie eine Unterkunft?", null, true),
            (EventQuestionKind.MultipleChoice, "Welche Themen interessieren Sie?", "Klima\nMigration\nBeschaffung", false),
            (EventQuestionKind.LongText, "Ihre Fragen an das Podium", null, false));
        var slow = app.CreateClient();
        var form = await slow.GetStringAsync($"{Prefix}/events/{e.Id}", Ct);
        Assert.Contains("Verbindlich anmelden", Html.Text(form));
        // Someone else takes the only place meanwhile.
        var fast = await app.CreateClient().RegisterAsync(e.Id, "Schnelle Antwort", "schnell-fragen@example.org", poolPrefix: Prefix,
            answers: [new("Input.Answers[0].QuestionId", questions[0].Id.ToString()), new("Input.Answers[0].Text", "Nein")]);
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal(RegistrationStatus.Registered, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == "schnell-fragen@example.org").Select(r => r.Status).SingleAsync()));

        var fields = FormFields.Of(form, "method=\"post\"").Set("Input.Name", "Langsame Antwort").Set("Input.Email", "langsam-fragen@example.org").Set("Input.Consent", "true")
            .Set("Input.Answers[0].Text", "Ja").Set("Input.Answers[1].Values", "Klima", "Beschaffung").Set("Input.Answers[2].Text", "Wie finanzieren andere Kommunen das?");
        var answer = await slow.PostAsync($"{Prefix}/events/{e.Id}", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("wurde der letzte Platz vergeben", Html.Text(html));
        Assert.Contains("Auf die Warteliste setzen", Html.Text(html));
        var kept = FormFields.Of(html, "method=\"post\"");
        Assert.Equal("Langsame Antwort", kept.Single(f => f.Key == "Input.Name").Value);
        Assert.Equal("Ja", kept.Single(f => f.Key == "Input.Answers[0].Text").Value);
        Assert.Equal(["Klima", "Beschaffung"], kept.Where(f => f.Key == "Input.Answers[1].Values").Select(f => f.Value));
        Assert.Equal("Wie finanzieren andere Kommunen das?", kept.Single(f => f.Key == "Input.Answers[2].Text").Value);
        Assert.False(await app.WithDbAsync(db => db.EventRegistrations.AnyAsync(r => r.Email == "langsam-fragen@example.org")));

        var waiting = await slow.PostAsync($"{Prefix}/events/{e.Id}", new FormUrlEncodedContent(kept), Ct);
        Assert.Contains("Sie stehen auf der Warteliste", Html.Text(await waiting.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(RegistrationStatus.Waiting, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == "langsam-fragen@example.org").Select(r => r.Status).SingleAsync()));
        Assert.Equal(["Ja", "Klima\nBeschaffung", "Wie finanzieren andere Kommunen das?"], (await AnswersOfAsync("langsam-fragen@example.org")).Select(a => a.Value));
    }

    [Fact]
    public async Task Rewording_or_removing_a_question_keeps_the_answers_with_the_wording_the_person_saw_in_list_export_and_until_erasure()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Fragen ändern", new DateOnly(2026, 11, 19));
        var questions = await app.AddQuestionsAsync(e.Id, (EventQuestionKind.ShortText, "Ihre Dienststelle", null, false),
            (EventQuestionKind.SingleChoice, "Essen", "vegetarisch\nvegan\negal", false));
        await app.CreateClient().RegisterAsync(e.Id, "Rita Antwort", "rita@example.org", poolPrefix: Prefix,
            answers: [new("Input.Answers[0].QuestionId", questions[0].Id.ToString()), new("Input.Answers[0].Text", "Amt für Umwelt"),
                new("Input.Answers[1].QuestionId", questions[1].Id.ToString()), new("Input.Answers[1].Text", "vegan")]);
        Assert.Equal(2, (await AnswersOfAsync("rita@example.org")).Count);

        var office = await app.SignInAsync("koord-events@example.org");
        var url = $"/manage/events/{e.Id}/questions";
        var page = await office.GetStringAsync(url, Ct);
        Assert.Contains("1 Anmeldungen enthalten schon Antworten", Html.Text(page));
        var form = FormFields.Of(page, "form-narrow").Set("Questions[0].Text", "Ihre Dienststelle oder Organisation").Set("Questions[1].Text", "");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(url, new FormUrlEncodedContent(form), Ct)).StatusCode);

        var left = await app.WithDbAsync(db => db.EventQuestions.AsNoTracking().Where(q => q.EventId == e.Id).ToListAsync());
        Assert.Equal([(questions[0].Id, "Ihre Dienststelle oder Organisation")], left.Select(q => (q.Id, q.Text)));
        var answers = await AnswersOfAsync("rita@example.org");
        Assert.Equal([(questions[0].Id, "Ihre Dienststelle", "Amt für Umwelt"), ((int?)null, "Essen", "vegan")],
            answers.Select(a => (a.QuestionId, a.Question, a.Value)).Select(x => ((int?)x.QuestionId, x.Question, x.Value)));
        var rows = CsvRows(await office.GetByteArrayAsync($"/manage/events/{e.Id}?handler=Csv", Ct));
        Assert.Equal(["Ihre Dienststelle oder Organisation", "Essen (entfernte Frage)"], rows[0][^2..]);
        Assert.Equal(["Amt für Umwelt", "vegan"], rows[1][^2..]);

        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var person = await services.GetRequiredService<Web.Features.Privacy.PersonFinder>().ByEmailAsync("rita@example.org", Ct);
        var export = await services.GetRequiredService<Web.Features.Privacy.DataExport>().CollectAsync(person, Ct);
        Assert.Equal([new Web.Features.Privacy.ExportEventAnswer("Ihre Dienststelle", "Amt für Umwelt"), new Web.Features.Privacy.ExportEventAnswer("Essen", "vegan")],
            Assert.Single(export.EventRegistrations).Answers);
        var admin = await app.CreateUserAsync("admin-fragen@example.org", Roles.Administrator);
        await services.GetRequiredService<Web.Features.Privacy.Erasure>().EraseAsync(person, admin.Id, "Administration", Ct);
        Assert.Empty(await app.WithDbAsync(db => db.EventAnswers.Where(a => a.Value == "Amt für Umwelt" || a.Value == "vegan").ToListAsync()));
    }

    [Fact]
    public async Task Another_pools_coordinator_cannot_change_a_question_by_posting_its_id()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Fragen fremd", new DateOnly(2026, 11, 21));
        var ours = (await app.AddQuestionsAsync(e.Id, (EventQuestionKind.ShortText, "Ihre Dienststelle", null, false))).Single();
        var stranger = await app.CreateUserAsync("koord-fremd-fragen@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync("fremd-fragen", stranger.Id);
        var theirs = await app.CreateEventAsync(pool.Id, "Fremdes Forum", new DateOnly(2026, 11, 22));
        var client = await app.SignInAsync("koord-fremd-fragen@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/events/{e.Id}/questions", Ct)).StatusCode);

        var url = $"/manage/events/{theirs.Id}/questions";
        var form = FormFields.Of(await client.GetStringAsync(url, Ct), "form-narrow").Set("Questions[0].Id", ours.Id.ToString()).Set("Questions[0].Text", "Gekapert");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, new FormUrlEncodedContent(form), Ct)).StatusCode);
        Assert.Equal("Ihre Dienststelle", await app.WithDbAsync(db => db.EventQuestions.Where(q => q.Id == ours.Id).Select(q => q.Text).SingleAsync()));
        Assert.Equal(["Gekapert"], await app.WithDbAsync(db => db.EventQuestions.Where(q => q.EventId == theirs.Id).Select(q => q.Text).ToListAsync()));
    }

    [Fact]
    public async Task Six_months_after_the_event_the_answers_go_with_the_name()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Fragen alt", new DateOnly(2026, 10, 2));
        var questions = await app.AddQuestionsAsync(e.Id, (EventQuestionKind.ShortText, "Ihre Dienststelle", null, false));
        await app.CreateClient().RegisterAsync(e.Id, "Olaf Alt", "olaf@example.org", poolPrefix: Prefix,
            answers: [new("Input.Answers[0].QuestionId", questions[0].Id.ToString()), new("Input.Answers[0].Text", "Ordnungsamt")]);
        Assert.Single(await AnswersOfAsync("olaf@example.org"));
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(app.Time.GetUtcNow().AddMonths(7));
        await app.WithDbAsync(db => EventJob.AnonymiseAsync(db, later, Ct));
        Assert.Empty(await app.WithDbAsync(db => db.EventAnswers.Where(a => a.Value == "Ordnungsamt").ToListAsync()));
    }
}
