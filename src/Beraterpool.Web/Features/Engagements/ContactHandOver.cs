using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Engagements;

public enum ContactChannel { Email = 1, Phone = 2, VideoCall = 3 }

/// <summary>
/// Contact details one side hands over to the other when the engagement starts. An advisor's row exists only with
/// their consent, given when accepting the proposal (GDPR Art. 6 (1) a); the municipality contact's e-mail and phone
/// come from the request, so their row (AdvisorId null) only records the channel they prefer.
/// </summary>
public sealed class ContactShare
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    /// <summary>Null for the municipality contact.</summary>
    public int? AdvisorId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactChannel Channel { get; set; } = ContactChannel.Email;
    public DateTimeOffset SharedAt { get; set; }
    public string? SharedByUserId { get; set; }
}

public sealed class ContactShareConfiguration : IEntityTypeConfiguration<ContactShare>
{
    public void Configure(EntityTypeBuilder<ContactShare> b)
    {
        b.HasIndex(x => new { x.RequestId, x.AdvisorId }).IsUnique();
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One side's contact as the other side sees it; Shared false = the advisor kept their details to themselves.</summary>
public sealed record HandedOverContact(string Name, string? Function, string? Email, string? Phone, ContactChannel? Channel, bool Shared);

/// <summary>Reads what each side of a request's engagement may see of the other.</summary>
public sealed class ContactHandOver(AppDbContext db)
{
    public async Task<IReadOnlyList<(int AdvisorId, HandedOverContact Contact)>> AdvisorsAsync(int requestId, IReadOnlyCollection<int> advisorIds, CancellationToken ct)
    {
        var ids = advisorIds.ToList();
        var rows = await db.Advisors.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, Name = a.FirstName + " " + a.LastName,
                Share = db.Set<ContactShare>().Where(s => s.RequestId == requestId && s.AdvisorId == a.Id).Select(s => new { s.Email, s.Phone, s.Channel }).FirstOrDefault(),
            })
            .OrderBy(a => a.Name).ToListAsync(ct);
        return rows.Select(a => (a.Id, a.Share is null
            ? new HandedOverContact(a.Name, null, null, null, null, false)
            : new HandedOverContact(a.Name, null, a.Share.Email, a.Share.Phone, a.Share.Channel, true))).ToList();
    }

    public async Task<HandedOverContact> MunicipalityAsync(int requestId, CancellationToken ct)
    {
        var r = await db.ConsultationRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new
            {
                r.ContactName, r.ContactFunction, r.ContactEmail, r.ContactPhone,
                Channel = db.Set<ContactShare>().Where(s => s.RequestId == requestId && s.AdvisorId == null).Select(s => (ContactChannel?)s.Channel).FirstOrDefault(),
            })
            .SingleAsync(ct);
        return new HandedOverContact(r.ContactName, r.ContactFunction, r.ContactEmail, r.ContactPhone, r.Channel, true);
    }

    /// <summary>Records the municipality contact's preferred channel (one row per request).</summary>
    public async Task SetMunicipalityChannelAsync(int requestId, ContactChannel channel, string? userId, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Set<ContactShare>().FirstOrDefaultAsync(s => s.RequestId == requestId && s.AdvisorId == null, ct);
        if (row is null) db.Set<ContactShare>().Add(row = new ContactShare { RequestId = requestId });
        row.Channel = channel;
        row.SharedAt = now;
        row.SharedByUserId = userId;
    }
}
