using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Shared.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>
/// Art. 15/20: everything held about one <see cref="Person"/> as one ZIP — <c>daten.json</c> (machine-readable,
/// <see cref="ExportData"/>), <c>uebersicht.html</c> (readable), <c>LIESMICH.txt</c> (the structure) and the files
/// (photo, documents, receipts, fee statements as PDF). The records are read with projections; the files are read one
/// at a time while the ZIP is written into a temporary file, so that a long history never sits in memory at once.
/// </summary>
public sealed class DataExport(AppDbContext db, UserManager<AppUser> users, IbanProtector ibans, FeeStatements fees, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string FileName(DateTimeOffset at) => $"meine-daten-{at:yyyy-MM-dd}.zip";

    /// <summary>The ZIP in a temporary file that is deleted when the returned stream is closed (after the download).</summary>
    public async Task<Stream> ZipAsync(Person person, CancellationToken ct)
    {
        var data = await CollectAsync(person, ct);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"auskunft-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var json = zip.CreateEntry("daten.json").Open()) await JsonSerializer.SerializeAsync(json, data, Json, ct);
            await WriteTextAsync(zip, "uebersicht.html", ExportSummary.Html(data));
            await WriteTextAsync(zip, "LIESMICH.txt", ExportFormat.Readme);
            foreach (var a in data.AdvisorProfiles.Where(a => a.Photo is not null))
                await WriteBytesAsync(zip, a.Photo!, await db.AdvisorPhotos.AsNoTracking().Where(p => p.AdvisorId == a.Id).Select(p => p.Content).FirstAsync(ct));
            foreach (var (path, id) in _documents)
                await WriteBytesAsync(zip, path, await db.EngagementDocuments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Content).FirstAsync(ct));
            foreach (var (path, id) in _receipts)
                await WriteBytesAsync(zip, path, await db.TravelCosts.AsNoTracking().Where(t => t.Id == id).Select(t => t.Receipt!).FirstAsync(ct));
            foreach (var (path, id) in _statements)
                if (await fees.LoadAsync(id, ct) is { } s)
                    // The person's own copy shows their full IBAN, as the accounting office's does.
                    await WriteBytesAsync(zip, path, FeePdf.Render(s, fullIban: true, await fees.ReceiptsAsync(id, ct)));
        }
        file.Position = 0;
        return file;
    }

    private readonly List<(string Path, int Id)> _documents = [], _receipts = [], _statements = [];

    public async Task<ExportData> CollectAsync(Person person, CancellationToken ct)
    {
        var userId = person.UserId;
        var advisorIds = person.AdvisorIds.ToList();
        var requestIds = person.ContactRequestIds.ToList();
        var pools = await db.Pools.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var account = person.Account is { } u ? await AccountAsync(u, pools, ct) : null;
        var advisors = await AdvisorsAsync(advisorIds, pools, ct);

        var bank = (await db.AdvisorBankDetails.AsNoTracking().Where(b => advisorIds.Contains(b.AdvisorId)).OrderBy(b => b.AdvisorId).ToListAsync(ct))
            .Select(b => new ExportBankDetails(b.AdvisorId, b.AccountHolder, ibans.Unprotect(b.IbanProtected), b.IbanLast4, b.Bic, b.Street,
                b.PostalCode, b.City, b.TaxNumber, b.UpdatedAt)).ToList();

        var requests = await RequestsAsync(requestIds, pools, ct);
        var references = await db.ConsultationRequests.AsNoTracking()
            .Where(r => requestIds.Contains(r.Id) || db.EngagementInvitations.Any(i => i.RequestId == r.Id && advisorIds.Contains(i.AdvisorId))
                || db.Engagements.Any(e => e.RequestId == r.Id && e.Advisors.Any(x => advisorIds.Contains(x.AdvisorId)))
                || db.Messages.Any(m => m.RequestId == r.Id && userId != null && m.AuthorUserId == userId)
                || db.InternalNotes.Any(n => n.RequestId == r.Id && userId != null && n.AuthorUserId == userId))
            .ToDictionaryAsync(r => r.Id, r => r.Reference, ct);

        var invitations = (await db.EngagementInvitations.AsNoTracking().Where(i => advisorIds.Contains(i.AdvisorId)).OrderBy(i => i.CreatedAt).ToListAsync(ct))
            .Select(i => new ExportInvitation(i.AdvisorId, references[i.RequestId], i.Status, i.Reason, i.CreatedAt, i.RespondedAt)).ToList();

        var municipalities = db.Municipalities.AsNoTracking();
        var engagementRows = await db.Engagements.AsNoTracking()
            .Where(e => e.Advisors.Any(x => advisorIds.Contains(x.AdvisorId)) || requestIds.Contains(e.RequestId))
            .OrderBy(e => e.StartedAt)
            .Select(e => new
            {
                e.Id, e.RequestId, Municipality = municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? e.MunicipalityKey,
                e.Status, e.StartedAt, e.ClosedAt, e.FeedbackRating, e.FeedbackText,
                Reflection = e.Advisors.Where(x => advisorIds.Contains(x.AdvisorId)).Select(x => x.Reflection).FirstOrDefault(),
                Mine = e.Advisors.Any(x => advisorIds.Contains(x.AdvisorId)),
            }).ToListAsync(ct);
        var engagementIds = engagementRows.Select(e => e.Id).ToList();
        var municipalityOf = engagementRows.ToDictionary(e => e.Id, e => e.Municipality);
        var engagements = engagementRows.Select(e => new ExportEngagement(e.Id, references[e.RequestId], e.Municipality, e.Mine ? "advisor" : "contact",
            e.Status, e.StartedAt, e.ClosedAt, e.Reflection,
            // The municipality's feedback belongs to its contact; the advisor sees it in the record too.
            e.FeedbackRating, e.FeedbackText)).ToList();

        var activityRows = await db.Activities.AsNoTracking().Where(a => advisorIds.Contains(a.AdvisorId) || (userId != null && a.CreatedByUserId == userId))
            .OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);
        var activities = activityRows.Select(a => new ExportActivity(a.Id, a.EngagementId, a.AdvisorId, a.Date, a.Kind, a.HalfDays, a.Participants, a.Notes,
            a.CreatedAt, a.ApprovedAt, a.ReturnQuestion, a.FeeStatementId)).ToList();
        var days = activityRows.Where(a => advisorIds.Contains(a.AdvisorId))
            .GroupBy(a => (a.AdvisorId, a.Date.Year, a.EngagementId))
            .Select(g => new ExportDays(g.Key.AdvisorId, g.Key.Year, municipalityOf.GetValueOrDefault(g.Key.EngagementId) ?? "",
                g.Sum(a => a.HalfDays), g.Where(a => a.ApprovedAt != null).Sum(a => a.HalfDays)))
            .OrderBy(d => d.Year).ThenBy(d => d.Municipality, StringComparer.Ordinal).ToList();

        var options = await db.ActionOptions.AsNoTracking().Where(o => engagementIds.Contains(o.EngagementId)).OrderBy(o => o.CreatedAt)
            .Select(o => new ExportOption(o.EngagementId, o.Title, o.Description, o.CarriedOutBy, o.Status, o.DueDate, o.CreatedAt)).ToListAsync(ct);
        var learnings = userId is null ? [] : await db.Learnings.AsNoTracking().Where(l => l.AuthorUserId == userId).OrderBy(l => l.CreatedAt)
            .Select(l => new ExportText(l.EngagementId, l.AuthorName, l.Side, l.Text, l.CreatedAt)).ToListAsync(ct);
        var comments = userId is null ? [] : await db.EngagementComments.AsNoTracking().Where(c => c.AuthorUserId == userId).OrderBy(c => c.CreatedAt)
            .Select(c => new ExportText(c.EngagementId, c.AuthorName, c.Side, c.Text, c.CreatedAt)).ToListAsync(ct);

        _documents.Clear();
        var documents = new List<ExportDocument>();
        if (userId is not null)
            foreach (var d in await db.EngagementDocuments.AsNoTracking().Where(d => d.UploadedByUserId == userId).OrderBy(d => d.Id)
                         .Select(d => new { d.Id, d.EngagementId, d.FileName, d.ContentType, d.Size, d.UploadedAt }).ToListAsync(ct))
            {
                var path = $"dokumente/{d.Id}-{SafeName(d.FileName)}";
                _documents.Add((path, d.Id));
                documents.Add(new ExportDocument(d.EngagementId, d.FileName, d.ContentType, d.Size, d.UploadedAt, path));
            }

        var shares = (await db.Set<ContactShare>().AsNoTracking()
                .Where(s => (s.AdvisorId != null && advisorIds.Contains(s.AdvisorId.Value)) || (s.AdvisorId == null && requestIds.Contains(s.RequestId)))
                .OrderBy(s => s.SharedAt).ToListAsync(ct))
            .Select(s => new ExportContactShare(references.GetValueOrDefault(s.RequestId) ?? "", s.Email, s.Phone, s.Channel, s.SharedAt)).ToList();

        var statements = await StatementsAsync(advisorIds, ct);

        var messages = (await db.Messages.AsNoTracking().Where(m => (userId != null && m.AuthorUserId == userId) || requestIds.Contains(m.RequestId))
                .OrderBy(m => m.SentAt).ToListAsync(ct))
            .Select(m => new ExportMessage(references.GetValueOrDefault(m.RequestId) ?? "", m.EngagementId, m.Side, m.AuthorName, m.Body, m.SentAt,
                userId != null && m.AuthorUserId == userId)).ToList();
        var notes = userId is null ? [] : (await db.InternalNotes.AsNoTracking().Where(n => n.AuthorUserId == userId).OrderBy(n => n.CreatedAt).ToListAsync(ct))
            .Select(n => new ExportNote(references.GetValueOrDefault(n.RequestId) ?? "", n.Body, n.CreatedAt)).ToList();

        var subjects = Subjects(userId, advisorIds);
        var audit = (await db.AuditEntries.AsNoTracking().Where(e => (userId != null && e.UserId == userId) || subjects.Contains(e.Subject))
                .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct))
            .Select(e => new ExportAudit(e.At, e.Action, e.Subject, e.PoolId, e.Details, userId != null && e.UserId == userId)).ToList();

        var consents = await ConsentHistoryAsync(advisorIds, requestIds, userId, references, ct);
        var mails = await MailsAsync(person, ct);
        var eventAnswers = (await db.EventAnswers.AsNoTracking().Where(a => person.EventRegistrationIds.Contains(a.RegistrationId))
                .OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.RegistrationId, a => new ExportEventAnswer(a.Question, a.Value));
        var registrations = (await db.EventRegistrations.AsNoTracking().Where(r => person.EventRegistrationIds.Contains(r.Id)).OrderBy(r => r.RegisteredAt)
                .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { r, e.Title, e.StartsAt }).ToListAsync(ct))
            .Select(x => new ExportEventRegistration(x.Title, x.StartsAt, x.r.Name, x.r.Email, x.r.Organisation, x.r.Function,
                x.r.Notes, x.r.Status, x.r.RegisteredAt, x.r.ConsentGivenAt, x.r.CancelledAt, x.r.CheckedInAt, eventAnswers[x.r.Id].ToList()))
            .ToList();

        var seminarRows = await db.SeminarAttendances.AsNoTracking()
            .Join(db.SeminarParticipants.Where(p => advisorIds.Contains(p.AdvisorId)), a => a.ParticipantId, p => p.Id, (a, p) => new { a, p })
            .Join(db.Seminars, x => x.a.SeminarId, m => m.Id, (x, m) => new { x.a, x.p, m })
            .Join(db.SeminarSeries, x => x.m.SeriesId, s => s.Id, (x, s) => new { x.a, x.p, x.m, Series = s.Title })
            .ToListAsync(ct);
        var seminarAttendance = seminarRows.OrderBy(x => x.m.StartsAt).Select(x => new ExportSeminarAttendance(x.Series, x.m.Title, x.m.StartsAt, x.p.JoinedAt,
            x.a.Rsvp, x.a.RsvpAt, x.a.Status, x.a.RecordedAt)).ToList();
        var certificates = (await db.SeminarCertificates.AsNoTracking()
                .Join(db.SeminarParticipants.Where(p => advisorIds.Contains(p.AdvisorId)), c => c.ParticipantId, p => p.Id, (c, p) => c)
                .Join(db.SeminarSeries, c => c.SeriesId, s => s.Id, (c, s) => new { c, s.Title }).ToListAsync(ct))
            .OrderBy(x => x.c.IssuedAt).Select(x => new ExportCertificate(x.Title, Seminars.SeminarProgram.FormatCode(x.c.Code), x.c.HolderName, x.c.IssuedAt)).ToList();

        var mentorships = await MentorshipsAsync(advisorIds, userId, pools, ct);
        var contactPersons = await db.AdvisorContactPersons.AsNoTracking()
            .Where(c => advisorIds.Contains(c.AdvisorId) || (userId != null && c.UserId == userId)).OrderBy(c => c.AdvisorId)
            .Select(c => new ExportContactPerson(advisorIds.Contains(c.AdvisorId) ? "advisor" : "contact", c.AdvisorId,
                db.Advisors.Where(a => a.Id == c.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
                db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName ?? u.Email ?? "").First(), c.Phone, c.AssignedAt))
            .ToListAsync(ct);

        var contactRows = db.Contacts.AsNoTracking().Where(c => person.ContactIds.Contains(c.Id)).OrderBy(c => c.Id);
        var contactExtras = await contactRows.ToDictionaryAsync(c => c.Id, c => new { c.Notes, c.CreatedAt }, ct);
        var contacts = (await Stakeholders.ContactCsv.ProjectAsync(db, contactRows, ct))
            .Select(c => new ExportStakeholderContact(c.Name, c.Function, c.Email, c.Phone, c.Organisations, c.Tags, contactExtras[c.Id].Notes,
                c.ConsentOn, c.ConsentSource, c.WithdrawnOn, contactExtras[c.Id].CreatedAt)).ToList();
        return new ExportData(ExportData.FormatName, ExportData.CurrentVersion, time.GetUtcNow(), person.Email, account, advisors, bank, requests,
            invitations, engagements, activities, days, options, learnings, comments, documents, shares, statements, messages, notes, audit,
            consents, mails, registrations, seminarAttendance, certificates, mentorships, contactPersons, contacts,
            await ApplicationsAsync(person.ApplicationIdList, pools, ct), await InterviewsAsync(advisorIds, userId, pools, ct));
    }

    /// <summary>Interviews the person held, with who held them together; not the answers (they describe the municipality).</summary>
    private async Task<List<ExportInterview>> InterviewsAsync(List<int> advisorIds, string? userId, Dictionary<int, string> pools, CancellationToken ct)
    {
        var rows = await db.Interviews.AsNoTracking()
            .Where(i => i.Interviewers.Any(x => (x.AdvisorId != null && advisorIds.Contains(x.AdvisorId.Value)) || (userId != null && x.UserId == userId)))
            .OrderBy(i => i.HeldOn).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.PoolId, i.HeldOn, i.IntervieweeFunction, Finished = i.FinishedAt != null,
                Guide = db.InterviewGuides.Where(g => g.Id == i.GuideId).Select(g => g.Title).First(),
                Municipality = db.Municipalities.Where(m => m.OfficialKey == i.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? i.MunicipalityKey,
                Interviewers = i.Interviewers.Select(x => x.AdvisorId != null
                    ? db.Advisors.Where(a => a.Id == x.AdvisorId).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault()
                    : db.Users.Where(u => u.Id == x.UserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault()).ToList(),
            }).ToListAsync(ct);
        return rows.Select(i => new ExportInterview(pools.GetValueOrDefault(i.PoolId) ?? "", i.Guide, i.Municipality, i.HeldOn, i.IntervieweeFunction, i.Finished,
            i.Interviewers.OfType<string>().ToList())).ToList();
    }

    /// <summary>
    /// Applications with their answers, file names and the submitted reviews: scores about a person are their data too.
    /// A decision counts only once told; a draft shows as "submitted".
    /// </summary>
    private async Task<List<ExportApplication>> ApplicationsAsync(IReadOnlyList<int> ids, Dictionary<int, string> pools, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.SubmittedAt).Include(a => a.Answers).ToListAsync(ct);
        var callIds = rows.Select(a => a.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).Include(c => c.Questions).Include(c => c.Criteria).ToDictionaryAsync(c => c.Id, ct);
        var files = (await db.ApplicationFiles.AsNoTracking().Where(f => f.ApplicationId != null && ids.Contains(f.ApplicationId.Value))
            .Select(f => new { f.ApplicationId, f.FileName }).ToListAsync(ct)).ToLookup(f => f.ApplicationId!.Value, f => f.FileName);
        var reviews = (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.ApplicationId) && r.SubmittedAt != null && !r.Conflict)
            .OrderBy(r => r.SubmittedAt).Select(r => new { r.ApplicationId, r.SubmittedAt, r.Comment, Scores = r.Scores.Select(s => new { s.CriterionId, s.Score }).ToList() })
            .ToListAsync(ct)).ToLookup(r => r.ApplicationId);
        var topicNames = await db.Topics.AsNoTracking().Where(t => rows.Select(a => a.PoolId).Contains(t.PoolId)).ToDictionaryAsync(t => t.Id, t => t.NameDe, ct);
        return rows.Select(a =>
        {
            var call = calls[a.CallId];
            return new ExportApplication(a.Id, call.Title, pools.GetValueOrDefault(a.PoolId) ?? "", a.FirstName, a.LastName, a.Email, a.Phone, a.CityKey, a.Gender,
                a.BirthYear, Applications.Application.Split(a.Languages), Applications.Application.Split(a.CountryCodes), a.CountriesConsentAt,
                Applications.Application.Split(a.TopicIds).Select(t => int.TryParse(t, out var n) && topicNames.TryGetValue(n, out var name) ? name : t).ToList(),
                a.Motivation, a.Experience,
                call.Questions.OrderBy(q => q.Position).Select(q => new ExportAnswer(q.Prompt, a.Answers.FirstOrDefault(x => x.QuestionId == q.Id)?.Value)).ToList(),
                files[a.Id].ToList(), a.DecisionSentAt is null ? "Submitted" : a.Status.ToString(), a.SubmittedAt, a.UpdatedAt, a.DecisionSentAt,
                reviews[a.Id].Select(r => new ExportReview(r.SubmittedAt!.Value,
                    r.Scores.Select(s => call.Criteria.FirstOrDefault(c => c.Id == s.CriterionId) is { } c ? new ExportScore(c.Name, s.Score, c.ScaleMax) : null)
                        .OfType<ExportScore>().ToList(), r.Comment)).ToList());
        }).ToList();
    }

    private async Task<List<ExportMentorship>> MentorshipsAsync(List<int> advisorIds, string? userId, Dictionary<int, string> pools, CancellationToken ct)
    {
        var pairs = await db.Mentorships.AsNoTracking().Where(m => advisorIds.Contains(m.AdvisorId) || (userId != null && m.MentorUserId == userId))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.PoolId, m.AdvisorId, m.Status, m.StartDate, m.EndDate, m.Goals, m.CreatedAt,
                Advisor = db.Advisors.Where(a => a.Id == m.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
                Mentor = db.Users.Where(u => u.Id == m.MentorUserId).Select(u => u.DisplayName ?? u.Email ?? "").First(),
                Meetings = m.Meetings.OrderBy(x => x.Date).ThenBy(x => x.Id).Select(x => new ExportMentoringMeeting(x.Date, x.Topics, x.NextSteps, x.CreatedAt)).ToList(),
            })
            .ToListAsync(ct);
        return pairs.Select(p => new ExportMentorship(advisorIds.Contains(p.AdvisorId) ? "advisor" : "mentor", pools.GetValueOrDefault(p.PoolId) ?? "",
            p.Advisor, p.Mentor, p.Status, p.StartDate, p.EndDate, p.Goals, p.CreatedAt, p.Meetings)).ToList();
    }

    /// <summary>The audit subjects that name the person: their account and their advisor profiles.</summary>
    public static List<string> Subjects(string? userId, IEnumerable<int> advisorIds) =>
        advisorIds.Select(id => $"advisor:{id}").Concat(userId is null ? [] : [$"user:{userId}"]).ToList();

    private async Task<ExportAccount> AccountAsync(AppUser u, Dictionary<int, string> pools, CancellationToken ct)
    {
        var roles = (await users.GetRolesAsync(u)).Order(StringComparer.Ordinal).ToList();
        var logins = (await users.GetLoginsAsync(u)).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToList();
        var subject = $"user:{u.Id}";
        var signedIn = SecurityEvents.Actions[SecurityEvent.SignInSucceeded];
        var signIns = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == subject && e.Action == signedIn)
            .OrderBy(e => e.At).Select(e => e.At).ToListAsync(ct);
        var coordinated = (await db.PoolCoordinators.AsNoTracking().Where(c => c.UserId == u.Id).Select(c => c.PoolId).ToListAsync(ct))
            .Select(id => pools.GetValueOrDefault(id) ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var memberships = await db.Set<MunicipalityAccounts.MunicipalityMember>().AsNoTracking().Where(m => m.UserId == u.Id)
            .Select(m => m.MunicipalityKey).ToListAsync(ct);
        // Never the password hash, the security stamp, the authenticator key or the recovery codes.
        return new ExportAccount(u.Id, u.Email, u.EmailConfirmed, u.DisplayName, u.PhoneNumber, u.Culture, u.CreatedAt, roles, u.TwoFactorEnabled,
            u.LockoutEnd, u.AccessFailedCount, logins, signIns, coordinated, memberships);
    }

    private async Task<List<ExportAdvisor>> AdvisorsAsync(List<int> advisorIds, Dictionary<int, string> pools, CancellationToken ct)
    {
        var rows = await db.Advisors.AsNoTracking().Where(a => advisorIds.Contains(a.Id))
            .Include(a => a.Countries).Include(a => a.Languages).Include(a => a.Topics).Include(a => a.Consents).Include(a => a.BlockedPeriods)
            .AsSplitQuery().OrderBy(a => a.Id).ToListAsync(ct);
        var cityKeys = rows.Select(a => a.CityKey).OfType<string>().ToList();
        var cities = await db.Municipalities.AsNoTracking().Where(m => cityKeys.Contains(m.OfficialKey)).ToDictionaryAsync(m => m.OfficialKey, m => m.ShortName, ct);
        var topicIds = rows.SelectMany(a => a.Topics).Select(t => t.TopicId).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.NameDe, ct);
        var photos = await db.AdvisorPhotos.AsNoTracking().Where(p => advisorIds.Contains(p.AdvisorId))
            .Select(p => new { p.AdvisorId, p.ContentType }).ToDictionaryAsync(p => p.AdvisorId, p => p.ContentType, ct);
        return rows.Select(a => new ExportAdvisor(a.Id, pools.GetValueOrDefault(a.PoolId) ?? "", a.Slug, a.FirstName, a.LastName, a.Email, a.Status, a.Gender,
                a.GenderSelfDescription, a.BirthYear, a.CityKey, a.CityKey is null ? null : cities.GetValueOrDefault(a.CityKey), a.Expertise, a.Bio,
                a.DaysPerMonth, a.EmployerKey, a.CreatedAt, a.UpdatedAt,
                a.Countries.OrderBy(c => c.CountryCode, StringComparer.Ordinal).Select(c => new ExportCode(c.CountryCode, Countries.Find(c.CountryCode)?.De ?? c.CountryCode)).ToList(),
                a.Languages.OrderBy(l => l.LanguageCode, StringComparer.Ordinal).Select(l => new ExportLanguage(l.LanguageCode, Languages.Find(l.LanguageCode)?.De ?? l.LanguageCode, l.Level)).ToList(),
                a.Topics.Select(t => topics.GetValueOrDefault(t.TopicId) ?? "").ToList(),
                a.Consents.OrderBy(c => c.Field).Select(c => new ExportConsent(c.Field, c.GrantedAt, c.GrantedVia, c.GrantedByUserId)).ToList(),
                a.BlockedPeriods.OrderBy(b => b.From).Select(b => new ExportBlockedPeriod(b.From, b.To, b.Note)).ToList(),
                photos.TryGetValue(a.Id, out var type) ? $"foto-{a.Id}{Extension(type)}" : null))
            .ToList();
    }

    private async Task<List<ExportRequest>> RequestsAsync(List<int> requestIds, Dictionary<int, string> pools, CancellationToken ct)
    {
        var rows = await db.ConsultationRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Include(r => r.StatusChanges)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var keys = rows.Select(r => r.MunicipalityKey).Distinct().ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => keys.Contains(m.OfficialKey)).ToDictionaryAsync(m => m.OfficialKey, m => m.ShortName, ct);
        return rows.Select(r => new ExportRequest(r.Reference, pools.GetValueOrDefault(r.PoolId) ?? "", r.MunicipalityKey,
                names.GetValueOrDefault(r.MunicipalityKey) ?? r.MunicipalityKey, r.Department, r.ContactName, r.ContactFunction, r.ContactEmail,
                r.ContactPhone, r.Goal, r.Need, r.PreferredFrom, r.PreferredTo, r.Format, r.HeardFrom, r.ConsentGivenAt, r.Culture, r.Status,
                r.StatusReason, r.CreatedAt, r.UpdatedAt,
                r.StatusChanges.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new ExportStatusChange(c.From, c.To, c.At, c.ActorName, c.Note)).ToList()))
            .ToList();
    }

    private async Task<List<ExportFeeStatement>> StatementsAsync(List<int> advisorIds, CancellationToken ct)
    {
        _receipts.Clear();
        _statements.Clear();
        var rows = await db.FeeStatements.AsNoTracking().Where(s => advisorIds.Contains(s.AdvisorId)).Include(s => s.TravelCosts)
            .OrderBy(s => s.Year).ThenBy(s => s.Month).ToListAsync(ct);
        var result = new List<ExportFeeStatement>();
        foreach (var s in rows)
        {
            var reference = FeeStatements.Reference(s.Year, s.Month, s.Id);
            var pdf = $"honorare/{reference}.pdf";
            _statements.Add((pdf, s.Id));
            var travel = new List<ExportTravelCost>();
            foreach (var t in s.TravelCosts.OrderBy(t => t.Date).ThenBy(t => t.Id))
            {
                string? receipt = null;
                if (t.Receipt is not null)
                {
                    receipt = $"belege/{t.Id}-{SafeName(t.ReceiptFileName ?? "beleg")}";
                    _receipts.Add((receipt, t.Id));
                }
                travel.Add(new ExportTravelCost(t.Date, t.Description, t.Kilometres, t.Amount, receipt));
            }
            result.Add(new ExportFeeStatement(reference, s.AdvisorId, s.Year, s.Month, s.Status, s.DayRate, s.OtherCosts, s.OtherCostsNote, s.TaxNote,
                s.InvoiceNumber, s.CreatedAt, s.SubmittedAt, s.ApprovedAt, s.PaidOn, s.PayeeAccountHolder, s.PayeeIbanLast4, s.ReturnComment, travel, pdf));
        }
        return result;
    }

    private async Task<List<ExportConsentRecord>> ConsentHistoryAsync(List<int> advisorIds, List<int> requestIds, string? userId,
        Dictionary<int, string> references, CancellationToken ct)
    {
        var rows = await db.ConsentRecords.AsNoTracking()
            .Where(r => (r.AdvisorId != null && advisorIds.Contains(r.AdvisorId.Value)) || (r.RequestId != null && requestIds.Contains(r.RequestId.Value)))
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.At, r.Purpose, r.Action, r.AdvisorId, r.RequestId, r.Wording, r.Via, r.ByUserId, r.ByName,
                Account = db.Users.Where(u => u.Id == r.ByUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new ExportConsentRecord(r.At, r.Purpose, r.Action.ToString(), r.AdvisorId,
            r.RequestId is { } id ? references.GetValueOrDefault(id) : null, Consents.ConsentWordings.Texts.GetValueOrDefault(r.Wording), r.Via,
            r.Account ?? r.ByName, userId != null && r.ByUserId == userId)).ToList();
    }

    /// <summary>The outbox's mails to the person's addresses, as erasure finds them.</summary>
    private async Task<List<ExportMail>> MailsAsync(Person person, CancellationToken ct)
    {
        var addresses = new[] { person.Email, person.Account?.Email }.OfType<string>().Select(a => a.ToLowerInvariant()).Distinct().ToList();
        return await db.OutboxMails.AsNoTracking().Where(m => addresses.Contains(m.To.ToLower())).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new ExportMail(m.CreatedAt, m.To, m.Subject, m.TemplateId, m.Status, m.SentAt, m.TextBody == "" ? null : m.TextBody))
            .ToListAsync(ct);
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png", "image/webp" => ".webp", "image/gif" => ".gif", _ => ".jpg",
    };

    /// <summary>A file name that stays inside its folder of the ZIP.</summary>
    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return clean.Trim('.').Length == 0 ? "datei" : clean;
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text)
    {
        await using var entry = zip.CreateEntry(name).Open();
        await entry.WriteAsync(Encoding.UTF8.GetBytes(text));
    }

    private static async Task WriteBytesAsync(ZipArchive zip, string name, byte[] content)
    {
        await using var entry = zip.CreateEntry(name).Open();
        await entry.WriteAsync(content);
    }
}
