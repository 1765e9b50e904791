using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Fees;

/// <summary>
/// A pool with a coordinator and an advisor who has an engagement in a municipality, arranged in the database
/// (requests, matching and the engagement record are other slices' pages).
/// </summary>
public sealed record FeeWorld(HttpClient Advisor, HttpClient Coordinator, int PoolId, int AdvisorId, string AdvisorName, int EngagementId, string AdvisorEmail);

public static class FeeArrange
{
    public const string MunicipalityKey = "05314000";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<FeeWorld> WorldAsync(this TestApp app, string name, string lastName = "Müller-Öztürk")
    {
        await EnsureMunicipalityAsync(app);
        var coordinatorEmail = $"coord-{name}@example.org";
        var coordinator = await app.SignedInBrowserAsync(coordinatorEmail, Roles.Coordinator);
        var coordinatorId = await UserIdAsync(app, coordinatorEmail);
        var pool = await app.CreatePoolAsync($"fees-{name}", coordinatorId);
        var advisorEmail = $"adv-{name}@example.org";
        // With a password, set before the cookie is issued: changing bank details asks for it.
        await app.CreateUserAsync(advisorEmail);
        var advisorClient = await app.SignedInBrowserAsync(advisorEmail, Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"adv-{name}", await UserIdAsync(app, advisorEmail));
        var engagementId = await app.WithDbAsync(async db =>
        {
            var a = await db.Advisors.SingleAsync(x => x.Id == advisor.Id);
            a.FirstName = "Ayşe";
            a.LastName = lastName;
            var now = DateTimeOffset.UtcNow;
            var request = new ConsultationRequest
            {
                PoolId = pool.Id, Reference = "BA-" + Guid.NewGuid().ToString("N")[..10], MunicipalityKey = MunicipalityKey, ContactName = "Frau Kontakt",
                ContactEmail = "kontakt@bonn.example", Goal = "Ziel", Need = "Bedarf", TrackingTokenHash = Guid.NewGuid().ToString("N"),
                Status = RequestStatus.InProgress, CreatedAt = now, UpdatedAt = now, ConsentGivenAt = now,
            };
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            var engagement = new Engagement { PoolId = pool.Id, RequestId = request.Id, MunicipalityKey = MunicipalityKey, StartedAt = now };
            engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = now });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            return engagement.Id;
        });
        return new FeeWorld(advisorClient, coordinator, pool.Id, advisor.Id, $"Ayşe {lastName}", engagementId, advisorEmail);
    }

    public static async Task<int> ActivityAsync(this TestApp app, FeeWorld w, DateOnly date, int halfDays, bool approved = true,
        ActivityKind kind = ActivityKind.Workshop) =>
        await app.WithDbAsync(async db =>
        {
            var activity = new Activity
            {
                EngagementId = w.EngagementId, AdvisorId = w.AdvisorId, Date = date, HalfDays = halfDays, Kind = kind, CreatedAt = DateTimeOffset.UtcNow,
                ApprovedAt = approved ? DateTimeOffset.UtcNow : null,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

    /// <summary>Stores bank details as the page would (encrypted IBAN).</summary>
    public static async Task BankAsync(this TestApp app, FeeWorld w, string iban = "DE89370400440532013000", string? taxNumber = "205/5771/0815",
        string? bic = null) =>
        await app.WithDbAsync(async db =>
        {
            var protector = app.Services.GetRequiredService<IbanProtector>();
            db.AdvisorBankDetails.Add(new AdvisorBankDetails
            {
                AdvisorId = w.AdvisorId, AccountHolder = w.AdvisorName, IbanProtected = protector.Protect(iban), IbanLast4 = iban[^4..],
                Street = "Königstraße 12", PostalCode = "53113", City = "Bonn", TaxNumber = taxNumber, Bic = bic, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Creates the month's statement through the advisor's page; returns its id.</summary>
    public static async Task<int> CreateStatementAsync(this TestApp app, FeeWorld w, string month = "2026-11")
    {
        var response = await w.Advisor.PostFormAsync("/me/fees?handler=Create", [new("Month", month)], "/me/fees");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        return int.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    public static Task<FeeStatement> StatementAsync(this TestApp app, int id) =>
        app.WithDbAsync(db => db.FeeStatements.AsNoTracking().SingleAsync(s => s.Id == id));

    public static Task<int?> BilledOnAsync(this TestApp app, int activityId) =>
        app.WithDbAsync(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.FeeStatementId).SingleAsync());

    private static async Task<string> UserIdAsync(TestApp app, string email)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task EnsureMunicipalityAsync(TestApp app)
    {
        await Gate.WaitAsync();
        try
        {
            await app.WithDbAsync(async db =>
            {
                if (await db.Municipalities.AnyAsync(m => m.OfficialKey == MunicipalityKey)) return 0;
                if (!await db.States.AnyAsync(s => s.Code == "05")) db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
                db.Municipalities.Add(new Municipality
                {
                    OfficialKey = MunicipalityKey, Level = MunicipalityLevel.Municipality, Name = "Bonn, Stadt", ShortName = "Bonn", SearchName = "bonn",
                    TypeCode = "61", StateCode = "05", DistrictKey = "05314", ImportedAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync();
                return 0;
            });
        }
        finally
        {
            Gate.Release();
        }
    }
}
