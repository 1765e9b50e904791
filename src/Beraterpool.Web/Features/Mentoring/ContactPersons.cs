using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Mentoring;

/// <summary>The advisor's individual contact person at the office: who may be chosen (the pool's coordinators) and who is.</summary>
public sealed class ContactPersons(AppDbContext db)
{
    public sealed record Choice(string UserId, string Name, string? Email);
    public sealed record Contact(string Name, string? Email, string? Phone);
    public sealed record Form(int AdvisorId, string AdvisorName, int PoolId, IReadOnlyList<Choice> Choices, string? CurrentUserId, string? CurrentPhone);

    public async Task<Form?> FormAsync(int advisorId, CancellationToken ct)
    {
        var advisor = await db.Advisors.AsNoTracking().Where(a => a.Id == advisorId)
            .Select(a => new { a.Id, a.PoolId, Name = a.FirstName + " " + a.LastName }).FirstOrDefaultAsync(ct);
        if (advisor is null) return null;
        var choices = await CoordinatorsAsync(advisor.PoolId, ct);
        var current = await db.AdvisorContactPersons.AsNoTracking().Where(c => c.AdvisorId == advisorId).Select(c => new { c.UserId, c.Phone }).FirstOrDefaultAsync(ct);
        return new Form(advisor.Id, advisor.Name, advisor.PoolId, choices, current?.UserId, current?.Phone);
    }

    public Task<List<Choice>> CoordinatorsAsync(int poolId, CancellationToken ct) =>
        db.PoolCoordinators.AsNoTracking().Where(c => c.PoolId == poolId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => u)
            .OrderBy(u => u.DisplayName ?? u.Email)
            .Select(u => new Choice(u.Id, u.DisplayName ?? u.Email ?? u.Id, u.Email))
            .ToListAsync(ct);

    /// <summary>The contact persons of the given advisors (the advisor's overview asks for their own profiles).</summary>
    public Task<List<Contact>> OfAsync(IReadOnlyCollection<int> advisorIds, CancellationToken ct) =>
        db.AdvisorContactPersons.AsNoTracking().Where(c => advisorIds.Contains(c.AdvisorId))
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new Contact(u.DisplayName ?? u.Email ?? "", u.Email, c.Phone ?? u.PhoneNumber))
            .Distinct()
            .ToListAsync(ct);
}
