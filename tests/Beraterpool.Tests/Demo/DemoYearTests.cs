using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Shared;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Demo;

/// <summary>The demo with its year of consultations, as ./run.sh starts it; shared by the tests that read it.</summary>
public sealed class DemoYearApp : TestApp
{
    public DemoYearApp() : base(demo: true) => With("Demo:Year", "true");
}

/// <summary>
/// ./run.sh seeds a year of the programme so that every role's first screen tells the story: these tests hold the
/// story to the rules the product itself keeps (quota sums, one statement per month, states of the chain).
/// </summary>
public sealed class DemoYearTests(DemoYearApp app) : IClassFixture<DemoYearApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_demo_request_and_advisor_consent_has_its_consent_history()
    {
        var requestsWithout = await app.WithDbAsync(db => db.ConsultationRequests.CountAsync(r => !db.ConsentRecords.Any(c => c.RequestId == r.Id), Ct));
        var consents = await app.WithDbAsync(db => db.AdvisorConsents.Select(a => new { a.AdvisorId, a.Field }).ToListAsync(Ct));
        var history = (await app.WithDbAsync(db => db.ConsentRecords.Where(c => c.AdvisorId != null).Select(c => new { c.AdvisorId, c.Purpose }).ToListAsync(Ct)))
            .Select(c => (c.AdvisorId!.Value, c.Purpose)).ToHashSet();
        var consentsWithout = consents.Count(a => !history.Contains((a.AdvisorId, Web.Features.Privacy.Consents.ConsentPurposes.Publish(a.Field))));
        Assert.NotEmpty(consents);
        Assert.Equal((0, 0), (requestsWithout, consentsWithout));
        Assert.True(await app.WithDbAsync(db => db.ConsentRecords.AnyAsync(c => c.RequestId != null, Ct)));
    }

    [Fact]
    public async Task The_nrw_office_can_pay_its_approved_demo_statements_with_a_sepa_file()
    {
        var pool = await app.WithDbAsync(db => db.Pools.AsNoTracking().SingleAsync(p => p.Slug == "nrw", Ct));
        Assert.NotNull(pool.DebtorIban);
        var approved = await app.WithDbAsync(db => db.FeeStatements.Where(s => s.PoolId == pool.Id && s.Status == FeeStatementStatus.Approved)
            .Select(s => s.Id).ToListAsync(Ct));
        Assert.NotEmpty(approved);
        var client = await app.SignedInBrowserAsync(DemoAccounts.CoordinatorNrw);

        var file = await Fees.SepaArrange.DownloadAsync(client, pool.Id, [.. approved]);

        Assert.Equal(System.Net.HttpStatusCode.OK, file.StatusCode);
        var doc = Fees.SepaArrange.Validated(await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(approved.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            doc.Descendants(System.Xml.Linq.XName.Get("NbOfTxs", SepaFile.Namespace)).First().Value);
    }

    [Fact]
    public async Task Demo_statements_carry_unique_invoice_numbers_per_advisor()
    {
        var numbers = await app.WithDbAsync(db => db.FeeStatements.Where(s => s.Status != FeeStatementStatus.Draft)
            .Select(s => new { s.AdvisorId, s.InvoiceNumber }).ToListAsync(Ct));
        Assert.All(numbers, n => Assert.Matches(@"^\d{4}-\d{3}$", n.InvoiceNumber));
        Assert.Equal(numbers.Count, numbers.DistinctBy(n => (n.AdvisorId, n.InvoiceNumber)).Count());
    }

    [Fact]
    public async Task Requests_stand_in_every_state_of_the_chain()
    {
        var states = await app.WithDbAsync(db => db.ConsultationRequests.Select(r => r.Status).Distinct().ToListAsync(Ct));
        Assert.Equal(Enum.GetValues<RequestStatus>().Order(), states.Order());
        var engagements = await app.WithDbAsync(db => db.Engagements.Select(e => e.Status).Distinct().ToListAsync(Ct));
        Assert.Equal(Enum.GetValues<EngagementStatus>().Order(), engagements.Order());
    }

    [Fact]
    public async Task Every_request_has_a_timeline_that_ends_in_its_state_and_references_are_unique()
    {
        var requests = await app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking()
            .Select(r => new { r.Reference, r.Status, Last = r.StatusChanges.OrderByDescending(c => c.At).Select(c => c.To).First() })
            .ToListAsync(Ct));
        Assert.All(requests, r => Assert.Equal(r.Status, r.Last));
        Assert.Equal(requests.Count, requests.Select(r => r.Reference).Distinct().Count());
    }

    [Fact]
    public async Task Quota_accounts_are_the_sum_of_the_activities_and_within_the_quota()
    {
        var accounts = await app.WithDbAsync(db => db.DayQuotaAccounts.AsNoTracking().ToListAsync(Ct));
        var activities = await app.WithDbAsync(db => db.Activities
            .Join(db.Engagements, a => a.EngagementId, e => e.Id, (a, e) => new { e.PoolId, e.MunicipalityKey, a.Date, a.HalfDays }).ToListAsync(Ct));
        Assert.NotEmpty(accounts);
        foreach (var account in accounts)
        {
            var sum = activities.Where(a => a.PoolId == account.PoolId && a.MunicipalityKey == account.MunicipalityKey && a.Date.Year == account.Year)
                .Sum(a => a.HalfDays);
            Assert.Equal(sum, account.UsedHalfDays);
            Assert.InRange(account.UsedHalfDays, 1, account.QuotaHalfDays);
        }
    }

    [Fact]
    public async Task Activities_lie_within_their_engagement_and_one_per_advisor_and_date()
    {
        var rows = await app.WithDbAsync(db => db.Activities
            .Join(db.Engagements, a => a.EngagementId, e => e.Id, (a, e) => new { a.AdvisorId, a.Date, e.StartedAt, Created = db.ConsultationRequests.Single(r => r.Id == e.RequestId).CreatedAt })
            .ToListAsync(Ct));
        Assert.All(rows, r => Assert.True(r.Date.ToDateTime(TimeOnly.MaxValue) >= r.StartedAt.UtcDateTime && r.StartedAt > r.Created));
        Assert.Equal(rows.Count, rows.Select(r => (r.AdvisorId, r.Date)).Distinct().Count());
        var today = app.Services.GetRequiredService<TimeProvider>().LocalToday();
        Assert.All(rows, r => Assert.True(r.Date <= today, $"activity in the future: {r.Date}"));
    }

    [Fact]
    public async Task Statements_bill_approved_days_of_their_month_and_pay_the_advisors_own_account()
    {
        var statements = await app.WithDbAsync(db => db.FeeStatements.AsNoTracking()
            .Select(s => new { s.Id, s.Year, s.Month, s.Status, s.PayeeIbanProtected, s.PaidOn,
                Days = db.Activities.Where(a => a.FeeStatementId == s.Id).Select(a => new { a.Date, a.ApprovedAt, a.AdvisorId }).ToList(), s.AdvisorId })
            .ToListAsync(Ct));
        Assert.Contains(statements, s => s.Status == FeeStatementStatus.Paid && s.PaidOn is not null);
        Assert.Contains(statements, s => s.Status == FeeStatementStatus.Approved);
        Assert.Contains(statements, s => s.Status == FeeStatementStatus.Submitted);
        await using var scope = app.Scope();
        var protector = scope.ServiceProvider.GetRequiredService<IbanProtector>();
        foreach (var s in statements)
        {
            Assert.NotEmpty(s.Days);
            Assert.All(s.Days, d => Assert.Equal((s.Year, s.Month, s.AdvisorId, true), (d.Date.Year, d.Date.Month, d.AdvisorId, d.ApprovedAt is not null)));
            Assert.StartsWith("DE", protector.Unprotect(s.PayeeIbanProtected!));
        }
    }

    [Fact]
    public async Task Conversations_have_all_three_sides_and_one_municipality_message_waits_for_the_office()
    {
        var messages = await app.WithDbAsync(db => db.Messages.AsNoTracking().Select(m => new { m.Side, m.ReadByOfficeAt, m.SentAt }).ToListAsync());
        Assert.Equal(Enum.GetValues<Web.Features.Messages.MessageSide>().Order(), messages.Select(m => m.Side).Distinct().Order());
        Assert.Contains(messages, m => m.Side == Web.Features.Messages.MessageSide.Municipality);
        Assert.All(messages, m => Assert.True(m.SentAt < DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(DemoAccounts.CoordinatorNrw, "/manage", "BA-")]
    [InlineData(DemoAccounts.CoordinatorNrw, "/manage", "Neue Nachrichten von Kommunen")]
    [InlineData(DemoAccounts.Advisor, "/me", "Dortmund")]
    [InlineData(DemoAccounts.Advisor, "/me/fees", "Bezahlt")]
    [InlineData(DemoAccounts.MunicipalityContact, "/municipality", "BA-")]
    public async Task Each_roles_first_screen_tells_the_story(string account, string page, string expected)
    {
        var client = await app.SignedInBrowserAsync(account);
        var html = await client.GetStringAsync(page, Ct);
        Assert.Contains(expected, html);
    }

    [Theory]
    [InlineData(DemoAccounts.CoordinatorNrw)]
    [InlineData(DemoAccounts.Advisor)]
    [InlineData(DemoAccounts.MunicipalityContact)]
    [InlineData(DemoAccounts.Administrator)]
    public async Task No_link_of_the_demo_year_is_dead(string account)
    {
        var client = await app.SignedInBrowserAsync(account);
        var (crawled, dead) = await LinkCrawlTests.CrawlAsync(client, ["/", "/manage", "/me", "/me/fees", "/municipality"]);
        Assert.True(crawled > 10, $"Only {crawled} addresses crawled as {account}.");
        Assert.True(dead.Count == 0, $"Dead links as {account}:\n" + string.Join('\n', dead));
    }
}
