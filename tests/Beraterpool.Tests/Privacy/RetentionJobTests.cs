using System.Text.Json;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.Privacy.Retention;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Privacy;

/// <summary>The daily retention job on the real database: what goes, what stays, and that several instances run it once.</summary>
public sealed class RetentionJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Mid-June 2026, 12:00 in Berlin.</summary>
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(TestApp App, FakeTimeProvider Time)> StartAsync(string? database = null, bool scheduler = false)
    {
        var time = new FakeTimeProvider(Now);
        var app = new TestApp(importGazetteer: false).WithTime(time);
        if (database is not null) app.With("ConnectionStrings:Default", database);
        if (scheduler) app.With("Jobs:Enabled", "true").With("Jobs:PollInterval", "00:01:00");
        await app.InitializeAsync();
        return (app, time);
    }

    private static Task<JobOutcome> RunJobAsync(TestApp app) =>
        app.Services.GetRequiredService<JobRunner>().TryRunAsync(app.Services.GetRequiredService<RetentionJob>(), ct: Ct);

    private static Task<List<RetentionRun>> RunsAsync(TestApp app) =>
        app.WithDbAsync(db => db.Set<RetentionRun>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct));

    /// <summary>A request that reached <paramref name="status"/> at <paramref name="endedAt"/> (its timeline says so).</summary>
    private static Task<int> RequestAsync(TestApp app, int poolId, string key, string reference, RequestStatus status, DateTimeOffset endedAt) => app.WithDbAsync(async db =>
    {
        var request = new ConsultationRequest
        {
            PoolId = poolId, Reference = reference, MunicipalityKey = key, ContactName = "Petra Kontakt", ContactEmail = $"{reference.ToLowerInvariant()}@stadt.example",
            Goal = "Migrantische Vereine einbinden", Need = "Ein erstes Forum", TrackingTokenHash = Guid.NewGuid().ToString("N"), Status = status,
            ConsentGivenAt = endedAt.AddDays(-20), CreatedAt = endedAt.AddDays(-20), UpdatedAt = endedAt,
        };
        request.StatusChanges.Add(new RequestStatusChange { From = RequestStatus.Submitted, To = status, At = endedAt, ActorName = "Koordination", Note = "Grund" });
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        db.Add(new Web.Features.Requests.Manage.InternalNote { RequestId = request.Id, AuthorName = "Koordination", Body = "Angerufen", CreatedAt = endedAt });
        await db.SaveChangesAsync(Ct);
        return request.Id;
    });

    private static Task<List<string>> ReferencesAsync(TestApp app) =>
        app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().OrderBy(r => r.Reference).Select(r => r.Reference).ToListAsync(Ct));

    [Fact]
    public async Task Withdrawn_and_declined_requests_older_than_their_period_are_gone_after_the_job_and_newer_ones_stay()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var pool = await app.CreatePoolAsync("ret-anfragen");
        var key = await app.MunicipalityAsync("05315000", "Köln");
        await RequestAsync(app, pool.Id, key, "ALT-RUECKZUG", RequestStatus.Withdrawn, Now.AddMonths(-6).AddDays(-1));
        await RequestAsync(app, pool.Id, key, "NEU-RUECKZUG", RequestStatus.Withdrawn, Now.AddMonths(-6).AddDays(1));
        await RequestAsync(app, pool.Id, key, "ALT-ABLEHNUNG", RequestStatus.Declined, Now.AddMonths(-7));
        await RequestAsync(app, pool.Id, key, "NEU-ABLEHNUNG", RequestStatus.Declined, Now.AddMonths(-5));
        // Open requests are never due, however old.
        await RequestAsync(app, pool.Id, key, "ALT-OFFEN", RequestStatus.Intake, Now.AddYears(-2));

        Assert.Equal(JobOutcome.Ran, await RunJobAsync(app));

        Assert.Equal(["ALT-OFFEN", "NEU-ABLEHNUNG", "NEU-RUECKZUG"], await ReferencesAsync(app));
        // What hung on the deleted requests went with them.
        Assert.Equal(3, await app.WithDbAsync(db => db.InternalNotes.CountAsync(Ct)));
        Assert.Equal(3, await app.WithDbAsync(db => db.RequestStatusChanges.CountAsync(Ct)));
        var run = Assert.Single(await RunsAsync(app));
        Assert.Equal(1, run.CountsByKind()[RetentionKinds.WithdrawnRequests]);
        Assert.Equal(1, run.CountsByKind()[RetentionKinds.DeclinedRequests]);
        Assert.NotNull(run.FinishedAt);
        Assert.Null(run.Errors);
    }

    [Fact]
    public async Task A_rule_set_by_an_administrator_is_what_the_job_applies()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var pool = await app.CreatePoolAsync("ret-regel");
        var key = await app.MunicipalityAsync("05315000", "Köln");
        await RequestAsync(app, pool.Id, key, "VIER-MONATE", RequestStatus.Withdrawn, Now.AddMonths(-4));
        await app.WithDbAsync(db => { db.Add(new RetentionRule { Kind = RetentionKinds.WithdrawnRequests, Value = 3, ChangedAt = Now }); return db.SaveChangesAsync(Ct); });

        Assert.Equal(JobOutcome.Ran, await RunJobAsync(app));

        Assert.Empty(await ReferencesAsync(app));
    }

    [Fact]
    public async Task Closed_engagements_are_anonymised_and_old_records_go_while_fee_statements_within_ten_years_statistics_and_the_quota_ledger_stay()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var pool = await app.CreatePoolAsync("ret-begleitung");
        var key = await app.MunicipalityAsync("05111000", "Düsseldorf");
        var advisor = await app.CreateAdvisorAsync(pool.Id, "amina-ret", null, ConsentField.Gender, ConsentField.City, ConsentField.CountriesOfOrigin, ConsentField.Topics);
        await app.WithDbAsync(async db =>
        {
            db.AdvisorCountries.Add(new AdvisorCountry { AdvisorId = advisor.Id, CountryCode = "ET" });
            return await db.SaveChangesAsync(Ct);
        });
        var old = await app.EngagementAsync(pool.Id, key, [advisor.Id]);
        var recent = await app.EngagementAsync(pool.Id, key, [advisor.Id]);
        await app.WithDbAsync(async db =>
        {
            await db.Engagements.Where(e => e.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EngagementStatus.Closed)
                .SetProperty(e => e.ClosedAt, Now.AddYears(-6)).SetProperty(e => e.FeedbackText, "Frau Kontakt war sehr zufrieden"), Ct);
            await db.Engagements.Where(e => e.Id == recent.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EngagementStatus.Closed)
                .SetProperty(e => e.ClosedAt, Now.AddYears(-1)), Ct);
            var statement = new FeeStatement { PoolId = pool.Id, AdvisorId = advisor.Id, Year = 2015, Month = 12, Status = FeeStatementStatus.Paid, DayRate = 250m, CreatedAt = new(2016, 1, 4, 9, 0, 0, TimeSpan.Zero), PaidOn = new(2016, 1, 20) };
            var expired = new FeeStatement { PoolId = pool.Id, AdvisorId = advisor.Id, Year = 2015, Month = 3, Status = FeeStatementStatus.Paid, DayRate = 250m, CreatedAt = new(2015, 4, 2, 9, 0, 0, TimeSpan.Zero), PaidOn = new(2015, 4, 20) };
            expired.TravelCosts.Add(new TravelCost { Date = new(2015, 3, 10), Description = "Bahn Köln–Düsseldorf", Amount = 23.40m, Receipt = [1, 2, 3], ReceiptContentType = "image/png", ReceiptFileName = "ticket.png" });
            db.FeeStatements.AddRange(statement, expired);
            await db.SaveChangesAsync(Ct);
            foreach (var e in new[] { old.Id, recent.Id })
            {
                db.Activities.Add(new Activity { EngagementId = e, AdvisorId = advisor.Id, Date = new(2020, 3, 2), Kind = ActivityKind.Workshop, HalfDays = 2, Participants = "Frau Kontakt, Herr Beispiel", Notes = "Notiz", CreatedAt = Now, ApprovedAt = Now, FeeStatementId = statement.Id });
                db.EngagementComments.Add(new EngagementComment { EngagementId = e, AuthorName = "Petra Kontakt", Side = EngagementSide.Municipality, Text = "Danke!", CreatedAt = Now });
                db.Learnings.Add(new Learning { EngagementId = e, AuthorName = "Petra Kontakt", Side = EngagementSide.Municipality, Text = "Früh einladen", CreatedAt = Now });
            }
            // A day billed by the statement whose ten years are over: it goes with it, or it could be billed again.
            db.Activities.Add(new Activity { EngagementId = old.Id, AdvisorId = advisor.Id, Date = new(2015, 3, 10), Kind = ActivityKind.OnSiteVisit, HalfDays = 1, CreatedAt = Now, ApprovedAt = Now, FeeStatementId = expired.Id });
            db.DayQuotaAccounts.Add(new DayQuotaAccount { PoolId = pool.Id, MunicipalityKey = key, Year = 2015, QuotaHalfDays = 20, UsedHalfDays = 1 });
            db.DayQuotaAccounts.Add(new DayQuotaAccount { PoolId = pool.Id, MunicipalityKey = key, Year = 2020, QuotaHalfDays = 20, UsedHalfDays = 4 });
            db.OutboxMails.AddRange(
                new OutboxMail { To = "alt@example.org", Subject = "Alt", TextBody = "", TemplateId = "test", Status = OutboxStatus.Sent, CreatedAt = Now.AddMonths(-4), QueuedAt = Now.AddMonths(-4), NextAttemptAt = Now.AddMonths(-4), SentAt = Now.AddMonths(-4) },
                new OutboxMail { To = "neu@example.org", Subject = "Neu", TextBody = "", TemplateId = "test", Status = OutboxStatus.Sent, CreatedAt = Now.AddMonths(-2), QueuedAt = Now.AddMonths(-2), NextAttemptAt = Now.AddMonths(-2), SentAt = Now.AddMonths(-2) },
                new OutboxMail { To = "fehlgeschlagen@example.org", Subject = "Nicht zugestellt", TextBody = "Text", TemplateId = "test", Status = OutboxStatus.Failed, CreatedAt = Now.AddYears(-1), QueuedAt = Now.AddYears(-1), NextAttemptAt = Now.AddYears(-1) });
            db.AuditEntries.AddRange(
                new AuditEntry { At = Now.AddMonths(-13), Action = "security.sign-in.succeeded", Subject = "user:alt" },
                new AuditEntry { At = Now.AddMonths(-11), Action = "security.sign-in.succeeded", Subject = "user:neu" },
                new AuditEntry { At = Now.AddMonths(-13), Action = "advisor.consent.granted", Subject = "advisor:1" });
            return await db.SaveChangesAsync(Ct);
        });
        var statisticsBefore = await StatisticsAsync(app, pool.Id);
        var ledgerBefore = await LedgerAsync(app);

        Assert.Equal(JobOutcome.Ran, await RunJobAsync(app));

        var requests = await app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.ContactName, r.ContactEmail }).ToListAsync(Ct));
        Assert.Equal([(RetentionSweep.Anonymised, ""), ("Petra Kontakt", "kontakt@example.org")], requests.Select(r => (r.ContactName, r.ContactEmail)));
        Assert.Null(await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == old.Id).Select(e => e.FeedbackText).SingleAsync(Ct)));
        Assert.Equal([recent.Id], await app.WithDbAsync(db => db.EngagementComments.Select(c => c.EngagementId).ToListAsync(Ct)));
        Assert.Equal([RetentionSweep.Anonymised, "Petra Kontakt"], await app.WithDbAsync(db => db.Learnings.OrderBy(l => l.EngagementId).Select(l => l.AuthorName).ToListAsync(Ct)));
        // The days stay, billed by the statement that is kept, without the names of the people who were there.
        var days = await app.WithDbAsync(db => db.Activities.OrderBy(a => a.EngagementId).ThenBy(a => a.Id).Select(a => new { a.HalfDays, a.Participants, a.FeeStatementId }).ToListAsync(Ct));
        Assert.Equal([2, 2], days.Select(d => d.HalfDays));
        Assert.Null(days[0].Participants);
        Assert.Equal("Frau Kontakt, Herr Beispiel", days[1].Participants);
        Assert.All(days, d => Assert.NotNull(d.FeeStatementId));
        // Paid in January 2016: kept to the end of 2026. Paid in 2015: gone from 2026, with its receipt.
        Assert.Equal([(2015, 12)], await app.WithDbAsync(db => db.FeeStatements.Select(f => new ValueTuple<int, int>(f.Year, f.Month)).ToListAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.TravelCosts.CountAsync(Ct)));
        Assert.Equal(["advisor:1", "user:neu"], await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync(Ct)));

        // Sent mails go after three months; one that never arrived stays for the office to see.
        Assert.Equal(["fehlgeschlagen@example.org", "neu@example.org"], await app.WithDbAsync(db => db.OutboxMails.OrderBy(m => m.To).Select(m => m.To).ToListAsync(Ct)));
        Assert.Equal(statisticsBefore, await StatisticsAsync(app, pool.Id));
        Assert.Equal(ledgerBefore, await LedgerAsync(app));
        var counts = Assert.Single(await RunsAsync(app)).CountsByKind();
        Assert.Equal((1, 1, 1, 0, 1), (counts[RetentionKinds.ClosedEngagements], counts[RetentionKinds.FeeStatements], counts[RetentionKinds.SecurityAudit], counts[RetentionKinds.ChangeAudit], counts[RetentionKinds.SentMails]));

        // Done once: the next day's run finds nothing more to anonymise.
        await app.WithDbAsync(db => db.Set<JobLease>().ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunAt, Now.AddDays(-2)), Ct));
        Assert.Equal(JobOutcome.Ran, await RunJobAsync(app));
        Assert.Equal(0, (await RunsAsync(app))[^1].CountsByKind()[RetentionKinds.ClosedEngagements]);
    }

    private static Task<string> StatisticsAsync(TestApp app, int poolId) =>
        app.WithDbAsync(async db => JsonSerializer.Serialize(await PoolStatistics.ComputeAsync(db, poolId, "de", 2026, Ct)));

    private static Task<string> LedgerAsync(TestApp app) =>
        app.WithDbAsync(async db => JsonSerializer.Serialize(await db.DayQuotaAccounts.AsNoTracking().OrderBy(a => a.Year).ToListAsync(Ct)));

    [Fact]
    public async Task Two_instances_on_one_database_asking_at_once_run_the_job_once()
    {
        var (first, _) = await StartAsync();
        await using var _first = first;
        var (second, _) = await StartAsync(first.ConnectionString);
        await using var _second = second;

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => RunJobAsync(i % 2 == 0 ? first : second), Ct)).ToArray();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == JobOutcome.Ran));
        Assert.Single(await RunsAsync(first));
        Assert.Equal(JobOutcome.NotDue, await RunJobAsync(second));
    }

    [Fact]
    public async Task Two_app_instances_with_their_schedulers_on_one_database_run_the_daily_job_once()
    {
        var (first, time) = await StartAsync(scheduler: true);
        await using var _first = first;
        var second = new TestApp(importGazetteer: false).WithTime(time).With("ConnectionStrings:Default", first.ConnectionString)
            .With("Jobs:Enabled", "true").With("Jobs:PollInterval", "00:01:00");
        await second.InitializeAsync();
        await using var _second = second;

        // Both schedulers tick on the same fake clock: twenty ticks of a minute, well within the day.
        for (var tick = 0; tick < 20; tick++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100, Ct);
        }
        for (var wait = 0; wait < 50 && (await RunsAsync(first)).All(r => r.FinishedAt is null); wait++) await Task.Delay(100, Ct);

        var run = Assert.Single(await RunsAsync(first));
        Assert.NotNull(run.FinishedAt);
        var lease = await first.WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(l => l.Name == RetentionJob.JobName, Ct));
        Assert.Equal(run.Instance, lease.Holder);
        Assert.Null(lease.LeasedUntil);
    }

    [Fact]
    public async Task The_lease_of_a_crashed_instance_expires_and_another_instance_then_runs_the_job()
    {
        var (app, time) = await StartAsync();
        await using var _app = app;
        // An instance took the lease and died before it finished: no release, no stamp.
        await app.WithDbAsync(db =>
        {
            db.Add(new JobLease { Name = RetentionJob.JobName, Holder = "abgestuerzt/1/0000", LeasedUntil = Now.AddMinutes(30) });
            return db.SaveChangesAsync(Ct);
        });

        Assert.Equal(JobOutcome.HeldElsewhere, await RunJobAsync(app));
        Assert.Empty(await RunsAsync(app));

        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(JobOutcome.Ran, await RunJobAsync(app));
        Assert.Single(await RunsAsync(app));
        var lease = await app.WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(Ct));
        Assert.Equal(app.Services.GetRequiredService<JobInstance>().Id, lease.Holder);

        // Once a day: not again the same day, again the next.
        time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(JobOutcome.NotDue, await RunJobAsync(app));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(JobOutcome.Ran, await RunJobAsync(app));
        Assert.Equal(2, (await RunsAsync(app)).Count);
    }
}
