using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Requests;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Beraterpool.Tests.Messages;

/// <summary>
/// Defect 3 of issue 13, "replies go nowhere": the municipality and the pool write to each other on the pages, each side
/// hears of it by mail (answers to the office, not to no-reply), and the coordinator's queue shows what is unread.
/// </summary>
public sealed partial class ConversationTests(ConversationTests.App app) : IClassFixture<ConversationTests.App>
{
    public sealed class App : TestApp
    {
        public App() : base(importGazetteer: false) => With("Requests:RateLimit:PermitLimit", "1000");

        public int PoolA { get; private set; }
        public HttpClient CoordinatorA { get; private set; } = null!;
        public HttpClient CoordinatorB { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            CoordinatorA = await this.SignedInBrowserAsync("nachrichten-a@example.org", Roles.Coordinator);
            CoordinatorB = await this.SignedInBrowserAsync("nachrichten-b@example.org", Roles.Coordinator);
            var a = await WithDbAsync(db => db.Users.Where(u => u.Email == "nachrichten-a@example.org").Select(u => u.Id).SingleAsync());
            var b = await WithDbAsync(db => db.Users.Where(u => u.Email == "nachrichten-b@example.org").Select(u => u.Id).SingleAsync());
            PoolA = (await this.CreatePoolAsync("gespraech-a", a)).Id;
            await this.CreatePoolAsync("gespraech-b", b);
        }
    }

    private const string Office = "gespraech-a@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A request as the form stores it: with the personal link's secret kept for later mails.</summary>
    private async Task<(int Id, string Token)> RequestAsync(string email, RequestStatus status = RequestStatus.Submitted)
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: email, status: status);
        var kept = app.Services.GetRequiredService<TrackingTokenVault>().Protect(token);
        await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.TrackingTokenProtected, kept)));
        return (id, token);
    }

    private List<MimeMessage> Mails(string address)
    {
        if (!Directory.Exists(app.OutboxFolder)) return [];
        return new DirectoryInfo(app.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name).Select(f => MimeMessage.Load(f.FullName))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static Task<HttpResponseMessage> PostOnTrackingPageAsync(HttpClient client, string token, string body, string? page = null) =>
        client.PostFormAsync(TrackUrl(token, page) + "?handler=Message", [new("Reply.Body", body)], TrackUrl(token, page));

    private static string TrackUrl(string token, string? rest = null) => $"/requests/track/{Uri.EscapeDataString(token)}" + (rest is null ? "" : "/" + rest);

    [GeneratedRegex("<tr class=\"kern-table__row\">(?:(?!</tr>).)*</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    private async Task<string> QueueRowAsync(string reference) =>
        Row().Matches(await app.CoordinatorA.GetStringAsync("/manage/requests?status=all", Ct)).Select(m => Html.Text(m.Value)).Single(r => r.Contains(reference));

    private Task<string> ReferenceAsync(int id) => app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());

    [Fact]
    public async Task Defect3_MunicipalityReplyOnTheTrackingPageReachesTheOfficeAndItsQueue()
    {
        var (id, token) = await RequestAsync("antwort@koeln.example");
        var contact = app.Browser();
        var page = Html.Text(await contact.GetStringAsync(TrackUrl(token), Ct));
        Assert.Contains("Antworten per E-Mail werden nicht automatisch übernommen — bitte schreiben Sie hier.", page);

        var response = await PostOnTrackingPageAsync(contact, token, "Beteiligt sind das Integrationsamt und der Eine-Welt-Verein.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.RequestId == id));
        Assert.Equal(MessageSide.Municipality, stored.Side);
        Assert.Equal("Erika Beispiel", stored.AuthorName);
        Assert.Null(stored.AuthorUserId);
        Assert.Contains("Beteiligt sind das Integrationsamt", Html.Text(await contact.GetStringAsync(TrackUrl(token), Ct)));

        var mail = Mails(Office).Last(m => (m.TextBody ?? "").Contains("Integrationsamt"));
        Assert.Equal(Office, mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains($"/manage/requests/{id}", mail.TextBody);

        var reference = await ReferenceAsync(id);
        Assert.Contains("Neue Nachricht (1)", await QueueRowAsync(reference));
        var dashboard = Html.Text(await app.CoordinatorA.GetStringAsync("/manage", Ct));
        Assert.Contains("Neue Nachrichten von Kommunen", dashboard);
        Assert.Contains(reference, dashboard);

        // Reading the request is reading the message, for the whole pool and in the database.
        var details = Html.Text(await app.CoordinatorA.GetStringAsync($"/manage/requests/{id}", Ct));
        Assert.Contains("Beteiligt sind das Integrationsamt", details);
        Assert.NotNull(await app.WithDbAsync(db => db.Messages.Where(m => m.RequestId == id).Select(m => m.ReadByOfficeAt).SingleAsync()));
        Assert.DoesNotContain("Neue Nachricht", await QueueRowAsync(reference));
    }

    [Fact]
    public async Task Defect3_OfficeAnswerMailsTheMunicipalityWithItsPersonalLink()
    {
        var (id, token) = await RequestAsync("rueckmeldung@koeln.example");
        var response = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Message",
            [new("Reply.Body", "Wir schlagen ein Erstgespräch am Dienstag vor.")], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mail = Mails("rueckmeldung@koeln.example").Single();
        Assert.Contains("Wir schlagen ein Erstgespräch am Dienstag vor.", mail.TextBody);
        Assert.Contains($"http://localhost/requests/track/{token}", mail.TextBody);
        Assert.Equal(Office, mail.ReplyTo.Mailboxes.Single().Address);
        var page = Html.Text(await app.Browser().GetStringAsync(TrackUrl(token), Ct));
        Assert.Contains("Wir schlagen ein Erstgespräch am Dienstag vor.", page);
        Assert.Contains("Koordinierungsstelle", page);
        // The office's own message is nothing new for the office.
        Assert.DoesNotContain("Neue Nachricht", await QueueRowAsync(await ReferenceAsync(id)));
    }

    [Fact]
    public async Task A_coordinator_of_another_pool_can_neither_read_nor_write_the_conversation()
    {
        var (id, token) = await RequestAsync("fremd@koeln.example");
        await PostOnTrackingPageAsync(app.Browser(), token, "Nur für Pool A bestimmt.");

        Assert.Equal(HttpStatusCode.NotFound, (await app.CoordinatorB.GetAsync($"/manage/requests/{id}", Ct)).StatusCode);
        var own = await app.CoordinatorB.GetStringAsync("/manage", Ct);
        var post = await app.CoordinatorB.PostAsync($"/manage/requests/{id}?handler=Message",
            new FormUrlEncodedContent([new("Reply.Body", "Eingeschleust"), new("__RequestVerificationToken", Html.AntiforgeryToken(own))]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Nur für Pool A", Html.Text(own));
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Eingeschleust")));
        // Still unread for pool A: the other pool's visit marked nothing.
        Assert.Null(await app.WithDbAsync(db => db.Messages.Where(m => m.RequestId == id).Select(m => m.ReadByOfficeAt).SingleAsync()));
    }

    [Fact]
    public async Task An_empty_or_too_long_message_is_refused_at_its_field_and_the_text_is_kept()
    {
        var (id, token) = await RequestAsync("leer@koeln.example");
        var contact = app.Browser();

        var empty = await PostOnTrackingPageAsync(contact, token, "   ");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte schreiben Sie eine Nachricht.", Html.Text(html));
        Assert.Contains("id=\"Reply_Body-error\"", html);

        var tooLong = await PostOnTrackingPageAsync(contact, token, new string('x', 4001));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        html = await tooLong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Die Nachricht darf höchstens 4000 Zeichen lang sein.", Html.Text(html));
        Assert.Contains(new string('x', 4001) + "</textarea>", html);

        var office = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Message", [new("Reply.Body", "")], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Contains("Bitte schreiben Sie eine Nachricht.", Html.Text(await office.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.RequestId == id)));
    }

    [Fact]
    public async Task Defect3_TheFollowUpQuestionMailCarriesThePersonalLinkAndAnswersGoToTheOffice()
    {
        var (id, token) = await RequestAsync("rueckfrage@koeln.example");
        await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=NeedsInformation",
            [new("Question", "Welche Ämter sind beteiligt?")], $"/manage/requests/{id}");

        var mail = Mails("rueckfrage@koeln.example").Last();
        Assert.Contains("Welche Ämter sind beteiligt?", mail.TextBody);
        Assert.Contains($"http://localhost/requests/track/{token}", mail.TextBody);
        Assert.DoesNotContain("einfach auf diese E-Mail", mail.TextBody);
        Assert.Contains("Antworten per E-Mail werden nicht automatisch übernommen", mail.TextBody);
        Assert.Equal(Office, mail.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_message_on_the_engagement_by_the_personal_link_reaches_its_advisor_and_the_record()
    {
        var (id, token) = await RequestAsync("begleitung@koeln.example", RequestStatus.InProgress);
        var advisor = await app.CreateAdvisorAsync(app.PoolA, $"gespraech-{Guid.NewGuid():N}"[..20]);
        var engagementId = await app.WithDbAsync(async db =>
        {
            var engagement = new Engagement { PoolId = app.PoolA, RequestId = id, MunicipalityKey = RequestArrange.Koeln, StartedAt = DateTimeOffset.UtcNow.AddDays(-5) };
            engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = DateTimeOffset.UtcNow.AddDays(-5) });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            return engagement.Id;
        });

        var response = await PostOnTrackingPageAsync(app.Browser(), token, "Können wir den Termin verschieben?", $"engagement/{engagementId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var toAdvisor = Mails(advisor.Email).Single();
        Assert.Contains("Können wir den Termin verschieben?", toAdvisor.TextBody);
        Assert.Contains($"/engagements/{engagementId}", toAdvisor.TextBody);
        Assert.Equal(Office, toAdvisor.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains(Mails(Office), m => (m.TextBody ?? "").Contains("Können wir den Termin verschieben?"));

        var dashboard = await app.CoordinatorA.GetStringAsync("/manage", Ct);
        Assert.Contains($"/engagements/{engagementId}#messages", dashboard);
        var record = Html.Text(await app.CoordinatorA.GetStringAsync($"/engagements/{engagementId}", Ct));
        Assert.Contains("Können wir den Termin verschieben?", record);
        Assert.DoesNotContain($"/engagements/{engagementId}#messages", await app.CoordinatorA.GetStringAsync("/manage", Ct));
    }

    [Fact]
    public async Task The_municipality_account_writes_in_the_same_conversation_as_the_personal_link()
    {
        var contact = await app.SignedInBrowserAsync("konto-nachricht@koeln.example", Roles.MunicipalityContact);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "konto-nachricht@koeln.example").Select(u => u.Id).SingleAsync());
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: "konto-nachricht@koeln.example", contactUserId: userId);

        var response = await contact.PostFormAsync($"/municipality/requests/{id}?handler=Message", [new("Reply.Body", "Gibt es schon einen Termin?")],
            $"/municipality/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(userId, await app.WithDbAsync(db => db.Messages.Where(m => m.RequestId == id).Select(m => m.AuthorUserId).SingleAsync()));
        Assert.Contains(Mails(Office), m => (m.TextBody ?? "").Contains("Gibt es schon einen Termin?"));
        Assert.Contains("Gibt es schon einen Termin?", Html.Text(await app.Browser().GetStringAsync(TrackUrl(token), Ct)));
    }
}
