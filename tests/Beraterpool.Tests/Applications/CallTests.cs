using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Applications;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Applications;

/// <summary>A coordinator's call with criteria and questions; the public list shows it while open and the page says when it closed.</summary>
public sealed class CallTests(CallTests.App app) : IClassFixture<CallTests.App>
{
    public sealed class App : TestApp
    {
        /// <summary>1 July 2026, 10:00 in Berlin.</summary>
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        public int Pool { get; private set; }
        public string Slug { get; private set; } = "";

        public App() : base(importGazetteer: false) => WithTime(Time);

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-calls@example.org", Roles.Coordinator);
            var pool = await this.CreatePoolAsync("ausschreibungen", coordinator.Id);
            (Pool, Slug) = (pool.Id, pool.Slug);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Prefix => $"/pool/{app.Slug}";

    [Fact]
    public async Task A_coordinator_creates_a_call_that_is_listed_while_open_and_closed_after_the_deadline()
    {
        var office = await app.SignInAsync("koord-calls@example.org");
        var saved = await office.PostFormAsync($"/manage/calls/edit?pool={app.Pool}",
        [
            new("Input.PoolId", app.Pool.ToString()), new("Input.Title", "Berater*innen gesucht 2026"), new("Input.Text", "Wir suchen **Sie**."),
            new("Input.Eligibility", "Menschen mit Migrationsgeschichte"), new("Input.OpensDate", "2026-06-15"), new("Input.ClosesDate", "2026-07-31"),
            new("Input.ClosesTime", "23:59"), new("Input.BlindReview", "true"),
            new("Input.Criteria[0].Name", "Motivation"), new("Input.Criteria[0].Weight", "3"), new("Input.Criteria[0].ScaleMax", "5"), new("Input.Criteria[0].IsRequired", "true"),
            new("Input.Criteria[1].Name", ""), new("Input.Criteria[1].Weight", "1"), new("Input.Criteria[1].ScaleMax", "5"),
            new("Input.Questions[0].Prompt", "Wie viele Tage?"), new("Input.Questions[0].Kind", "SingleChoice"), new("Input.Questions[0].Options", "bis 5\r\nmehr als 5"),
            new("Input.Questions[1].Prompt", "Verein?"), new("Input.Questions[1].Kind", "ShortText"),
        ], $"/manage/calls/edit?pool={app.Pool}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("ist gespeichert", Html.Text(await office.GetStringAsync(saved.Headers.Location, Ct)));

        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.Criteria).Include(c => c.Questions).SingleAsync(c => c.PoolId == app.Pool && c.Title == "Berater*innen gesucht 2026"));
        Assert.Equal(ProgrammeTime.FromLocal(new DateOnly(2026, 7, 31), new TimeOnly(23, 59)), call.ClosesAt);
        Assert.Equal([("Motivation", 3, 5)], call.Criteria.Select(c => (c.Name, c.Weight, c.ScaleMax)));
        Assert.Equal(["bis 5", "mehr als 5"], call.Questions.Single(q => q.Kind == QuestionKind.SingleChoice).OptionList);
        Assert.Equal(2, call.Questions.Count);

        var visitor = app.CreateClient();
        Assert.Contains("Berater*innen gesucht 2026", Html.Text(await visitor.GetStringAsync($"{Prefix}/calls", Ct)));
        Assert.Contains("Berater*innen gesucht 2026", Html.Text(await visitor.GetStringAsync($"{Prefix}/", Ct)));
        var page = await visitor.GetStringAsync($"{Prefix}/calls/{call.Id}", Ct);
        Assert.Contains("<strong>Sie</strong>", page);
        Assert.DoesNotContain("call-closed", page);

        app.Time.SetUtcNow(call.ClosesAt.AddMinutes(1));
        Assert.DoesNotContain("Berater*innen gesucht 2026", Html.Text(await visitor.GetStringAsync($"{Prefix}/calls", Ct)));
        Assert.Contains("Bewerbungen sind nicht mehr möglich", Html.Text(await visitor.GetStringAsync($"{Prefix}/calls/{call.Id}", Ct)));
    }

    [Fact]
    public async Task A_call_without_a_criterion_is_refused_and_keeps_the_input()
    {
        var office = await app.SignInAsync("koord-calls@example.org");
        var answer = await office.PostFormAsync($"/manage/calls/edit?pool={app.Pool}",
        [
            new("Input.PoolId", app.Pool.ToString()), new("Input.Title", "Ohne Kriterien"), new("Input.OpensDate", "2026-06-15"),
            new("Input.ClosesDate", "2026-07-31"), new("Input.ClosesTime", "23:59"), new("Input.Questions[0].Prompt", "Frage bleibt"),
        ], $"/manage/calls/edit?pool={app.Pool}");
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("mindestens ein Bewertungskriterium", Html.Text(html));
        Assert.Contains("Frage bleibt", html);
        Assert.Contains("Ohne Kriterien", html);
    }

    [Fact]
    public async Task A_call_not_yet_open_or_of_another_pool_is_not_found()
    {
        var call = await app.WithDbAsync(async db =>
        {
            var c = new Call { PoolId = app.Pool, Title = "Später", OpensAt = app.Time.GetUtcNow().AddDays(5), ClosesAt = app.Time.GetUtcNow().AddDays(30) };
            db.Calls.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
        var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Prefix}/calls/{call.Id}", Ct)).StatusCode);
    }
}
