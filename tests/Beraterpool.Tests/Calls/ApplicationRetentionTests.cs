using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Calls;

/// <summary>Declined applications go six months after the decision; newer ones and undecided ones stay; unsent uploads go after a day.</summary>
public sealed class ApplicationRetentionTests(ApplicationRetentionTests.App app) : IClassFixture<ApplicationRetentionTests.App>
{
    public sealed class App : TestApp
    {
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        public App() : base(importGazetteer: false) => WithTime(Time);
    }

    [Fact]
    public async Task The_job_deletes_declined_applications_older_than_their_pools_period_with_their_files_and_keeps_the_rest()
    {
        var coordinator = await app.CreateUserAsync("koord-frist@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync("frist", coordinator.Id);
        var patient = await app.CreatePoolAsync("frist-lang", coordinator.Id);
        var now = app.Time.GetUtcNow();
        var ids = await app.WithDbAsync(async db =>
        {
            // The other pool keeps declined applications for a year.
            (await db.Pools.SingleAsync(p => p.Id == patient.Id)).ApplicationRetentionMonths = 12;
            var call = new Call { PoolId = pool.Id, Title = "Alt", OpensAt = now.AddYears(-1), ClosesAt = now.AddMonths(-8), CreatedAt = now, UpdatedAt = now };
            var patientCall = new Call { PoolId = patient.Id, Title = "Alt", OpensAt = now.AddYears(-1), ClosesAt = now.AddMonths(-8), CreatedAt = now, UpdatedAt = now };
            db.Calls.AddRange(call, patientCall);
            await db.SaveChangesAsync();
            Application Make(string email, ApplicationStatus status, DateTimeOffset? decided, Call? other = null) => new()
            {
                CallId = (other ?? call).Id, PoolId = (other ?? call).PoolId, FirstName = "A", LastName = "B", Email = email, Motivation = "M", TokenHash = ApplicationDesk.Hash(email),
                Status = status, DecidedAt = decided, DecisionSentAt = decided, SubmittedAt = now.AddMonths(-9), UpdatedAt = now.AddMonths(-9),
            };
            var old = Make("alt@example.org", ApplicationStatus.Declined, now.AddMonths(-6).AddDays(-1));
            var recent = Make("neu@example.org", ApplicationStatus.Declined, now.AddMonths(-5));
            var accepted = Make("angenommen@example.org", ApplicationStatus.Accepted, now.AddMonths(-7));
            var keptLonger = Make("laenger@example.org", ApplicationStatus.Declined, now.AddMonths(-7), patientCall);
            // Drafted, never told: the period has not begun.
            var unsent = Make("entwurf@example.org", ApplicationStatus.Declined, null);
            unsent.DecidedAt = now.AddMonths(-7);
            db.Applications.AddRange(old, recent, accepted, keptLonger, unsent);
            await db.SaveChangesAsync();
            db.ApplicationFiles.Add(new ApplicationFile { ApplicationId = old.Id, FileName = "cv.pdf", ContentType = "application/pdf", Content = [1], UploadedAt = now });
            db.ApplicationFiles.Add(new ApplicationFile { PendingTokenHash = "x", FileName = "offen.pdf", ContentType = "application/pdf", Content = [1], UploadedAt = now.AddDays(-2) });
            await db.SaveChangesAsync();
            return (old.Id, recent.Id, accepted.Id, keptLonger.Id, unsent.Id);
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await new ApplicationJob().RunAsync(scope.ServiceProvider, new Beraterpool.Web.Features.Jobs.JobRun("test", app.Time.GetUtcNow(), null), TestContext.Current.CancellationToken);

        var left = await app.WithDbAsync(db => db.Applications.Select(a => a.Id).ToListAsync());
        Assert.DoesNotContain(ids.Item1, left);
        Assert.Contains(ids.Item2, left);
        Assert.Contains(ids.Item3, left);
        Assert.Contains(ids.Item4, left);
        Assert.Contains(ids.Item5, left);
        Assert.False(await app.WithDbAsync(db => db.ApplicationFiles.AnyAsync(f => f.ApplicationId == ids.Item1 || f.FileName == "offen.pdf")));
    }
}
