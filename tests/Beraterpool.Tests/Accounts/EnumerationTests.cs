using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beraterpool.Tests.Accounts;

/// <summary>
/// The sign-in never tells whether an address has an account: the same message for an unknown address, a wrong
/// password and a locked account, and the same work — the password hasher runs for unknown addresses and locked
/// accounts too (counted here rather than timed: a timing test would be flaky on a shared machine).
/// </summary>
public sealed partial class EnumerationTests(EnumerationTests.App app) : IClassFixture<EnumerationTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App() : TestApp(importGazetteer: false)
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<AppUser>>(sp =>
                Hasher.Around(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        }
    }

    /// <summary>Counts the checks of a password against a hash, whoever the account.</summary>
    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private IPasswordHasher<AppUser>? _inner;
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);

        public CountingHasher Around(IPasswordHasher<AppUser> inner)
        {
            _inner = inner;
            return this;
        }

        public string HashPassword(AppUser user, string password) => _inner!.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner!.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<string> MessageAsync(string email, string password)
    {
        var response = await app.Browser().PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", password)]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var summary = Summary().Match(html);
        Assert.True(summary.Success, "the page shows an error summary");
        return Html.Text(summary.Groups[1].Value);
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_message()
    {
        await app.CreateUserAsync("bekannt@example.org", Roles.Advisor);
        var known = await MessageAsync("bekannt@example.org", "falsches-passwort");
        var unknown = await MessageAsync("unbekannt@example.org", "falsches-passwort");

        Assert.Equal(known, unknown);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", known);
    }

    [Fact]
    public async Task A_locked_account_gets_the_same_message_as_an_unknown_address_tried_as_often()
    {
        await app.CreateUserAsync("sperre@example.org", Roles.Advisor);
        for (var i = 0; i < 5; i++)
        {
            await MessageAsync("sperre@example.org", "falsch-" + i);
            await MessageAsync("keine-sperre@example.org", "falsch-" + i);
        }
        var locked = await MessageAsync("sperre@example.org", TestUsers.Password);
        var unknown = await MessageAsync("keine-sperre@example.org", TestUsers.Password);

        Assert.Equal(locked, unknown);
        Assert.Contains("für 15 Minuten gesperrt", locked);
    }

    [Fact]
    public async Task The_password_hasher_runs_for_an_unknown_address_and_for_a_locked_account()
    {
        var before = app.Hasher.Verifications;
        await MessageAsync("gibt-es-nicht@example.org", "irgendein-passwort");
        Assert.True(app.Hasher.Verifications > before, "no hashing for an unknown address: it answers faster than a real account");

        await app.CreateUserAsync("schnell-gesperrt@example.org", Roles.Advisor);
        for (var i = 0; i < 5; i++) await MessageAsync("schnell-gesperrt@example.org", "falsch-" + i);
        before = app.Hasher.Verifications;
        await MessageAsync("schnell-gesperrt@example.org", "noch-ein-versuch");
        Assert.True(app.Hasher.Verifications > before, "no hashing for a locked account: it answers faster than an unlocked one");
    }

    [Fact]
    public async Task Security_events_of_failed_sign_ins_hold_no_password_and_only_a_masked_address()
    {
        await MessageAsync("anna.geheim@example.org", "Mein-Geheimes-Passwort-1");
        var entries = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.Action == "security.sign-in.failed" && e.Subject == "account:unknown")));
        var entry = Assert.Single(entries, e => e.Details?.Contains("a***@example.org") == true);
        Assert.DoesNotContain("anna.geheim", entry.Details);
        Assert.DoesNotContain("Geheimes", entry.Details);
        Assert.Equal("a***@example.org", SecurityEvents.Mask("anna.geheim@example.org"));
        Assert.Equal("***", SecurityEvents.Mask("kein-at-zeichen"));
    }

    [GeneratedRegex("<ul class=\"error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex Summary();
}
