using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Requests;

namespace Beraterpool.Tests.Requests;

/// <summary>A few register rows (instead of importing all 16,000) and requests stored directly, for the request tests.</summary>
public static class RequestArrange
{
    public const string Koeln = "05315000";
    public const string Hamm = "05915000";
    public const string Stuttgart = "08111000";

    public static Task SeedRegisterAsync(this TestApp app) => app.WithDbAsync(async db =>
    {
        if (db.States.Any()) return 0;
        db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
        db.States.Add(new State { Code = "08", Name = "Baden-Württemberg" });
        db.Municipalities.Add(Place(Koeln, "Köln, Stadt", "Köln", "61", "05", "05315", "50667", 1_084_831));
        db.Municipalities.Add(Place(Hamm, "Hamm, Stadt", "Hamm", "61", "05", "05915", "59065", 178_967));
        db.Municipalities.Add(Place(Stuttgart, "Stuttgart, Landeshauptstadt", "Stuttgart", "61", "08", "08111", "70173", 632_865));
        return await db.SaveChangesAsync();
    });

    private static Municipality Place(string key, string name, string shortName, string type, string state, string district, string postcode, int population) => new()
    {
        OfficialKey = key, Level = MunicipalityLevel.Municipality, Name = name, ShortName = shortName, SearchName = MunicipalityNames.Fold(shortName),
        TypeCode = type, StateCode = state, DistrictKey = district, PostalCode = postcode, Population = population, ImportedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Stores a request as the form would, and returns its id and the secret of its personal link.</summary>
    public static Task<(int Id, string Token)> CreateRequestAsync(this TestApp app, int poolId, string municipalityKey = Koeln,
        string email = "kontakt@koeln.example", string? contactUserId = null, string goal = "Migrant*innen in Projekte einbinden",
        RequestStatus status = RequestStatus.Submitted) =>
        app.WithDbAsync(async db =>
        {
            var token = ConsultationRequests.NewTrackingToken();
            var reference = $"BA-T-{Guid.NewGuid():N}"[..20];
            var now = DateTimeOffset.UtcNow;
            var request = new ConsultationRequest
            {
                PoolId = poolId, Reference = reference, MunicipalityKey = municipalityKey, ContactName = "Erika Beispiel", ContactEmail = email,
                Goal = goal, Need = "Wir wissen nicht, wen wir ansprechen sollen.", Format = ConsultationFormat.Mixed, ConsentGivenAt = now,
                TrackingTokenHash = ConsultationRequests.HashToken(token), ContactUserId = contactUserId, Status = status,
                CreatedAt = now.AddDays(-3), UpdatedAt = now,
            };
            request.StatusChanges.Add(new RequestStatusChange { To = RequestStatus.Submitted, At = now.AddDays(-3), ActorName = "Erika Beispiel" });
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            return (request.Id, token);
        });

    /// <summary>All mails in the outbox to one address, oldest first, as "Subject\n\nbody".</summary>
    public static List<string> MailsTo(this TestApp app, string address)
    {
        if (!Directory.Exists(app.OutboxFolder)) return [];
        return new DirectoryInfo(app.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name)
            .Select(f => { using var m = MimeKit.MimeMessage.Load(f.FullName); return (To: m.To.ToString(), Text: $"Subject: {m.Subject}\n\n{m.TextBody}"); })
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Text).ToList();
    }
}
