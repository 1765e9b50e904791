using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>One municipality (official key) in one pool: what a municipality account covers.</summary>
public sealed record MunicipalityScope(int PoolId, string MunicipalityKey);

public sealed record Colleague(string UserId, string Name, string Email, DateTimeOffset Since, bool Invited, bool Pending);

/// <summary>
/// Which municipalities the signed-in contact speaks for, memoised per request like <see cref="PoolAccess"/>. A contact
/// belongs to a municipality in a pool when a colleague or the coordinator invited them, or when the office took up a
/// request they wrote for it (the intake talk vouches for the person). Writing a request alone does not: anyone can
/// name any municipality in the form, and would otherwise read everything of Köln. Own requests stay visible regardless.
/// </summary>
public sealed class MunicipalityAccess(AppDbContext db, PoolAccess pools)
{
    public static readonly RequestStatus[] Vouched = [RequestStatus.Intake, RequestStatus.Matching, RequestStatus.InProgress, RequestStatus.Completed];

    private IReadOnlyList<MunicipalityScope>? _scopes;

    public string? UserId => pools.UserId;

    public async Task<IReadOnlyList<MunicipalityScope>> ScopesAsync(CancellationToken ct = default)
    {
        if (_scopes is not null) return _scopes;
        if (pools.UserId is not { } id || !pools.User.IsInRole(Roles.MunicipalityContact)) return _scopes = [];
        var invited = await db.Set<MunicipalityMember>().Where(m => m.UserId == id)
            .Select(m => new { m.PoolId, m.MunicipalityKey }).ToListAsync(ct);
        var vouched = await db.ConsultationRequests.Where(r => r.ContactUserId == id && Vouched.Contains(r.Status))
            .Select(r => new { r.PoolId, r.MunicipalityKey }).Distinct().ToListAsync(ct);
        return _scopes = invited.Concat(vouched).Select(s => new MunicipalityScope(s.PoolId, s.MunicipalityKey)).Distinct().OrderBy(s => s.PoolId).ThenBy(s => s.MunicipalityKey, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> IsMemberAsync(int poolId, string municipalityKey, CancellationToken ct = default) =>
        (await ScopesAsync(ct)).Contains(new MunicipalityScope(poolId, municipalityKey));

    /// <summary>Members invite and remove colleagues; so does the coordinator of the pool (or an administrator).</summary>
    public async Task<bool> CanManageColleaguesAsync(MunicipalityScope scope, CancellationToken ct = default) =>
        await IsMemberAsync(scope.PoolId, scope.MunicipalityKey, ct) || await pools.CanManageAsync(scope.PoolId, ct);

    /// <summary>The requests the signed-in contact may see: their own, and all of their municipalities in those pools.</summary>
    public async Task<IQueryable<ConsultationRequest>> VisibleRequestsAsync(CancellationToken ct = default)
    {
        var userId = pools.UserId;
        var scopes = await ScopesAsync(ct);
        var keys = scopes.Select(s => s.MunicipalityKey).Distinct().ToList();
        var poolIds = scopes.Select(s => s.PoolId).Distinct().ToList();
        // Keys and pools as two lists preselect in SQL; each pair is checked exactly by the caller's Owns().
        return db.ConsultationRequests.AsNoTracking()
            .Where(r => (userId != null && r.ContactUserId == userId) || (keys.Contains(r.MunicipalityKey) && poolIds.Contains(r.PoolId)));
    }

    /// <summary>The exact check after <see cref="VisibleRequestsAsync"/>: own request, or one of the contact's scopes.</summary>
    public bool Owns(IReadOnlyList<MunicipalityScope> scopes, int poolId, string municipalityKey, string? contactUserId) =>
        (contactUserId is not null && contactUserId == pools.UserId) || scopes.Contains(new MunicipalityScope(poolId, municipalityKey));

    /// <summary>Everyone of the municipality's account: invited colleagues and the contacts the office vouched for.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(MunicipalityScope scope, CancellationToken ct = default)
    {
        var invited = await db.Set<MunicipalityMember>().Where(m => m.PoolId == scope.PoolId && m.MunicipalityKey == scope.MunicipalityKey)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, m.CreatedAt, Pending = u.PasswordHash == null && !u.EmailConfirmed })
            .ToListAsync(ct);
        var vouched = await db.ConsultationRequests
            .Where(r => r.PoolId == scope.PoolId && r.MunicipalityKey == scope.MunicipalityKey && r.ContactUserId != null && Vouched.Contains(r.Status))
            .Join(db.Users, r => r.ContactUserId, u => u.Id, (r, u) => new { u.Id, u.DisplayName, u.Email, r.CreatedAt })
            .ToListAsync(ct);
        return invited.Select(m => new Colleague(m.Id, m.DisplayName ?? m.Email ?? "", m.Email ?? "", m.CreatedAt, true, m.Pending))
            .Concat(vouched.Where(v => invited.All(m => m.Id != v.Id)).GroupBy(v => v.Id)
                .Select(g => new Colleague(g.Key, g.First().DisplayName ?? g.First().Email ?? "", g.First().Email ?? "", g.Min(v => v.CreatedAt), false, false)))
            .OrderBy(c => c.Since).ToList();
    }
}
