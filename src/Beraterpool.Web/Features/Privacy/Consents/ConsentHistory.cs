using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy.Consents;

/// <summary>Writes and reads the consent history (<see cref="ConsentRecord"/>).</summary>
public static class ConsentHistory
{
    /// <summary>Adds a grant or withdrawal of an advisor's field consent to the context; it is saved with the change itself.</summary>
    public static void RecordAdvisorConsent(this AppDbContext db, int poolId, int advisorId, ConsentField field, ConsentAction action,
        string via, string? byUserId, DateTimeOffset at) =>
        db.ConsentRecords.Add(new ConsentRecord
        {
            PoolId = poolId, AdvisorId = advisorId, Purpose = ConsentPurposes.Publish(field), Wording = ConsentWordings.ForField(field),
            Action = action, At = at, Via = via, ByUserId = byUserId,
        });

    /// <summary>The request form's consent to process the request, given by its contact person.</summary>
    public static void RecordRequestConsent(this AppDbContext db, int poolId, int requestId, string contactName, string contactEmail, DateTimeOffset at) =>
        db.ConsentRecords.Add(new ConsentRecord
        {
            PoolId = poolId, RequestId = requestId, Purpose = ConsentPurposes.RequestProcessing, Wording = ConsentWordings.RequestV1,
            Action = ConsentAction.Granted, At = at, Via = ConsentWays.RequestForm, ByName = Truncate($"{contactName} <{contactEmail}>", 200),
        });

    public sealed record Row(DateTimeOffset At, string Purpose, ConsentField? Field, ConsentAction Action, string Wording, string? WordingText,
        string Via, string? ByName, bool BySelf);

    /// <summary>An advisor's whole history, newest first; "by whom" is the account's name, or "self" for the advisor's own account.</summary>
    public static async Task<IReadOnlyList<Row>> ForAdvisorAsync(AppDbContext db, int advisorId, CancellationToken ct)
    {
        var ownUserId = await db.Advisors.Where(a => a.Id == advisorId).Select(a => a.UserId).FirstOrDefaultAsync(ct);
        var rows = await db.ConsentRecords.AsNoTracking().Where(r => r.AdvisorId == advisorId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.At, r.Purpose, r.Action, r.Wording, r.Via, r.ByUserId, r.ByName,
                Account = db.Users.Where(u => u.Id == r.ByUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.At, r.Purpose, ConsentPurposes.FieldOf(r.Purpose), r.Action, r.Wording,
            ConsentWordings.Texts.GetValueOrDefault(r.Wording), r.Via, r.Account ?? r.ByName,
            r.ByUserId is not null && r.ByUserId == ownUserId)).ToList();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
