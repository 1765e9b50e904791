using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Requests;

/// <summary>Requests sent at the same moment each get their own number, timeline entry and audit entry.</summary>
public sealed class RequestSubmissionConcurrencyTests(RequestSubmissionConcurrencyTests.App app) : IClassFixture<RequestSubmissionConcurrencyTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    [Fact]
    public async Task Six_requests_at_once_get_six_numbers_each_with_its_audit_entry()
    {
        await app.SeedRegisterAsync();
        var pool = await app.CreatePoolAsync("gleichzeitig");

        await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            await using var scope = app.Scope();
            var now = DateTimeOffset.UtcNow;
            await scope.ServiceProvider.GetRequiredService<ConsultationRequests>().SaveNewAsync(new ConsultationRequest
            {
                PoolId = pool.Id, Reference = "", MunicipalityKey = RequestArrange.Koeln, ContactName = $"Kontakt {i}", ContactEmail = $"gleich-{i}@example.org",
                Goal = "Ziel", Need = "Bedarf", TrackingTokenHash = Guid.NewGuid().ToString("N"), ConsentGivenAt = now,
            }, TestContext.Current.CancellationToken);
        }));

        var (references, audited) = await app.WithDbAsync(async db =>
        {
            var ids = await db.ConsultationRequests.Where(r => r.PoolId == pool.Id).Select(r => new { r.Id, r.Reference }).ToListAsync();
            var subjects = ids.Select(r => $"request:{r.Id}").ToList();
            return (ids.Select(r => r.Reference).ToList(),
                await db.AuditEntries.Where(e => e.Action == "request.submitted" && subjects.Contains(e.Subject)).CountAsync());
        });
        Assert.Equal(6, references.Distinct().Count());
        Assert.Equal(6, audited);
    }
}
