using System.Net;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Infrastructure;

/// <summary>Arranges accounts, pools and advisors through the app's own services, and signs in over HTTP.</summary>
public static class TestUsers
{
    public const string Password = "Sicheres-Passwort-123";

    public static async Task<AppUser> CreateUserAsync(this TestApp app, string email, params string[] roles)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles) await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A client signed in as a new user with the given roles.</summary>
    public static async Task<HttpClient> SignedInAsync(this TestApp app, string email, params string[] roles)
    {
        await app.CreateUserAsync(email, roles);
        return await app.SignInAsync(email);
    }

    public static async Task<HttpClient> SignInAsync(this TestApp app, string email, string password = Password)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<Pool> CreatePoolAsync(this TestApp app, string slug, string? coordinatorUserId = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var pool = new Pool
            {
                Slug = slug, Name = $"Pool {slug}", BrandName = $"Marke {slug}", ContactEmail = $"{slug}@example.org", StateCodes = ["05"],
                DayRate = 250m, IsDefault = !db.Pools.Any(), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Pools.Add(pool);
            await db.SaveChangesAsync();
            pool.Topics.Add(new Topic { PoolId = pool.Id, Slug = "fairer-handel", NameDe = "Fairer Handel", SortOrder = 10 });
            pool.Topics.Add(new Topic { PoolId = pool.Id, Slug = "agenda-2030", NameDe = "Agenda 2030", SortOrder = 20 });
            if (coordinatorUserId is not null) db.PoolCoordinators.Add(new PoolCoordinator { PoolId = pool.Id, UserId = coordinatorUserId });
            await app.Services.GetRequiredService<DataVersions>().SaveChangesAsync(db, DataVersions.Catalogue);
            return pool;
        });
    }

    public static async Task<Advisor> CreateAdvisorAsync(this TestApp app, int poolId, string slug, string? userId = null, params ConsentField[] consents)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var advisor = new Advisor
            {
                PoolId = poolId, Slug = slug, FirstName = "Vorname", LastName = slug, Email = $"{slug}@example.org", UserId = userId,
                Status = AdvisorStatus.Active, Bio = "Alte Biografie", CreatedAt = now, UpdatedAt = now,
            };
            foreach (var c in consents) advisor.Consents.Add(new AdvisorConsent { Field = c, GrantedAt = now.AddDays(-30) });
            db.Advisors.Add(advisor);
            await db.SaveChangesAsync();
            return advisor;
        });
    }

    /// <summary>The newest .eml file of the outbox, as text.</summary>
    public static string LatestMail(this TestApp app)
    {
        var file = new DirectoryInfo(app.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name).Last();
        using var message = MimeKit.MimeMessage.Load(file.FullName);
        return $"To: {message.To}\nSubject: {message.Subject}\n\n{message.TextBody}";
    }

    public static int MailCount(this TestApp app) =>
        Directory.Exists(app.OutboxFolder) ? Directory.GetFiles(app.OutboxFolder, "*.eml").Length : 0;

    /// <summary>The first link in a mail that points at <paramref name="path"/>, made relative for the test client.</summary>
    public static string LinkIn(string mail, string path)
    {
        var m = System.Text.RegularExpressions.Regex.Match(mail, "https?://[^\\s/]+(" + System.Text.RegularExpressions.Regex.Escape(path) + "\\?\\S+)");
        Assert.True(m.Success, $"No link to {path} in:\n{mail}");
        return m.Groups[1].Value;
    }
}
