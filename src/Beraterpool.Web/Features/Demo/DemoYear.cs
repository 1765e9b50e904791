using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Privacy.Consents;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// A year of the programme for the demo: requests in every state of the chain, engagements with activities, options,
/// learnings, comments and a document, approved and paid fee statements — so that every role's first screen tells
/// the story. Dates are relative to today (a request 300 days ago, an activity last week), so it holds in any year.
/// Written as plain rows because it describes a past the workflows would have produced; the quota accounts are
/// summed from the activities so the figures agree.
/// </summary>
public sealed class DemoYear(AppDbContext db, TimeProvider time, IbanProtector ibans)
{
    private sealed record Act(int DaysAgo, ActivityKind Kind, int HalfDays, string Advisor, bool Approved = true, string? Notes = null);

    private sealed record Story(
        string Pool, string City, RequestStatus Status, int CreatedDaysAgo, string Contact, string Function, string Goal, string Need,
        string[] Topics, string[] Advisors, Act[] Activities, EngagementStatus? Engagement = null, string? Reason = null,
        bool DemoContact = false, int? FeedbackRating = null, string? Feedback = null, bool ProposalPending = false);

    private DateOnly _today;
    private Dictionary<int, string> _coordinators = [];
    private string _coordinatorId = "";
    private string? _contactUserId;
    private Dictionary<string, Advisor> _advisors = [];
    private Dictionary<string, string> _userNames = [];

    public async Task SeedAsync(CancellationToken ct)
    {
        _today = time.LocalToday();
        var pools = await db.Pools.Include(p => p.Topics).ToDictionaryAsync(p => p.Slug, ct);
        _advisors = await db.Advisors.ToDictionaryAsync(a => a.FirstName + " " + a.LastName, ct);
        _coordinators = await db.PoolCoordinators.GroupBy(c => c.PoolId).ToDictionaryAsync(g => g.Key, g => g.Min(c => c.UserId)!, ct);
        _contactUserId = await db.Users.Where(u => u.Email == DemoAccounts.MunicipalityContact).Select(u => u.Id).SingleOrDefaultAsync(ct);
        var coordinatorIds = _coordinators.Values.ToList();
        _userNames = await db.Users.Where(u => coordinatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? "", ct);

        AddBankDetails();
        var engagements = new List<(Engagement Engagement, Story Story, Pool Pool)>();
        var number = new Dictionary<int, int>();
        foreach (var story in Stories.OrderBy(s => -s.CreatedDaysAgo))
        {
            var pool = pools[story.Pool];
            _coordinatorId = _coordinators[pool.Id];
            var request = NewRequest(story, pool, DemoSeed.CityKey(story.City), number);
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync(ct);
            db.ConsentRecords.Add(new ConsentRecord
            {
                PoolId = pool.Id, RequestId = request.Id, Purpose = ConsentPurposes.RequestProcessing, Wording = ConsentWordings.RequestV1,
                Action = ConsentAction.Granted, At = request.ConsentGivenAt, Via = ConsentWays.DemoSeed, ByName = $"{request.ContactName} <{request.ContactEmail}>",
            });
            if (story.Status is not (RequestStatus.Submitted or RequestStatus.Withdrawn or RequestStatus.NeedsInformation or RequestStatus.Declined))
            {
                db.IntakeConversations.Add(Intake(story, request, pool));
            }
            AddMessages(story, request, null);
            if (story.Status == RequestStatus.Matching)
                db.InternalNotes.Add(new Requests.Manage.InternalNote
                {
                    RequestId = request.Id, AuthorUserId = _coordinatorId, AuthorName = "Koordinierungsstelle", CreatedAt = At(story.CreatedDaysAgo - 4, 15),
                    Body = $"Telefonat mit {story.Contact}: Die Schulen wünschen sich ein Treffen vor den Sommerferien. Vorschlag an {story.Advisors.FirstOrDefault()} geschickt.",
                });
            if (story.Advisors.Length == 0) continue;
            var group = Guid.NewGuid();
            foreach (var name in story.Advisors)
            {
                db.EngagementInvitations.Add(new EngagementInvitation
                {
                    RequestId = request.Id, AdvisorId = _advisors[name].Id, ProposalGroup = group,
                    Status = story.ProposalPending ? InvitationStatus.Pending : InvitationStatus.Accepted,
                    MatchExplanation = "Themen, Sprache und Entfernung passen (Vorschlag aus dem Abgleich).",
                    ProposedByUserId = _coordinatorId, CreatedAt = At(story.CreatedDaysAgo - 5, 10),
                    RespondedAt = story.ProposalPending ? null : At(story.CreatedDaysAgo - 7, 9),
                });
            }
            if (story.Engagement is { } status)
            {
                var engagement = NewEngagement(story, request, status);
                db.Engagements.Add(engagement);
                await db.SaveChangesAsync(ct);
                AddRecord(engagement, story);
                AddMessages(story, request, engagement);
                engagements.Add((engagement, story, pool));
            }
        }
        await db.SaveChangesAsync(ct);
        await AddStatementsAsync(pools, ct);
        await AddQuotaAccountsAsync(ct);
        db.Audit("demo.year.seeded", "pools", null, details: $"Demo year: {Stories.Length} requests, {engagements.Count} engagements");
        await db.SaveChangesAsync(ct);
    }

    private DateTimeOffset At(int daysAgo, int hour)
    {
        var local = _today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0));
        // Stored in UTC like every other time (PostgreSQL refuses offsets; SQLite would compare them as text).
        return new DateTimeOffset(local, ProgrammeTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private ConsultationRequest NewRequest(Story s, Pool pool, string key, Dictionary<int, int> number)
    {
        var created = At(s.CreatedDaysAgo, 9);
        var year = _today.AddDays(-s.CreatedDaysAgo).Year;
        number[year] = number.GetValueOrDefault(year) + 1;
        var demoContact = s.DemoContact && _contactUserId is not null;
        var request = new ConsultationRequest
        {
            PoolId = pool.Id,
            Reference = $"{ConsultationRequests.ReferencePrefix}-{year}-{number[year]:0000}",
            MunicipalityKey = key,
            Department = s.Function.Contains("Büro") ? "Büro für Internationale Angelegenheiten" : null,
            ContactName = s.Contact,
            ContactFunction = s.Function,
            ContactEmail = demoContact ? DemoAccounts.MunicipalityContact : $"{DemoSeed.Slug(s.Contact).Replace('-', '.')}@{DemoSeed.Slug(s.City)}.local",
            ContactPhone = "0221 555 01" + (number[year] % 90 + 10),
            ContactUserId = demoContact ? _contactUserId : null,
            // Once the office has taken it up, the request has a coordinator who looks after it.
            ResponsibleUserId = s.Status is RequestStatus.Submitted or RequestStatus.Withdrawn or RequestStatus.Declined ? null : _coordinatorId,
            Goal = s.Goal,
            Need = s.Need,
            PreferredFrom = _today.AddDays(-s.CreatedDaysAgo + 14),
            PreferredTo = _today.AddDays(-s.CreatedDaysAgo + 180),
            Format = s.CreatedDaysAgo % 2 == 0 ? ConsultationFormat.Mixed : ConsultationFormat.OnSite,
            HeardFrom = "Dialogforum",
            ConsentGivenAt = created,
            Status = s.Status,
            StatusReason = s.Reason,
            // Nobody knows the secret: the office renews the link (a mail in the outbox) to show the tracking page.
            TrackingTokenHash = ConsultationRequests.HashToken(ConsultationRequests.NewTrackingToken()),
            CreatedAt = created,
            UpdatedAt = created,
            Topics = pool.Topics.Where(t => s.Topics.Contains(t.Slug)).Select(t => new RequestTopic { TopicId = t.Id }).ToList(),
            Languages = [new RequestLanguage { LanguageCode = "de" }],
        };
        foreach (var (from, to, daysAgo, note) in Timeline(s))
        {
            var office = to is not RequestStatus.Submitted and not RequestStatus.Withdrawn;
            request.StatusChanges.Add(new RequestStatusChange
            {
                From = from, To = to, At = At(daysAgo, 11), Note = note,
                ActorUserId = office ? _coordinatorId : null,
                ActorName = office ? "Koordinierungsstelle" : s.Contact,
            });
        }
        request.UpdatedAt = request.StatusChanges.Max(c => c.At);
        return request;
    }

    /// <summary>The moves that led to the story's state, as the workflow would have made them.</summary>
    private static IEnumerable<(RequestStatus? From, RequestStatus To, int DaysAgo, string? Note)> Timeline(Story s)
    {
        var d = s.CreatedDaysAgo;
        yield return (null, RequestStatus.Submitted, d, null);
        switch (s.Status)
        {
            case RequestStatus.Submitted: yield break;
            case RequestStatus.Withdrawn: yield return (RequestStatus.Submitted, RequestStatus.Withdrawn, d - 2, s.Reason); yield break;
            case RequestStatus.NeedsInformation: yield return (RequestStatus.Submitted, RequestStatus.NeedsInformation, d - 1, s.Reason); yield break;
            case RequestStatus.Declined: yield return (RequestStatus.Submitted, RequestStatus.Declined, d - 3, s.Reason); yield break;
        }
        yield return (RequestStatus.Submitted, RequestStatus.Intake, d - 2, null);
        if (s.Status == RequestStatus.Intake) yield break;
        yield return (RequestStatus.Intake, RequestStatus.Matching, d - 4, null);
        if (s.Status == RequestStatus.Matching) yield break;
        yield return (RequestStatus.Matching, RequestStatus.InProgress, d - 8, null);
        if (s.Status == RequestStatus.InProgress) yield break;
        yield return (RequestStatus.InProgress, RequestStatus.Completed, s.Activities.Min(a => a.DaysAgo) - 20, "Einsatz abgeschlossen.");
    }

    private IntakeConversation Intake(Story s, ConsultationRequest request, Pool pool) => new()
    {
        RequestId = request.Id,
        Date = _today.AddDays(-s.CreatedDaysAgo + 2),
        Participants = $"{s.Contact} ({s.Function}), Koordinierungsstelle",
        ClarifiedGoal = s.Goal,
        ClarifiedNeed = s.Need,
        AgreedTopicIds = pool.Topics.Where(t => s.Topics.Contains(t.Slug)).Select(t => t.Id).ToList(),
        ExpectedHalfDays = Math.Max(4, s.Activities.Sum(a => a.HalfDays) + 2),
        Outcome = "Bedarf geklärt; passende Berater*innen werden gesucht.",
        RecordedByUserId = _coordinatorId,
        RecordedAt = At(s.CreatedDaysAgo - 2, 15),
    };

    private Engagement NewEngagement(Story s, ConsultationRequest request, EngagementStatus status)
    {
        var started = At(s.CreatedDaysAgo - 8, 12);
        var closed = status == EngagementStatus.Closed ? At(s.Activities.Min(a => a.DaysAgo) - 20, 16) : (DateTimeOffset?)null;
        return new Engagement
        {
            PoolId = request.PoolId, RequestId = request.Id, MunicipalityKey = request.MunicipalityKey, Status = status,
            StartedAt = started, ClosedAt = closed,
            FeedbackRating = s.FeedbackRating, FeedbackText = s.Feedback,
            FeedbackAt = s.FeedbackRating is null ? null : At(s.Activities.Min(a => a.DaysAgo) - 5, 10),
            Advisors = s.Advisors.Select(a => new EngagementAdvisor
            {
                AdvisorId = _advisors[a].Id, JoinedAt = started,
                Reflection = status == EngagementStatus.Active ? null
                    : "Die Verwaltung hat sehr offen gearbeitet; die Diaspora-Vereine bringen sich jetzt selbst ein.",
            }).ToList(),
        };
    }

    private void AddRecord(Engagement e, Story s)
    {
        foreach (var a in s.Activities)
        {
            var advisor = _advisors[a.Advisor];
            db.Activities.Add(new Activity
            {
                EngagementId = e.Id, AdvisorId = advisor.Id, Date = _today.AddDays(-a.DaysAgo), Kind = a.Kind, HalfDays = a.HalfDays,
                Participants = a.Kind is ActivityKind.Workshop ? "12 Personen aus Verwaltung, Politik und Vereinen" : s.Contact,
                Notes = a.Notes ?? ActivityNote(a.Kind), CreatedByUserId = advisor.UserId, CreatedAt = At(a.DaysAgo - 1, 18),
                ApprovedAt = a.Approved ? At(a.DaysAgo - 3, 10) : null, ApprovedByUserId = a.Approved ? _coordinatorId : null,
            });
        }
        var first = s.Activities.Max(a => a.DaysAgo);
        var done = e.Status != EngagementStatus.Active;
        db.ActionOptions.AddRange(
            new ActionOption
            {
                EngagementId = e.Id, Title = OptionTitle(s.Topics[0]), CarriedOutBy = s.Function,
                Description = "Im Auftaktgespräch vereinbart; die Berater*innen begleiten die ersten Schritte.",
                Status = done ? ActionOptionStatus.Done : ActionOptionStatus.InImplementation,
                DueDate = _today.AddDays(-first + 90), CreatedAt = At(first, 17), UpdatedAt = At(first - 10, 17),
            },
            new ActionOption
            {
                EngagementId = e.Id, Title = "Migrantenorganisationen in den Arbeitskreis einladen", CarriedOutBy = "Koordinierungsstelle und Kommune",
                Status = done ? ActionOptionStatus.InImplementation : ActionOptionStatus.Agreed,
                DueDate = _today.AddDays(30), CreatedAt = At(first, 17), UpdatedAt = At(first, 17),
            });
        var lead = _advisors[s.Advisors[0]];
        db.Learnings.Add(new Learning
        {
            EngagementId = e.Id, AuthorUserId = lead.UserId, AuthorName = s.Advisors[0], Side = EngagementSide.Advisor,
            Text = "Wer die Vergabestelle früh einbindet, spart später lange Abstimmungen.", CreatedAt = At(first - 5, 19),
        });
        if (done)
        {
            db.Learnings.Add(new Learning
            {
                EngagementId = e.Id, AuthorUserId = s.DemoContact ? _contactUserId : null, AuthorName = s.Contact, Side = EngagementSide.Municipality,
                Text = "Die Perspektive der Diaspora hat unsere Partnerschaftsidee konkreter gemacht.", CreatedAt = At(first - 30, 14),
            });
        }
        db.EngagementComments.Add(new EngagementComment
        {
            EngagementId = e.Id, AuthorUserId = s.DemoContact ? _contactUserId : null, AuthorName = s.Contact, Side = EngagementSide.Municipality,
            Text = "Danke für den Workshop – die Fotos vom Flipchart liegen im Ordner des Fachbereichs.", CreatedAt = At(first - 2, 16),
        });
        db.EngagementDocuments.Add(new EngagementDocument
        {
            EngagementId = e.Id, FileName = "Protokoll-Auftaktgespraech.pdf", ContentType = "application/pdf",
            Content = MinimalPdf("Protokoll des Auftaktgesprächs (Demo)"), UploadedByUserId = lead.UserId, UploadedByName = s.Advisors[0],
            UploadedAt = At(first - 1, 20),
        }.WithSize());
    }

    /// <summary>
    /// A few conversations between municipality and pool; Bochum's answer to the office's question is still unread, so the
    /// coordinator's queue shows "Neue Nachricht".
    /// </summary>
    private void AddMessages(Story s, ConsultationRequest request, Engagement? engagement)
    {
        var office = (MessageSide.Office, (string?)_coordinatorId, _userNames.GetValueOrDefault(_coordinatorId, "Koordinierungsstelle"));
        var municipality = (MessageSide.Municipality, (string?)null, s.Contact);
        (MessageSide Side, string? UserId, string Name) Advisor(string name) => (MessageSide.Advisor, _advisors[name].UserId, name);
        var lines = (s.City, s.Status, engagement is null) switch
        {
            ("Bochum", RequestStatus.NeedsInformation, true) => new[]
            {
                (municipality, 1, false, "Das erste Treffen könnte Anfang März stattfinden. Aus der Verwaltung nehmen das Umweltamt und das Integrationsbüro teil."),
            },
            ("Dortmund", RequestStatus.Matching, true) => new[]
            {
                (office, 10, true, "Vielen Dank für das Erstgespräch. Wir haben eine Beraterin angefragt und melden uns, sobald sie zugesagt hat."),
                (municipality, 9, true, "Danke! Die Schulen wären ab der zweiten Schulwoche nach den Ferien bereit."),
            },
            ("Köln", RequestStatus.InProgress, false) => new[]
            {
                (municipality, 20, true, "Können wir die Sozialstandards zuerst bei der Dienstkleidung der Feuerwehr erproben? Die Ausschreibung beginnt im Herbst."),
                (Advisor(Amina), 19, true, "Ja, das passt gut. Ich bringe zum nächsten Termin Beispiele aus zwei anderen Städten mit."),
            },
            _ => [],
        };
        foreach (var ((side, userId, name), daysAgo, read, body) in lines)
        {
            db.Messages.Add(new Message
            {
                PoolId = request.PoolId, RequestId = request.Id, EngagementId = engagement?.Id, Side = side, AuthorUserId = userId, AuthorName = name,
                Body = body, SentAt = At(daysAgo, 11), ReadByOfficeAt = side == MessageSide.Municipality && read ? At(daysAgo, 15) : null,
            });
        }
    }

    private static string OptionTitle(string topic) => topic switch
    {
        "faire-beschaffung" => "Kriterien für faire Dienstkleidung in die nächste Ausschreibung aufnehmen",
        "fairer-handel" => "Bewerbung als Fairtrade-Town vorbereiten",
        "kommunale-partnerschaften" => "Erstes Gespräch mit der möglichen Partnerstadt führen",
        "agenda-2030" => "SDG-Bericht mit drei lokalen Indikatoren beginnen",
        _ => "Arbeitskreis Eine Welt gründen",
    };

    private static string ActivityNote(ActivityKind kind) => kind switch
    {
        ActivityKind.Conversation => "Auftaktgespräch: Ziele, Beteiligte und Zeitplan geklärt.",
        ActivityKind.Workshop => "Workshop mit Verwaltung und Vereinen; Handlungsoptionen gesammelt.",
        ActivityKind.OnSiteVisit => "Vor-Ort-Termin mit dem Fachbereich.",
        ActivityKind.OnlineMeeting => "Online-Abstimmung zum Stand der Umsetzung.",
        ActivityKind.Preparation => "Vorbereitung der Unterlagen.",
        _ => "Nachbereitung und Ergebnisprotokoll.",
    };

    private void AddBankDetails()
    {
        var n = 0;
        foreach (var name in Stories.SelectMany(s => s.Advisors).Distinct())
        {
            var advisor = _advisors[name];
            var iban = DemoIbans[n++ % DemoIbans.Length];
            db.AdvisorBankDetails.Add(new AdvisorBankDetails
            {
                AdvisorId = advisor.Id, AccountHolder = name, IbanProtected = ibans.Protect(iban), IbanLast4 = iban[^4..],
                Street = "Musterstraße " + (n * 3), PostalCode = "50667", City = "Köln", TaxNumber = $"214/5{n:000}/1234{n % 10}",
                UpdatedAt = At(320, 9),
            });
        }
    }

    // Check-digit-valid test IBANs (documentation examples), never real accounts.
    private static readonly string[] DemoIbans = ["DE89370400440532013000", "DE02120300000000202051", "DE02500105170137075030", "DE75512108001245126199"];

    /// <summary>
    /// One statement per advisor and month of approved days: months before last paid, last month approved (the demo
    /// advisor's) or waiting for the office (the others'), this month still open — the states a coordinator meets.
    /// </summary>
    private async Task AddStatementsAsync(Dictionary<string, Pool> pools, CancellationToken ct)
    {
        var approved = await db.Activities.Where(a => a.ApprovedAt != null)
            .Join(db.Engagements, a => a.EngagementId, e => e.Id, (a, e) => new { Activity = a, e.PoolId }).ToListAsync(ct);
        var banks = await db.AdvisorBankDetails.ToDictionaryAsync(b => b.AdvisorId, ct);
        var demoAdvisorId = _advisors["Amina Tesfaye"].Id;
        var thisMonth = _today.Year * 12 + _today.Month;
        var groups = approved.GroupBy(x => (x.Activity.AdvisorId, x.PoolId, x.Activity.Date.Year, x.Activity.Date.Month))
            .Where(g => thisMonth > g.Key.Year * 12 + g.Key.Month).ToList();
        // Each advisor's latest month of the last two is still with the office; everything before is paid.
        var latest = groups.GroupBy(g => g.Key.AdvisorId).Select(a => a.MaxBy(g => g.Key.Year * 12 + g.Key.Month)!.Key)
            .Where(k => thisMonth - (k.Year * 12 + k.Month) <= 2).ToHashSet();
        var invoices = new Dictionary<(int AdvisorId, int Year), int>();
        foreach (var group in groups.OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month))
        {
            var status = !latest.Contains(group.Key) ? FeeStatementStatus.Paid
                : group.Key.AdvisorId == demoAdvisorId ? FeeStatementStatus.Approved : FeeStatementStatus.Submitted;
            var monthEnd = new DateOnly(group.Key.Year, group.Key.Month, 1).AddMonths(1);
            var submitted = At(Math.Max(0, _today.DayNumber - monthEnd.DayNumber - 2), 8);
            var decided = At(Math.Max(0, _today.DayNumber - monthEnd.DayNumber - 4), 9);
            _coordinatorId = _coordinators[group.Key.PoolId];
            var bank = banks[group.Key.AdvisorId];
            var pool = pools.Values.Single(p => p.Id == group.Key.PoolId);
            var invoiceYear = ProgrammeTime.LocalDate(submitted).Year;
            var invoice = invoices[(group.Key.AdvisorId, invoiceYear)] = invoices.GetValueOrDefault((group.Key.AdvisorId, invoiceYear)) + 1;
            var statement = new FeeStatement
            {
                InvoiceNumber = $"{invoiceYear}-{invoice:000}",
                PoolId = group.Key.PoolId, AdvisorId = group.Key.AdvisorId, Year = group.Key.Year, Month = group.Key.Month, Status = status,
                DayRate = pool.DayRate, TaxNote = FeeStatements.TaxNoteDefault, CreatedAt = submitted, SubmittedAt = submitted,
                ApprovedAt = status == FeeStatementStatus.Submitted ? null : decided,
                ApprovedByUserId = status == FeeStatementStatus.Submitted ? null : _coordinatorId,
                PaidOn = status == FeeStatementStatus.Paid ? monthEnd.AddDays(14) : null,
                Version = status switch { FeeStatementStatus.Paid => 3, FeeStatementStatus.Approved => 2, _ => 1 },
                PayeeAccountHolder = bank.AccountHolder, PayeeIbanProtected = bank.IbanProtected, PayeeIbanLast4 = bank.IbanLast4,
                TravelCosts =
                [
                    new TravelCost { Date = group.Min(x => x.Activity.Date), Description = "Bahnfahrt zum Workshop (2. Klasse)", Amount = 38.60m },
                ],
            };
            db.FeeStatements.Add(statement);
            await db.SaveChangesAsync(ct);
            foreach (var x in group) x.Activity.FeeStatementId = statement.Id;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AddQuotaAccountsAsync(CancellationToken ct)
    {
        var used = await db.Activities.Join(db.Engagements, a => a.EngagementId, e => e.Id, (a, e) => new { e.PoolId, e.MunicipalityKey, a.Date, a.HalfDays })
            .ToListAsync(ct);
        var quotas = await db.Pools.ToDictionaryAsync(p => p.Id, p => p.AnnualDayQuota * 2, ct);
        foreach (var g in used.GroupBy(u => (u.PoolId, u.MunicipalityKey, u.Date.Year)))
        {
            db.DayQuotaAccounts.Add(new DayQuotaAccount
            {
                PoolId = g.Key.PoolId, MunicipalityKey = g.Key.MunicipalityKey, Year = g.Key.Year,
                QuotaHalfDays = quotas[g.Key.PoolId], UsedHalfDays = g.Sum(u => u.HalfDays),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF with one line of text, built by hand so the demo needs no font set-up.</summary>
    internal static byte[] MinimalPdf(string line)
    {
        var text = line.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var stream = $"BT /F1 16 Tf 72 760 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:0000000000} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private const string Amina = "Amina Tesfaye", Youssef = "Youssef El Amrani", Fatou = "Fatou Ndiaye", Armando = "Armando Có",
        Adjoa = "Adjoa Mensah", Samuel = "Samuel Otieno";

    private static readonly Story[] Stories =
    [
        new("nrw", "Witten", RequestStatus.Completed, 400, "Petra Lange", "Agenda-21-Büro",
            "Witten möchte eine Partnerschaft mit einer Stadt in Ghana aufbauen.",
            "Beratung, wie ghanaische Vereine in Witten von Anfang an beteiligt werden.",
            ["kommunale-partnerschaften"], [Adjoa],
            [new(390, ActivityKind.Conversation, 2, Adjoa), new(375, ActivityKind.Workshop, 2, Adjoa), new(360, ActivityKind.FollowUp, 1, Adjoa)],
            EngagementStatus.Closed, FeedbackRating: 4, Feedback: "Sehr hilfreich, gerne wieder."),
        new("nrw", "Köln", RequestStatus.Completed, 300, "Stadt Köln, Büro für Internationale Angelegenheiten", "Büro für Internationale Angelegenheiten",
            "Köln will seine Städtepartnerschaften stärker mit der afrikanischen Diaspora verbinden.",
            "Ein Workshop mit Vereinen und Verwaltung, danach Begleitung der ersten Schritte.",
            ["zivilgesellschaft", "kommunale-partnerschaften"], [Amina, Youssef],
            [new(285, ActivityKind.Conversation, 2, Amina), new(270, ActivityKind.Workshop, 2, Amina), new(270, ActivityKind.Workshop, 2, Youssef),
             new(255, ActivityKind.OnSiteVisit, 2, Amina)],
            EngagementStatus.Closed, DemoContact: true, FeedbackRating: 5, Feedback: "Der Workshop hat Verwaltung und Vereine an einen Tisch gebracht."),
        new("nrw", "Mülheim an der Ruhr", RequestStatus.InProgress, 150, "Jonas Weber", "Referat Klimaschutz",
            "Mülheim sucht Wege, Partnerschaftsprojekte in Guinea-Bissau zu fördern.",
            "Überblick über Förderprogramme und ein Projektentwurf.",
            ["kommunale-partnerschaften"], [Armando],
            [new(135, ActivityKind.Conversation, 2, Armando), new(120, ActivityKind.Workshop, 2, Armando)],
            EngagementStatus.Closing, FeedbackRating: 4, Feedback: "Gute Übersicht über die Förderwege."),
        new("nrw", "Bonn", RequestStatus.InProgress, 100, "Sabine Krüger", "Zentrale Vergabestelle",
            "Bonn will Fairtrade-Town werden und den fairen Handel im Rathaus sichtbar machen.",
            "Beratung zu Kriterien und zu einer Aktionswoche mit Weltläden.",
            ["fairer-handel", "agenda-2030"], [Fatou],
            [new(85, ActivityKind.Conversation, 2, Fatou), new(62, ActivityKind.Workshop, 2, Fatou), new(33, ActivityKind.OnlineMeeting, 1, Fatou),
             new(6, ActivityKind.OnSiteVisit, 2, Fatou, Approved: false, Notes: "Rundgang mit dem Weltladen-Team; Stand der Bewerbung besprochen.")]),
        new("nrw", "Köln", RequestStatus.InProgress, 60, "Stadt Köln, Büro für Internationale Angelegenheiten", "Büro für Internationale Angelegenheiten",
            "Faire Dienstkleidung für die Stadtreinigung und die Feuerwehr.",
            "Beratung zu Sozialstandards in der nächsten Ausschreibung.",
            ["faire-beschaffung"], [Amina],
            [new(48, ActivityKind.Conversation, 2, Amina), new(31, ActivityKind.Workshop, 2, Amina),
             new(4, ActivityKind.OnlineMeeting, 1, Amina, Approved: false, Notes: "Entwurf der Leistungsbeschreibung durchgesehen.")],
            EngagementStatus.Active, DemoContact: true),
        new("nrw", "Hamm", RequestStatus.Withdrawn, 25, "Olaf Brandt", "Integrationsbüro",
            "Ein Dialogforum mit migrantischen Vereinen.", "Moderation eines Abends.", ["zivilgesellschaft"], [], [],
            Reason: "Das Forum findet im Rahmen eines anderen Programms statt."),
        new("nrw", "Duisburg", RequestStatus.Declined, 20, "Mehmet Yilmaz", "Wirtschaftsförderung",
            "Beratung zur Ansiedlung eines Unternehmens.", "Standortmarketing.", ["agenda-2030"], [], [],
            Reason: "Standortmarketing gehört nicht zur kommunalen Entwicklungspolitik; wir haben Ihnen die Servicestelle genannt."),
        new("nrw", "Dortmund", RequestStatus.Matching, 12, "Claudia Hoffmann", "Büro für Internationale Beziehungen",
            "Dortmund möchte eine Schulpartnerschaft mit Kenia in die Städtepartnerschaft einbinden.",
            "Begleitung von zwei Treffen mit Schulen und Vereinen.",
            ["globales-lernen", "zivilgesellschaft"], [Amina], [], ProposalPending: true),
        new("nrw", "Münster", RequestStatus.Intake, 6, "Tobias Schulte", "Amt für Grünflächen, Umwelt und Nachhaltigkeit",
            "Münster will seinen SDG-Bericht um lokale Indikatoren erweitern.", "Beratung zu Indikatoren und Beteiligung.",
            ["agenda-2030"], [], []),
        new("nrw", "Bochum", RequestStatus.NeedsInformation, 12, "Anna Becker", "Umwelt- und Grünflächenamt",
            "Bochum plant einen Arbeitskreis Eine Welt.", "Unterstützung beim Start.", ["zivilgesellschaft"], [], [],
            Reason: "Bitte nennen Sie uns einen Zeitraum für das erste Treffen und wer aus der Verwaltung teilnimmt."),
        new("nrw", "Aachen", RequestStatus.Submitted, 1, "Lea Schmitz", "Fachbereich Umwelt",
            "Aachen möchte faire Beschaffung in der IT einführen.", "Ein Workshop für die Vergabestellen.", ["faire-beschaffung"], [], []),
        new("bw", "Karlsruhe", RequestStatus.InProgress, 70, "Martin Vogel", "Büro für Internationales",
            "Karlsruhe möchte eine Klimapartnerschaft mit einer Stadt in Kenia prüfen.", "Beratung zu ersten Kontakten.",
            ["kommunale-partnerschaften"], [Samuel],
            [new(55, ActivityKind.Conversation, 2, Samuel), new(36, ActivityKind.OnlineMeeting, 1, Samuel)], EngagementStatus.Active),
        new("bw", "Stuttgart", RequestStatus.Submitted, 3, "Julia Wagner", "Abteilung Integrationspolitik",
            "Stuttgart will Migrantenorganisationen in die Nachhaltigkeitsstrategie einbinden.", "Ein Beteiligungsformat.",
            ["zivilgesellschaft"], [], []),
    ];
}

internal static class DemoDocumentSize
{
    public static EngagementDocument WithSize(this EngagementDocument d)
    {
        d.Size = d.Content.Length;
        return d;
    }
}
