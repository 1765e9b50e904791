using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Requests;

/// <summary>The personal link is a secret: not in the log, replaceable by the contact and the office (issue 8, item 11).</summary>
public sealed partial class TrackingLinkTests(TrackingLinkTests.App app) : IClassFixture<TrackingLinkTests.App>
{
    public sealed class App : TestApp
    {
        public CollectedLog Log { get; } = new();
        public int PoolA { get; private set; }
        public HttpClient CoordinatorA { get; private set; } = null!;
        public HttpClient CoordinatorB { get; private set; } = null!;

        // The log as production writes it (Information and up), collected.
        public App() : base(importGazetteer: false) =>
            With("Serilog:MinimumLevel:Default", "Information").WithServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(Log));

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            CoordinatorA = await this.SignedInBrowserAsync("link-koordination-a@example.org", Roles.Coordinator);
            CoordinatorB = await this.SignedInBrowserAsync("link-koordination-b@example.org", Roles.Coordinator);
            var a = await WithDbAsync(db => db.Users.Where(u => u.Email == "link-koordination-a@example.org").Select(u => u.Id).SingleAsync());
            var b = await WithDbAsync(db => db.Users.Where(u => u.Email == "link-koordination-b@example.org").Select(u => u.Id).SingleAsync());
            PoolA = (await this.CreatePoolAsync("link-pool-a", a)).Id;
            await this.CreatePoolAsync("link-pool-b", b);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"/requests/track/([A-Za-z0-9_\-]+)")]
    private static partial Regex Link();

    private string NewestLinkTo(string email) => Link().Matches(app.MailsTo(email).Last()).Last().Groups[1].Value;

    [Fact]
    public async Task The_secret_never_reaches_the_request_log()
    {
        var (_, token) = await app.CreateRequestAsync(app.PoolA, email: "log@koeln.example");

        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/requests/track/{token}", Ct)).StatusCode);

        // A warning inside the request carries the path of the request's log scope.
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/requests/track/{token}?lang=xx", Ct)).StatusCode);
        var log = app.Log.Text;
        Assert.Contains("/requests/track/***", log);
        Assert.DoesNotContain(token, log);
    }

    [Fact]
    public async Task Mail_addresses_in_the_log_are_masked()
    {
        await app.CreateRequestAsync(app.PoolA, email: "verdeckt@koeln.example");
        var (id, _) = await app.CreateRequestAsync(app.PoolA, email: "maskiert@koeln.example");
        await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=RenewLink", [], $"/manage/requests/{id}");

        Assert.Contains("m***@koeln.example", app.Log.Text);
        Assert.DoesNotContain("maskiert@koeln.example", app.Log.Text);
    }

    [Fact]
    public async Task The_contact_replaces_the_link_and_the_old_one_dies()
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: "erneuern@koeln.example");
        var contact = app.Browser();

        var response = await contact.PostFormAsync($"/requests/track/{token}?handler=Renew", [], $"/requests/track/{token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/requests/link-renewed", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"/requests/track/{token}", Ct)).StatusCode);
        var renewed = NewestLinkTo("erneuern@koeln.example");
        Assert.NotEqual(token, renewed);
        Assert.Contains("Der bisherige Link funktioniert nicht mehr", app.MailsTo("erneuern@koeln.example").Last());
        Assert.Equal(HttpStatusCode.OK, (await contact.GetAsync($"/requests/track/{renewed}", Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "request.tracking-link.renewed" && a.Subject == $"request:{id}")));
    }

    [Fact]
    public async Task The_office_replaces_the_link_of_its_own_pool_only()
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: "buero-erneuert@koeln.example");

        var other = await app.CoordinatorB.PostFormAsync($"/manage/requests/{id}?handler=RenewLink", [], "/manage");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/requests/track/{token}", Ct)).StatusCode);

        var own = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=RenewLink", [], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/requests/track/{token}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/requests/track/{NewestLinkTo("buero-erneuert@koeln.example")}", Ct)).StatusCode);
    }
}

/// <summary>An ended request's link stops working after the set time; an open one never does.</summary>
public sealed class TrackingLinkExpiryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_link_of_an_ended_request_expires_after_the_set_days()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TestApp(importGazetteer: false).WithTime(clock).With("Requests:TrackingLinkDaysAfterEnd", "30");
        await app.InitializeAsync();
        await app.SeedRegisterAsync();
        var pool = (await app.CreatePoolAsync("ablauf")).Id;
        // Created three days ago; the withdrawn one ended then, the other is still waiting for the office.
        var (_, ended) = await app.CreateRequestAsync(pool, email: "ende@koeln.example", status: RequestStatus.Withdrawn, goal: "Fairer Handel im Rathaus");
        var (_, open) = await app.CreateRequestAsync(pool, email: "offen@koeln.example");

        clock.Advance(TimeSpan.FromDays(26));
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/requests/track/{ended}", Ct)).StatusCode);

        clock.Advance(TimeSpan.FromDays(2));
        var expired = await app.Browser().GetAsync($"/requests/track/{ended}", Ct);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var page = Html.Text(await expired.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Dieser Link ist abgelaufen", page);
        Assert.DoesNotContain("Fairer Handel im Rathaus", page);

        clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/requests/track/{open}", Ct)).StatusCode);
    }
}

public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("Mail to maria.schmidt@stadt-koeln.example sent", "Mail to m***@stadt-koeln.example sent")]
    [InlineData("\"Erika Beispiel\" <kontakt@koeln.example>", "\"Erika Beispiel\" <k***@koeln.example>")]
    [InlineData("no address here", "no address here")]
    public void Email_addresses_keep_only_their_first_letter_and_domain(string text, string logged) =>
        Assert.Equal(logged, Beraterpool.Web.Features.Shared.LogRedaction.Mask(text));
}
