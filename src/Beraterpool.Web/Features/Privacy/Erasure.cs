using System.Security.Cryptography;
using System.Text.Json;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Fees;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>What an erasure does, per record kind, before and after: the confirmation page shows it, the receipt keeps it.</summary>
public sealed record ErasureCounts(IReadOnlyDictionary<string, int> Erased, IReadOnlyDictionary<string, int> Anonymised, IReadOnlyDictionary<string, int> Kept);

/// <summary>
/// Art. 17: erases a <see cref="Person"/>. What is about the person alone is deleted (account, profile fields, photo,
/// countries of origin, languages, topics, consents, bank details, shared contact details, uploads, outbox mails).
/// What others rely on stays, without the person: their profile row, requests, activities and engagement texts are
/// anonymised — so statistics, the quota ledger and the counts of engagements and days stay correct — and their name,
/// e-mail and phone are removed from every text column of every table. Fee statements and their receipts are kept for
/// tax law (§ 147 AO, 10 years; the retention job deletes them later). A receipt without personal data is kept.
/// </summary>
public sealed class Erasure(AppDbContext db, UserManager<AppUser> users, FeeStatements fees, EmailSender outbox, DataVersions versions, TimeProvider time, ILogger<Erasure> log)
{
    public const string ErasedName = "Gelöschte Person";

    /// <summary>Kept for tax law, and erased later by the retention job: the text scrub leaves them as they are.</summary>
    public static readonly Type[] KeptForTaxLaw = [typeof(FeeStatement), typeof(TravelCost)];

    /// <summary>The German name of each record kind (keys of <see cref="ErasureCounts"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["account"] = "Konto mit Rollen, Anmeldungen und Sicherheitsdaten",
        ["photos"] = "Profilfotos",
        ["countries"] = "Herkunftsländer",
        ["languages"] = "Sprachen",
        ["topics"] = "Themen im Profil",
        ["consents"] = "Einwilligungen",
        ["blockedPeriods"] = "Zeiten ohne Verfügbarkeit",
        ["bankDetails"] = "Bankverbindungen",
        ["contactShares"] = "weitergegebene Kontaktdaten",
        ["documents"] = "hochgeladene Dokumente",
        ["outboxMails"] = "E-Mails im Postausgang",
        ["eventRegistrations"] = "Anmeldungen zu Veranstaltungen",
        ["applications"] = "Bewerbungen auf Ausschreibungen (mit Antworten und Dateien)",
        ["seminarAttendance"] = "Zu- und Absagen und Anwesenheit in Seminaren",
        ["certificates"] = "Zertifikate (der Prüfcode bestätigt keinen Namen mehr)",
        ["mentorships"] = "Mentoring mit Zielen und Treffen",
        ["contactPersons"] = "Zuordnungen zur Ansprechperson in der Koordinierungsstelle",
        ["stakeholderContacts"] = "Kontakte im Netzwerk des Pools (mit Verlauf und Wiedervorlagen)",
        ["advisorProfiles"] = "Berater*innen-Profile (Name, Adresse, alle Angaben)",
        ["requests"] = "Anfragen (Kontaktangaben der Ansprechperson)",
        ["reflections"] = "Reflexionen zu Begleitungen",
        ["invitations"] = "Vorschläge für Anfragen (Begründungen)",
        ["activities"] = "Tätigkeiten (Beratungstage)",
        ["texts"] = "Erkenntnisse, Kommentare, Nachrichten und Notizen (Verfasser*in)",
        ["statusChanges"] = "Schritte im Verlauf von Anfragen",
        ["auditEntries"] = "Protokolleinträge",
        ["mentions"] = "Textfelder, in denen Name, E-Mail oder Telefon vorkamen",
        ["feeStatements"] = "Honorarabrechnungen",
        ["receipts"] = "Belege zu Reisekosten",
    };

    public async Task<string?> RefusalAsync(Person person, string? actingUserId, CancellationToken ct)
    {
        if (!person.Found) return "Zu dieser E-Mail-Adresse ist nichts gespeichert.";
        if (person.UserId is { } id && id == actingUserId)
            return "Sie können Ihr eigenes Konto nicht löschen. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum.";
        if (person.Account is { } account && await users.IsInRoleAsync(account, Roles.Administrator)
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
            return "Dies ist das letzte Konto mit der Rolle Administration. Vergeben Sie die Rolle zuerst an eine andere Person.";
        return null;
    }

    /// <summary>What <see cref="EraseAsync"/> would do, counted without changing anything.</summary>
    public async Task<ErasureCounts> PlanAsync(Person person, CancellationToken ct)
    {
        var q = new Scope(db, person);
        var erased = new Dictionary<string, int>
        {
            ["account"] = person.Account is null ? 0 : 1,
            ["photos"] = await q.Photos.CountAsync(ct),
            ["countries"] = await q.Countries.CountAsync(ct),
            ["languages"] = await q.Languages.CountAsync(ct),
            ["topics"] = await q.Topics.CountAsync(ct),
            ["consents"] = await q.Consents.CountAsync(ct),
            ["blockedPeriods"] = await q.BlockedPeriods.CountAsync(ct),
            ["bankDetails"] = await q.Bank.CountAsync(ct),
            ["contactShares"] = await q.Shares.CountAsync(ct),
            ["documents"] = await q.Documents.CountAsync(ct),
            ["outboxMails"] = OutboxFiles(person).Count + await OutboxRows(person).CountAsync(ct),
            ["eventRegistrations"] = person.EventRegistrationIds.Count,
            ["applications"] = person.ApplicationIdList.Count,
            ["seminarAttendance"] = await SeminarAttendance(person).CountAsync(ct),
            ["mentorships"] = await q.Mentorships.CountAsync(ct),
            ["contactPersons"] = await q.ContactPersons.CountAsync(ct),
            ["stakeholderContacts"] = person.ContactIds.Count,
        };
        var anonymised = new Dictionary<string, int>
        {
            ["advisorProfiles"] = person.AdvisorIds.Count,
            ["requests"] = person.ContactRequestIds.Count,
            ["reflections"] = await q.Reflections.CountAsync(ct),
            ["invitations"] = await q.Invitations.CountAsync(ct),
            ["activities"] = await q.Activities.CountAsync(ct),
            ["texts"] = await q.Learnings.CountAsync(ct) + await q.Comments.CountAsync(ct) + await q.Messages.CountAsync(ct) + await q.Notes.CountAsync(ct),
            ["statusChanges"] = await q.StatusChanges.CountAsync(ct),
            ["auditEntries"] = await q.Audit.CountAsync(ct),
            ["certificates"] = await Certificates(person).CountAsync(ct),
        };
        return new ErasureCounts(erased, anonymised, await KeptAsync(q, ct));
    }

    /// <summary>Erases in one transaction, with the receipt and the audit entry; the outbox files go after the commit.</summary>
    public async Task<ErasureReceipt> EraseAsync(Person person, string actingUserId, string actingName, CancellationToken ct)
    {
        var q = new Scope(db, person);
        var now = time.GetUtcNow();
        var userId = person.UserId;
        var advisorIds = person.AdvisorIds.ToList();
        var requestIds = person.ContactRequestIds.ToList();
        var pools = await db.Advisors.Where(a => advisorIds.Contains(a.Id)).Select(a => a.PoolId).Distinct().ToListAsync(ct);
        var outboxFiles = OutboxFiles(person);
        // Before they are erased: the addresses and numbers that may also stand in someone else's text.
        var contacts = await db.ConsultationRequests.Where(r => requestIds.Contains(r.Id)).Select(r => r.ContactPhone).ToListAsync(ct);
        contacts.AddRange(await db.Advisors.Where(a => advisorIds.Contains(a.Id)).Select(a => a.Email).ToListAsync(ct));
        foreach (var share in await q.Shares.Select(x => new { x.Email, x.Phone }).ToListAsync(ct)) contacts.AddRange([share.Email, share.Phone]);
        var needles = Needles(person, contacts.OfType<string>());
        var erased = new Dictionary<string, int>();
        var anonymised = new Dictionary<string, int>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kept = await KeptAsync(q, ct);
        await ArchiveStatementsAsync(q, ct);
        erased["photos"] = await q.Photos.ExecuteDeleteAsync(ct);
        erased["countries"] = await q.Countries.ExecuteDeleteAsync(ct);
        erased["languages"] = await q.Languages.ExecuteDeleteAsync(ct);
        erased["topics"] = await q.Topics.ExecuteDeleteAsync(ct);
        erased["consents"] = await q.Consents.ExecuteDeleteAsync(ct);
        erased["blockedPeriods"] = await q.BlockedPeriods.ExecuteDeleteAsync(ct);
        erased["bankDetails"] = await q.Bank.ExecuteDeleteAsync(ct);
        erased["contactShares"] = await q.Shares.ExecuteDeleteAsync(ct);
        erased["documents"] = await q.Documents.ExecuteDeleteAsync(ct);
        // A pair's goals and meetings are about the two of them: it goes with either (the meetings by the foreign key).
        erased["mentorships"] = await q.Mentorships.ExecuteDeleteAsync(ct);
        erased["contactPersons"] = await q.ContactPersons.ExecuteDeleteAsync(ct);

        // The profile row stays: fee statements, engagements and activities point at it. Everything in it goes.
        foreach (var id in advisorIds)
            await db.Advisors.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FirstName, "Gelöschte").SetProperty(a => a.LastName, "Person")
                .SetProperty(a => a.Slug, $"geloescht-{id}").SetProperty(a => a.Email, $"geloescht-{id}@example.invalid")
                .SetProperty(a => a.UserId, (string?)null).SetProperty(a => a.Status, AdvisorStatus.Alumni).SetProperty(a => a.Gender, Gender.NotStated)
                .SetProperty(a => a.GenderSelfDescription, (string?)null).SetProperty(a => a.BirthYear, (int?)null).SetProperty(a => a.CityKey, (string?)null)
                .SetProperty(a => a.Expertise, (string?)null).SetProperty(a => a.Bio, (string?)null).SetProperty(a => a.DaysPerMonth, (int?)null)
                .SetProperty(a => a.EmployerKey, (string?)null).SetProperty(a => a.UpdatedAt, now), ct);
        anonymised["advisorProfiles"] = advisorIds.Count;
        // Seminars: answers and attendance go; a certificate stays issued (its code answers) but names nobody.
        erased["seminarAttendance"] = await SeminarAttendance(person).ExecuteDeleteAsync(ct);
        anonymised["certificates"] = await Certificates(person).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.HolderName, (string?)null).SetProperty(c => c.ErasedAt, now), ct);
        anonymised["reflections"] = await q.Reflections.ExecuteUpdateAsync(s => s.SetProperty(x => x.Reflection, (string?)null), ct);
        anonymised["invitations"] = await q.Invitations.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Reason, (string?)null).SetProperty(i => i.MatchExplanation, (string?)null), ct);
        // Activities stay whole: they are the municipality's record and the quota's ledger; only who typed them goes.
        anonymised["activities"] = await q.Activities.ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedByUserId, (string?)null), ct);

        // Requests stay (the municipality's, counted in statistics); their contact becomes nobody.
        foreach (var id in requestIds)
            await db.ConsultationRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ContactName, ErasedName).SetProperty(r => r.ContactFunction, (string?)null)
                .SetProperty(r => r.ContactEmail, "geloescht@example.invalid").SetProperty(r => r.ContactPhone, (string?)null)
                .SetProperty(r => r.ContactUserId, (string?)null).SetProperty(r => r.TrackingTokenProtected, (string?)null)
                // The personal link stops working: nobody holds a secret that hashes to this.
                .SetProperty(r => r.TrackingTokenHash, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))), ct);
        anonymised["requests"] = requestIds.Count;

        // Texts the person wrote in shared records stay for the others, under no name (mentions go below).
        var texts = await q.Learnings.ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorName, ErasedName).SetProperty(x => x.AuthorUserId, (string?)null), ct)
            + await q.Comments.ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorName, ErasedName).SetProperty(x => x.AuthorUserId, (string?)null), ct)
            + await q.Messages.ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorName, ErasedName).SetProperty(x => x.AuthorUserId, (string?)null), ct)
            + await q.Notes.ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorName, ErasedName).SetProperty(x => x.AuthorUserId, (string?)null), ct);
        anonymised["texts"] = texts;
        anonymised["statusChanges"] = await q.StatusChanges.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ActorName, ErasedName).SetProperty(x => x.ActorUserId, (string?)null), ct);

        var subjects = DataExport.Subjects(userId, advisorIds);
        anonymised["auditEntries"] = await q.Audit.CountAsync(ct);
        await db.AuditEntries.Where(e => subjects.Contains(e.Subject)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, (string?)null), ct);
        if (userId is not null)
        {
            var accountSubject = $"user:{userId}";
            await db.AuditEntries.Where(e => e.Subject == accountSubject).ExecuteUpdateAsync(s => s.SetProperty(e => e.Subject, "user:gelöscht"), ct);
            await db.AuditEntries.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (string?)null), ct);
            await ForgetUserIdAsync(userId, ct);
        }

        anonymised["mentions"] = await ScrubAsync(needles, ct);

        if (person.Account is { } account)
        {
            // Identity's delete takes roles, logins, tokens and claims with it (and coordinator and municipality memberships).
            var tracked = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("The account vanished.");
            var result = await users.DeleteAsync(tracked);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        erased["account"] = person.Account is null ? 0 : 1;
        erased["outboxMails"] = outboxFiles.Count + await OutboxRows(person).ExecuteDeleteAsync(ct);
        // An event's figures count places taken and attendance; a person erased before the event leaves a place free.
        erased["eventRegistrations"] = await db.EventRegistrations.Where(r => person.EventRegistrationIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
        // Answers and files go with the application (cascade).
        erased["applications"] = await db.Applications.Where(a => person.ApplicationIdList.Contains(a.Id)).ExecuteDeleteAsync(ct);
        // The contact's own timeline entries and follow-ups go with it (cascade); the organisations stay.
        erased["stakeholderContacts"] = await db.Contacts.Where(c => person.ContactIds.Contains(c.Id)).ExecuteDeleteAsync(ct);

        var receipt = new ErasureReceipt
        {
            Reference = $"LOE-{now:yyyy}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}",
            At = now, ByUserId = actingUserId, ByName = actingName,
            Counts = JsonSerializer.Serialize(new ErasureCounts(erased, anonymised, kept), DataExport.Json),
        };
        db.ErasureReceipts.Add(receipt);
        db.Audit("privacy.erased", $"erasure:{receipt.Reference}", actingUserId, details: receipt.Counts.Length <= 2000 ? receipt.Counts : null);
        // The profiles left the directory and the matching snapshot: every instance rebuilds them once this commits.
        await versions.SaveChangesAsync(db, pools.Select(DataVersions.Pool), ct);
        await tx.CommitAsync(ct);

        foreach (var file in outboxFiles)
        {
            try { File.Delete(file); }
            catch (IOException e) { log.LogWarning(e, "Outbox file {File} of an erased person could not be deleted", file); }
        }
        return receipt;
    }

    /// <summary>
    /// The kept fee statements are invoices: each is rendered once more while the name, address and bank details it shows
    /// still exist, and stored as issued (the accounting office's copy, with the full IBAN).
    /// </summary>
    private async Task ArchiveStatementsAsync(Scope q, CancellationToken ct)
    {
        foreach (var id in await q.Statements.Where(x => x.ArchivedPdf == null).Select(x => x.Id).ToListAsync(ct))
            if (await fees.LoadAsync(id, ct) is { } view)
            {
                var pdf = FeePdf.Render(view, fullIban: true, await fees.ReceiptsAsync(id, ct));
                await db.FeeStatements.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedPdf, pdf), ct);
            }
    }

    private IQueryable<Seminars.SeminarAttendance> SeminarAttendance(Person person) =>
        db.SeminarAttendances.Where(a => db.SeminarParticipants.Any(p => p.Id == a.ParticipantId && person.AdvisorIds.Contains(p.AdvisorId)));

    private IQueryable<Seminars.SeminarCertificate> Certificates(Person person) =>
        db.SeminarCertificates.Where(c => db.SeminarParticipants.Any(p => p.Id == c.ParticipantId && person.AdvisorIds.Contains(p.AdvisorId)));

    private static async Task<Dictionary<string, int>> KeptAsync(Scope q, CancellationToken ct) => new()
    {
        ["feeStatements"] = await q.Statements.CountAsync(ct),
        ["receipts"] = await q.Receipts.CountAsync(ct),
    };

    /// <summary>Ids of a deleted account are no one's any more; where they would still point at the person's records, they go.</summary>
    private async Task ForgetUserIdAsync(string userId, CancellationToken ct)
    {
        await db.Activities.Where(a => a.ApprovedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ApprovedByUserId, (string?)null), ct);
        await db.AdvisorConsents.Where(c => c.GrantedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.GrantedByUserId, (string?)null), ct);
        await db.IntakeConversations.Where(i => i.RecordedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.RecordedByUserId, (string?)null), ct);
        await db.EngagementInvitations.Where(i => i.ProposedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProposedByUserId, (string?)null), ct);
        await db.Set<ContactShare>().Where(c => c.SharedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SharedByUserId, (string?)null), ct);
        await db.Set<Revision>().Where(r => r.ReplacedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReplacedByUserId, (string?)null), ct);
        await db.EngagementDocuments.Where(d => d.UploadedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(d => d.UploadedByUserId, (string?)null), ct);
        await db.HandbookVersions.Where(v => v.AuthorUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.AuthorUserId, (string?)null), ct);
        await db.SeminarAttendances.Where(a => a.RecordedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordedByUserId, (string?)null), ct);
        await db.SeminarCertificates.Where(c => c.IssuedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IssuedByUserId, (string?)null), ct);
        await db.SeminarMaterials.Where(m => m.UploadedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UploadedByUserId, (string?)null), ct);
        await db.EventDocuments.Where(d => d.UploadedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(d => d.UploadedByUserId, (string?)null), ct);
        await db.EventOutcomes.Where(o => o.CreatedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedByUserId, (string?)null), ct);
        await db.SeminarTrainerLinks.Where(l => l.CreatedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CreatedByUserId, (string?)null), ct);
        await db.MentoringMeetings.Where(m => m.CreatedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedByUserId, (string?)null), ct);
        await db.ReportTexts.Where(t => t.UpdatedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedByUserId, (string?)null), ct);
        // An interviewer from the office is known only by the account; without it, the interview keeps its other interviewers.
        await db.InterviewInterviewers.Where(i => i.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The person's names (also "Last, First", "Frau Last"), e-mail addresses and phone numbers, as they may appear in free text.</summary>
    private static List<string> Needles(Person person, IEnumerable<string> contacts)
    {
        var needles = new List<string>(person.Names);
        foreach (var name in person.Names)
        {
            var parts = name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2) continue;
            needles.Add($"{parts[1]}, {parts[0]}");
            // The last name alone could be a word of any text; after a salutation it is the person.
            needles.AddRange([$"Frau {parts[1]}", $"Herrn {parts[1]}", $"Herr {parts[1]}"]);
        }
        needles.Add(person.Email);
        needles.Add(person.Email.ToLowerInvariant());
        if (person.Account is { } a)
        {
            needles.AddRange(new[] { a.UserName, a.Email, a.PhoneNumber }.OfType<string>());
        }
        needles.AddRange(contacts);
        return needles.Where(n => n.Trim().Length >= 3 && n != ErasedName).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Replaces every needle in every text column of every table (but the ones kept for tax law and the key ring):
    /// the person's name in someone else's comment, their address in an audit entry's details. Set-based, one UPDATE
    /// per table, column and needle, each only where the text contains it.
    /// </summary>
    private async Task<int> ScrubAsync(List<string> needles, CancellationToken ct)
    {
        var changed = 0;
        var scrub = typeof(Erasure).GetMethod(nameof(ScrubColumnAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var (type, column) in TextColumns(db.Model))
            foreach (var needle in needles)
                changed += await (Task<int>)scrub.MakeGenericMethod(type.ClrType).Invoke(this, [column.Name, needle, Replacement(needle), ct])!;
        return changed;
    }

    /// <summary>Not longer than what it replaces, so that a text at its column's maximum length still fits.</summary>
    private static string Replacement(string needle) => needle.Length >= 10 ? "[gelöscht]" : new string('*', needle.Length);

    private Task<int> ScrubColumnAsync<T>(string column, string needle, string replacement, CancellationToken ct) where T : class =>
        db.Set<T>().Where(e => EF.Property<string>(e, column).Contains(needle))
            .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string>(e, column), e => EF.Property<string>(e, column).Replace(needle, replacement)), ct);

    /// <summary>The text columns the scrub (and the erasure test) goes through: every string property that is no key and has no converter.</summary>
    public static IEnumerable<(IEntityType Type, IProperty Column)> TextColumns(IModel model, bool includeKept = false) =>
        from type in model.GetEntityTypes()
        where !type.IsOwned() && !type.HasSharedClrType && type.FindPrimaryKey() is not null
              && type.ClrType != typeof(DataProtectionKey) && type.ClrType != typeof(ErasureReceipt)
              && (includeKept || !KeptForTaxLaw.Contains(type.ClrType))
        from column in type.GetProperties()
        where column.ClrType == typeof(string) && !column.IsKey() && !column.IsForeignKey() && column.GetValueConverter() is null
              && column.GetTypeMapping().Converter is null
        select (type, column);

    private List<string> OutboxFiles(Person person)
    {
        var folder = outbox.OutboxPath;
        if (!Directory.Exists(folder)) return [];
        var addresses = Addresses(person);
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            try
            {
                using var message = MimeKit.MimeMessage.Load(file);
                if (message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => addresses.Contains(m.Address))) files.Add(file);
            }
            catch (FormatException) { }
            catch (IOException) { }
        }
        return files;
    }

    /// <summary>The database outbox's mails to the person, sent or not: their address and text go with them.</summary>
    private IQueryable<OutboxMail> OutboxRows(Person person)
    {
        var addresses = Addresses(person).Select(a => a.ToLowerInvariant()).ToList();
        return db.OutboxMails.Where(m => addresses.Contains(m.To.ToLower()));
    }

    private static HashSet<string> Addresses(Person person)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { person.Email };
        if (person.Account?.Email is { } e) set.Add(e);
        return set;
    }

    /// <summary>The rows of each kind that belong to the person, as queries: counted for the plan, changed for the erasure.</summary>
    private sealed class Scope
    {
        public Scope(AppDbContext db, Person person)
        {
            var ids = person.AdvisorIds.ToList();
            var requests = person.ContactRequestIds.ToList();
            var user = person.UserId;
            Photos = db.AdvisorPhotos.Where(x => ids.Contains(x.AdvisorId));
            Countries = db.AdvisorCountries.Where(x => ids.Contains(x.AdvisorId));
            Languages = db.AdvisorLanguages.Where(x => ids.Contains(x.AdvisorId));
            Topics = db.AdvisorTopics.Where(x => ids.Contains(x.AdvisorId));
            Consents = db.AdvisorConsents.Where(x => ids.Contains(x.AdvisorId));
            BlockedPeriods = db.BlockedPeriods.Where(x => ids.Contains(x.AdvisorId));
            Bank = db.AdvisorBankDetails.Where(x => ids.Contains(x.AdvisorId));
            Shares = db.Set<ContactShare>().Where(s => (s.AdvisorId != null && ids.Contains(s.AdvisorId.Value)) || (s.AdvisorId == null && requests.Contains(s.RequestId)));
            Documents = db.EngagementDocuments.Where(d => user != null && d.UploadedByUserId == user);
            Reflections = db.EngagementAdvisors.Where(x => ids.Contains(x.AdvisorId) && x.Reflection != null);
            Invitations = db.EngagementInvitations.Where(x => ids.Contains(x.AdvisorId));
            Activities = db.Activities.Where(a => ids.Contains(a.AdvisorId) || (user != null && a.CreatedByUserId == user));
            Learnings = db.Learnings.Where(x => user != null && x.AuthorUserId == user);
            Comments = db.EngagementComments.Where(x => user != null && x.AuthorUserId == user);
            // The municipality's side of a conversation about the contact's requests was written by the contact.
            Messages = db.Messages.Where(m => (user != null && m.AuthorUserId == user)
                                              || (requests.Contains(m.RequestId) && m.Side == Features.Messages.MessageSide.Municipality));
            Notes = db.InternalNotes.Where(x => user != null && x.AuthorUserId == user);
            StatusChanges = db.RequestStatusChanges.Where(x => user != null && x.ActorUserId == user);
            var subjects = DataExport.Subjects(user, ids);
            Audit = db.AuditEntries.Where(e => (user != null && e.UserId == user) || subjects.Contains(e.Subject));
            Statements = db.FeeStatements.Where(s => ids.Contains(s.AdvisorId));
            Receipts = db.TravelCosts.Where(t => t.Receipt != null && db.FeeStatements.Any(s => s.Id == t.FeeStatementId && ids.Contains(s.AdvisorId)));
            Mentorships = db.Mentorships.Where(m => ids.Contains(m.AdvisorId) || (user != null && m.MentorUserId == user));
            ContactPersons = db.AdvisorContactPersons.Where(c => ids.Contains(c.AdvisorId) || (user != null && c.UserId == user));
        }

        public IQueryable<Mentoring.Mentorship> Mentorships { get; }
        public IQueryable<Mentoring.AdvisorContactPerson> ContactPersons { get; }

        public IQueryable<AdvisorPhoto> Photos { get; }
        public IQueryable<AdvisorCountry> Countries { get; }
        public IQueryable<AdvisorLanguage> Languages { get; }
        public IQueryable<AdvisorTopic> Topics { get; }
        public IQueryable<AdvisorConsent> Consents { get; }
        public IQueryable<BlockedPeriod> BlockedPeriods { get; }
        public IQueryable<AdvisorBankDetails> Bank { get; }
        public IQueryable<ContactShare> Shares { get; }
        public IQueryable<EngagementDocument> Documents { get; }
        public IQueryable<EngagementAdvisor> Reflections { get; }
        public IQueryable<EngagementInvitation> Invitations { get; }
        public IQueryable<Activity> Activities { get; }
        public IQueryable<Learning> Learnings { get; }
        public IQueryable<EngagementComment> Comments { get; }
        public IQueryable<Features.Messages.Message> Messages { get; }
        public IQueryable<Features.Requests.Manage.InternalNote> Notes { get; }
        public IQueryable<Features.Requests.RequestStatusChange> StatusChanges { get; }
        public IQueryable<AuditEntry> Audit { get; }
        public IQueryable<FeeStatement> Statements { get; }
        public IQueryable<TravelCost> Receipts { get; }
    }
}
