using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>
/// Everyone the product holds data about, found by an e-mail address: an account, the advisor profiles linked to the
/// account or kept under the address, and the requests whose contact the address (or the account) is — so also a
/// municipality contact who never had an account.
/// </summary>
public sealed record Person(string Email, AppUser? Account, IReadOnlyList<int> AdvisorIds, IReadOnlyList<int> ContactRequestIds, IReadOnlyList<string> Names,
    IReadOnlyList<int> EventRegistrationIds, IReadOnlyList<int> ContactIds, IReadOnlyList<int>? ApplicationIds = null)
{
    public IReadOnlyList<int> ApplicationIdList => ApplicationIds ?? [];
    public bool Found => Account is not null || AdvisorIds.Count > 0 || ContactRequestIds.Count > 0 || EventRegistrationIds.Count > 0 || ContactIds.Count > 0 || ApplicationIdList.Count > 0;
    public string? UserId => Account?.Id;
    /// <summary>The name to show the administrator: the account's, else a profile's or a request's.</summary>
    public string DisplayName => Names.FirstOrDefault() ?? Email;
}

public sealed class PersonFinder(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<Person?> ByUserIdAsync(string? userId, CancellationToken ct) =>
        userId is not null && await users.FindByIdAsync(userId) is { } account ? await FindAsync(account.Email ?? "", account, ct) : null;

    public async Task<Person> ByEmailAsync(string email, CancellationToken ct)
    {
        var address = email.Trim();
        return await FindAsync(address, await users.FindByEmailAsync(address), ct);
    }

    private async Task<Person> FindAsync(string email, AppUser? account, CancellationToken ct)
    {
        var lower = email.ToLowerInvariant();
        var userId = account?.Id;
        var advisors = await db.Advisors.AsNoTracking()
            .Where(a => (userId != null && a.UserId == userId) || (lower != "" && a.Email.ToLower() == lower))
            .OrderBy(a => a.Id).Select(a => new { a.Id, Name = a.FirstName + " " + a.LastName }).ToListAsync(ct);
        var requests = await db.ConsultationRequests.AsNoTracking()
            .Where(r => (userId != null && r.ContactUserId == userId) || (lower != "" && r.ContactEmail.ToLower() == lower))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.ContactName }).ToListAsync(ct);
        var accountEmail = account?.Email?.ToLowerInvariant() ?? lower;
        var registrations = await db.EventRegistrations.AsNoTracking()
            .Where(r => (lower != "" && r.Email.ToLower() == lower) || r.Email.ToLower() == accountEmail)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.Email != null && ((lower != "" && c.Email.ToLower() == lower) || c.Email.ToLower() == accountEmail))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => (lower != "" && a.Email.ToLower() == lower) || a.Email.ToLower() == accountEmail)
            .OrderBy(a => a.Id).Select(a => new { a.Id, Name = a.FirstName + " " + a.LastName }).ToListAsync(ct);
        var names = new[] { account?.DisplayName }.Concat(advisors.Select(a => a.Name)).Concat(requests.Select(r => r.ContactName)).Concat(registrations.Select(r => r.Name)).Concat(contacts.Select(c => c.Name)).Concat(applications.Select(a => a.Name))
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new Person(account?.Email ?? email, account, advisors.Select(a => a.Id).ToList(), requests.Select(r => r.Id).ToList(), names,
            registrations.Select(r => r.Id).ToList(), contacts.Select(c => c.Id).ToList(), applications.Select(a => a.Id).ToList());
    }
}
