using System.Collections.Concurrent;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beraterpool.Tests.Security;

/// <summary>
/// The demo app plus the records the proofs need: in pool A (nrw) one set of records of the demo advisor and the demo
/// municipality contact ("a1") and one of a second advisor and a second contact ("a2"); in pool B (bw) one set of a
/// bw advisor and a Stuttgart contact ("b"). Each set: a request with a tracking link, an engagement with an activity,
/// an option, a document and a comment, a fee statement with a travel receipt, an invitation.
/// </summary>
public class SecurityApp : TestApp
{
    public SecurityApp() : base(demo: true, importGazetteer: false)
    {
        // The proofs post far more than a person would; the rate limiter is proved elsewhere.
        With("Requests:RateLimit:PermitLimit", "1000000");
        With("Serilog:MinimumLevel:Default", "Error");
        // The proofs run for minutes on a busy machine; after the default minute every request would re-check the
        // callers' security stamps, and a proof would depend on the machine's speed. Session ends are proved elsewhere.
        With("Accounts:Session:StampCheckInterval", "01:00:00");
    }

    /// <summary>Exceptions that reached the exception handler: each one is a 500 somebody saw.</summary>
    public ConcurrentQueue<string> Exceptions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IExceptionHandler>(new ExceptionRecorder(Exceptions)));
    }

    private sealed class ExceptionRecorder(ConcurrentQueue<string> sink) : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            sink.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}: {exception.GetType().Name}: {exception.Message}");
            return ValueTask.FromResult(false); // the app's own /error/500 page still answers
        }
    }

    public SecurityWorld World { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        World = await SecurityWorld.BuildAsync(this);
    }
}

/// <summary>One record set: the ids and keys that fill a route's parameters.</summary>
public sealed record RecordSet(string Name, int PoolId, string PoolSlug, int AdvisorId, string AdvisorSlug, string MunicipalityKey, int RequestId,
    string TrackingToken, int EngagementId, int ActivityId, int OptionId, int DocumentId, int StatementId, int TravelId, int InvitationId,
    string RequestReference, string StatementReference, string Iban, string ContactUserId, int CommentId = 0, int IntakeId = 0, int EventId = 0, string EventToken = "",
    int HandbookId = 0, int ChapterId = 0, string HandbookSlug = "", int MentorshipId = 0, int OrganisationId = 0, int StakeholderContactId = 0, int SeriesId = 0, int SeminarId = 0, string SeminarToken = "", string TrainerToken = "", int MaterialId = 0, string SitePageSlug = "", int InterviewGuideId = 0, int InterviewId = 0, int CallId = 0, string ApplicationToken = "", int ApplicationId = 0, int CustomIndicatorId = 0)
{
    /// <summary>Texts only this set's people (and its pool's coordinators) may read: none of them may show up anywhere else.</summary>
    public string[] Secrets => [RequestReference, $"Kontakt {Name}", $"kontakt-{Name}@stadt.example", $"Option {Name}", $"protokoll-{Name}.pdf", StatementReference, Iban];
}

/// <summary>A signed-in (or anonymous) caller: the cookies and the anti-forgery token a browser of that role would hold.</summary>
public sealed record Caller(string Role, string Email, string Cookies, string RequestToken);

public sealed class SecurityWorld
{
    public const string OtherAdvisor = "zweite.beraterin@example.org", OtherContact = "kontakt@bonn.example", OtherMentor = "zweite.mentorin@example.org";
    private const string BwAdvisor = "beraterin.bw@example.org", BwContact = "kontakt@stuttgart.example";

    /// <summary>The roles of the matrix, in the order the table lists them.</summary>
    public static readonly string[] Roles =
        ["anonymous", "advisor", "other-advisor", "contact", "other-contact", "reviewer", "mentor", "coordinator-a", "coordinator-b", "administrator"];

    public required IReadOnlyList<RecordSet> Sets { get; init; }
    public required IReadOnlyDictionary<string, Caller> Callers { get; init; }

    public RecordSet Set(string name) => Sets.Single(s => s.Name == name);

    public static async Task<SecurityWorld> BuildAsync(SecurityApp app)
    {
        var advisorId = await UserIdAsync(app, DemoAccounts.Advisor);
        var contactId = await UserIdAsync(app, DemoAccounts.MunicipalityContact);
        var otherAdvisorId = (await app.CreateUserAsync(OtherAdvisor, Web.Features.Accounts.Roles.Advisor)).Id;
        var otherContactId = (await app.CreateUserAsync(OtherContact, Web.Features.Accounts.Roles.MunicipalityContact)).Id;
        var bwAdvisorId = (await app.CreateUserAsync(BwAdvisor, Web.Features.Accounts.Roles.Advisor)).Id;
        var bwContactId = (await app.CreateUserAsync(BwContact, Web.Features.Accounts.Roles.MunicipalityContact)).Id;

        var sets = new List<RecordSet>
        {
            await RecordsAsync(app, "a1", "nrw", advisorId, contactId, "05315000", "DE89370400440532013000", existingAdvisorUser: true),
            await RecordsAsync(app, "a2", "nrw", otherAdvisorId, otherContactId, "05314000", "DE02120300000000202051", existingAdvisorUser: false),
            await RecordsAsync(app, "b", "bw", bwAdvisorId, bwContactId, "08111000", "DE02500105170137075030", existingAdvisorUser: false),
        };

        for (var i = 0; i < sets.Count; i++) sets[i] = await WithHandbookAsync(app, sets[i]);
        for (var i = 0; i < sets.Count; i++) sets[i] = await WithInterviewAsync(app, sets[i]);
        for (var i = 0; i < sets.Count; i++) sets[i] = await WithCustomIndicatorAsync(app, sets[i]);
        // The demo mentor mentors set a1's advisor; the other sets' pairs have another mentor, so the matrix shows isolation.
        var otherMentorId = (await app.CreateUserAsync(OtherMentor, Web.Features.Accounts.Roles.Mentor)).Id;
        var mentorId = await UserIdAsync(app, DemoAccounts.Mentor);
        for (var i = 0; i < sets.Count; i++) sets[i] = await WithMentorshipAsync(app, sets[i], i == 0 ? mentorId : otherMentorId);
        for (var i = 0; i < sets.Count; i++) sets[i] = await WithStakeholdersAsync(app, sets[i]);
        for (var i = 0; i < sets.Count; i++) sets[i] = await WithSeminarAsync(app, sets[i]);

        var callers = new Dictionary<string, Caller>
        {
            ["anonymous"] = await CallerAsync(app, "anonymous", null),
            ["advisor"] = await CallerAsync(app, "advisor", DemoAccounts.Advisor),
            ["other-advisor"] = await CallerAsync(app, "other-advisor", OtherAdvisor),
            ["contact"] = await CallerAsync(app, "contact", DemoAccounts.MunicipalityContact),
            ["other-contact"] = await CallerAsync(app, "other-contact", OtherContact),
            ["reviewer"] = await CallerAsync(app, "reviewer", DemoAccounts.Reviewer),
            ["mentor"] = await CallerAsync(app, "mentor", DemoAccounts.Mentor),
            ["coordinator-a"] = await CallerAsync(app, "coordinator-a", DemoAccounts.CoordinatorNrw),
            ["coordinator-b"] = await CallerAsync(app, "coordinator-b", DemoAccounts.CoordinatorBw),
            ["administrator"] = await CallerAsync(app, "administrator", DemoAccounts.Administrator),
        };
        return new SecurityWorld { Sets = sets, Callers = callers };
    }

    private static Task<RecordSet> WithMentorshipAsync(SecurityApp app, RecordSet set, string mentorUserId) => app.WithDbAsync(async db =>
    {
        var pair = new Web.Features.Mentoring.Mentorship
        {
            PoolId = set.PoolId, AdvisorId = set.AdvisorId, MentorUserId = mentorUserId, Goals = $"Ziele {set.Name}",
            Status = Web.Features.Mentoring.MentorshipStatus.Active, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Mentorships.Add(pair);
        await db.SaveChangesAsync();
        return set with { MentorshipId = pair.Id };
    });

    /// <summary>An organisation of the pool's network with one contact.</summary>
    private static Task<RecordSet> WithStakeholdersAsync(SecurityApp app, RecordSet set) => app.WithDbAsync(async db =>
    {
        var organisation = new Web.Features.Stakeholders.Organisation
        {
            PoolId = set.PoolId, Name = $"Netzwerk {set.Name}", Kind = Web.Features.Stakeholders.OrganisationKind.Network, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var contact = new Web.Features.Stakeholders.Contact
        {
            PoolId = set.PoolId, Name = $"Ansprechperson {set.Name}", Email = $"netz-{set.Name}@verband.example", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Organisations = [new Web.Features.Stakeholders.ContactOrganisation { OrganisationId = organisation.Id }],
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return set with { OrganisationId = organisation.Id, StakeholderContactId = contact.Id };
    });

    /// <summary>The pool's participant handbook (the demo's in pool A, a new one in pool B) and its first chapter.</summary>
    /// <summary>A seminar series of the set's pool with a coming seminar; the set's advisor takes part and holds an RSVP link.</summary>
    private static Task<RecordSet> WithSeminarAsync(SecurityApp app, RecordSet set) => app.WithDbAsync(async db =>
    {
        var token = $"seminar-link-{set.Name}-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var series = new Web.Features.Seminars.SeminarSeries { PoolId = set.PoolId, Title = $"Reihe {set.Name}", CreatedAt = now, UpdatedAt = now };
        series.Seminars.Add(new Web.Features.Seminars.Seminar { Title = $"Seminar {set.Name}", StartsAt = now.AddDays(30), EndsAt = now.AddDays(30).AddHours(6), CreatedAt = now, UpdatedAt = now });
        series.Participants.Add(new Web.Features.Seminars.SeminarParticipant { AdvisorId = set.AdvisorId, JoinedAt = DateTimeOffset.UnixEpoch });
        db.SeminarSeries.Add(series);
        await db.SaveChangesAsync();
        db.SeminarAttendances.Add(new Web.Features.Seminars.SeminarAttendance
        {
            SeminarId = series.Seminars[0].Id, ParticipantId = series.Participants[0].Id, InvitedAt = now,
            TokenHash = Web.Features.Seminars.SeminarProgram.HashToken(token),
        });
        var trainerToken = $"trainer-link-{set.Name}-{Guid.NewGuid():N}";
        db.SeminarTrainerLinks.Add(new Web.Features.Seminars.SeminarTrainerLink
        {
            SeminarId = series.Seminars[0].Id, TrainerName = $"Trainerin {set.Name}", TokenHash = Web.Features.Seminars.SeminarProgram.HashToken(trainerToken),
            CreatedAt = now, ExpiresAt = now.AddDays(40),
        });
        var material = new Web.Features.Seminars.SeminarMaterial
        {
            SeminarId = series.Seminars[0].Id, FileName = "folien.pdf", ContentType = "application/pdf", Content = "%PDF-1.4\n%%EOF\n"u8.ToArray(), Size = 15,
            UploadedByName = "Koordination", UploadedAt = now,
        };
        db.SeminarMaterials.Add(material);
        await db.SaveChangesAsync();
        return set with { SeriesId = series.Id, SeminarId = series.Seminars[0].Id, SeminarToken = token, TrainerToken = trainerToken, MaterialId = material.Id };
    });

    /// <summary>An interview guide of the set's pool and a draft interview with the set's municipality.</summary>
    private static Task<RecordSet> WithInterviewAsync(SecurityApp app, RecordSet set) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var guide = new Web.Features.Interviews.InterviewGuide
        {
            PoolId = set.PoolId, Title = $"Leitfaden {set.Name}", CreatedAt = now, UpdatedAt = now,
            Questions = [new Web.Features.Interviews.InterviewQuestion { Position = 1, Kind = Web.Features.Interviews.QuestionKind.Open, Text = "Was braucht Ihre Kommune?" }],
        };
        db.InterviewGuides.Add(guide);
        await db.SaveChangesAsync();
        guide.FamilyId = guide.Id;
        var interview = new Web.Features.Interviews.Interview
        {
            PoolId = set.PoolId, GuideId = guide.Id, MunicipalityKey = set.MunicipalityKey, HeldOn = new DateOnly(2026, 3, 2), CreatedAt = now, UpdatedAt = now,
        };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        return set with { InterviewGuideId = guide.Id, InterviewId = interview.Id };
    });

    /// <summary>A custom indicator of the set's pool with a value for 2025.</summary>
    private static Task<RecordSet> WithCustomIndicatorAsync(SecurityApp app, RecordSet set) => app.WithDbAsync(async db =>
    {
        var indicator = new Web.Features.Impact.Custom.CustomIndicator
        {
            PoolId = set.PoolId, Name = $"Kennzahl {set.Name}", Unit = "Artikel", Period = Web.Features.Impact.Custom.IndicatorPeriod.Quarter,
            Values = [new() { Year = 2025, Quarter = 1, Value = 2 }],
        };
        db.CustomIndicators.Add(indicator);
        await db.SaveChangesAsync();
        return set with { CustomIndicatorId = indicator.Id };
    });

    private static Task<RecordSet> WithHandbookAsync(SecurityApp app, RecordSet set) => app.WithDbAsync(async db =>
    {
        var handbook = await db.Handbooks.Include(h => h.Chapters).Where(h => h.PoolId == set.PoolId && h.Kind == HandbookKind.Participant).FirstOrDefaultAsync();
        if (handbook is null)
        {
            handbook = new Handbook
            {
                PoolId = set.PoolId, Slug = $"handbuch-{set.PoolSlug}", Title = $"Handbuch {set.PoolSlug}", Kind = HandbookKind.Participant,
                Visibility = HandbookVisibility.Advisors, Revision = 1, UpdatedAt = DateTimeOffset.UtcNow,
                Chapters = [new HandbookChapter { Position = 1, Title = "Kapitel", Markdown = "Text" }],
            };
            var snapshot = HandbookSnapshot.Of(handbook);
            handbook.Versions.Add(new HandbookVersion { Number = 1, CreatedAt = DateTimeOffset.UtcNow, Change = HandbookChange.Created, Title = snapshot.Title, ChaptersJson = snapshot.ChaptersJson() });
            db.Handbooks.Add(handbook);
            await db.SaveChangesAsync();
        }
        // A site page still in draft: only the pool's office may look at it before it goes public.
        var draft = new Handbook
        {
            PoolId = set.PoolId, Slug = $"entwurf-{set.Name}", Title = $"Entwurf {set.Name}", Kind = HandbookKind.SitePage,
            Visibility = HandbookVisibility.Coordinators, Revision = 1, UpdatedAt = DateTimeOffset.UtcNow,
            Chapters = [new HandbookChapter { Position = 1, Title = "Seite", Markdown = "Noch nicht öffentlich" }],
        };
        db.Handbooks.Add(draft);
        await db.SaveChangesAsync();
        return set with { HandbookId = handbook.Id, ChapterId = handbook.Chapters.OrderBy(c => c.Position).First().Id, HandbookSlug = handbook.Slug, SitePageSlug = draft.Slug };
    });

    private static async Task<RecordSet> RecordsAsync(SecurityApp app, string name, string poolSlug, string advisorUserId, string contactUserId,
        string municipalityKey, string iban, bool existingAdvisorUser)
    {
        var token = $"geheimer-link-{name}-{Guid.NewGuid():N}";
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var pool = await db.Pools.SingleAsync(p => p.Slug == poolSlug);
            // The demo advisor already has her record; the others take over a seeded advisor of their pool.
            var advisor = existingAdvisorUser
                ? await db.Advisors.SingleAsync(a => a.UserId == advisorUserId)
                : await db.Advisors.Where(a => a.PoolId == pool.Id && a.UserId == null).OrderByDescending(a => a.Id).FirstAsync();
            advisor.UserId = advisorUserId;

            var request = new ConsultationRequest
            {
                PoolId = pool.Id, Reference = $"SEC-{name}-{Guid.NewGuid():N}"[..16], MunicipalityKey = municipalityKey, ContactName = $"Kontakt {name}",
                ContactEmail = $"kontakt-{name}@stadt.example", ContactUserId = contactUserId, Goal = "Ziel", Need = "Bedarf",
                TrackingTokenHash = ConsultationRequests.HashToken(token), Status = RequestStatus.InProgress, ConsentGivenAt = now, CreatedAt = now, UpdatedAt = now,
            };
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();

            var engagement = new Engagement { PoolId = pool.Id, RequestId = request.Id, MunicipalityKey = municipalityKey, StartedAt = now.AddDays(-20) };
            engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = now.AddDays(-20) });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();

            var activity = new Activity
            {
                EngagementId = engagement.Id, AdvisorId = advisor.Id, Date = today, HalfDays = 1, Kind = ActivityKind.Workshop, CreatedAt = now,
                CreatedByUserId = advisorUserId,
            };
            var option = new ActionOption { EngagementId = engagement.Id, Title = $"Option {name}", CreatedAt = now, UpdatedAt = now };
            var document = new EngagementDocument
            {
                EngagementId = engagement.Id, FileName = $"protokoll-{name}.pdf", ContentType = "application/pdf", Size = 8, Content = "%PDF-1.4"u8.ToArray(),
                UploadedByUserId = advisorUserId, UploadedByName = "Beraterin", UploadedAt = now,
            };
            db.Activities.Add(activity);
            // Booked on the municipality's day account as logging would, so that deleting it gives the half day back.
            var account = await db.DayQuotaAccounts.FirstOrDefaultAsync(a => a.PoolId == pool.Id && a.MunicipalityKey == municipalityKey && a.Year == today.Year);
            if (account is null)
                db.DayQuotaAccounts.Add(new DayQuotaAccount { PoolId = pool.Id, MunicipalityKey = municipalityKey, Year = today.Year, QuotaHalfDays = 20, UsedHalfDays = activity.HalfDays });
            else account.UsedHalfDays += activity.HalfDays;
            db.ActionOptions.Add(option);
            db.EngagementDocuments.Add(document);
            var comment = new EngagementComment
            {
                EngagementId = engagement.Id, AuthorUserId = contactUserId, AuthorName = $"Kontakt {name}", Side = EngagementSide.Municipality, Text = "Danke!", CreatedAt = now,
            };
            db.EngagementComments.Add(comment);
            // Recorded by the pool's first coordinator: only she may correct it.
            var intake = new IntakeConversation
            {
                RequestId = request.Id, Date = today, Participants = $"Kontakt {name}", ClarifiedGoal = "Ziel", ClarifiedNeed = "Bedarf", ExpectedHalfDays = 4,
                Outcome = "Vereinbart", RecordedAt = now,
                RecordedByUserId = await db.PoolCoordinators.Where(c => c.PoolId == pool.Id).OrderBy(c => c.UserId).Select(c => c.UserId).FirstOrDefaultAsync(),
            };
            db.IntakeConversations.Add(intake);

            var statement = new FeeStatement
            {
                PoolId = pool.Id, AdvisorId = advisor.Id, Year = today.Year, Month = today.Month, Status = FeeStatementStatus.Submitted, DayRate = 250m,
                CreatedAt = now, SubmittedAt = now,
            };
            statement.TravelCosts.Add(new TravelCost
            {
                Date = today, Description = "Bahnfahrt", Amount = 42m, Receipt = "%PDF-1.4"u8.ToArray(), ReceiptContentType = "application/pdf", ReceiptFileName = "ticket.pdf",
            });
            db.FeeStatements.Add(statement);

            var invitation = new EngagementInvitation
            {
                RequestId = request.Id, AdvisorId = advisor.Id, ProposalGroup = Guid.NewGuid(), Status = InvitationStatus.Pending, CreatedAt = now,
            };
            db.EngagementInvitations.Add(invitation);
            db.AdvisorBankDetails.Add(new AdvisorBankDetails
            {
                AdvisorId = advisor.Id, AccountHolder = $"{advisor.FirstName} {advisor.LastName}", IbanProtected = app.Services.GetRequiredService<IbanProtector>().Protect(iban),
                IbanLast4 = iban[^4..], Street = "Hauptstraße 1", PostalCode = "50667", City = "Köln", TaxNumber = "214/5000/1234", UpdatedAt = now,
            });
            await db.SaveChangesAsync();

            // A public event of the pool with one registration: its desk is the pool's coordinators', its personal link the person's.
            var eventToken = ConsultationRequests.NewTrackingToken();
            var ev = new Web.Features.Events.Event
            {
                PoolId = pool.Id, Title = $"Forum {name}", Kind = Web.Features.Events.EventKind.DialogueForum, IsPublic = true, Capacity = 20,
                StartsAt = now.AddDays(30), EndsAt = now.AddDays(30).AddHours(2), CreatedAt = now, UpdatedAt = now,
            };
            ev.Registrations.Add(new Web.Features.Events.EventRegistration
            {
                Name = $"Kontakt {name}", Email = $"kontakt-{name}@stadt.example", Status = Web.Features.Events.RegistrationStatus.Registered,
                TokenHash = ConsultationRequests.HashToken(eventToken), ConsentGivenAt = now, RegisteredAt = now,
            });
            db.Events.Add(ev);
            await db.SaveChangesAsync();

            // An open application call of the pool.
            var call = new Web.Features.Applications.Call
            {
                PoolId = pool.Id, Title = $"Ausschreibung {name}", OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30), CreatedAt = now, UpdatedAt = now,
                Criteria = [new() { Position = 1, Name = "Motivation" }],
            };
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            var applicationToken = Web.Features.Applications.ApplicationDesk.NewToken();
            var application = new Web.Features.Applications.Application
            {
                CallId = call.Id, PoolId = pool.Id, FirstName = "Bewerberin", LastName = name, Email = $"bewerbung-{name}@example.org", Motivation = "Motivation",
                TokenHash = Web.Features.Applications.ApplicationDesk.Hash(applicationToken), SubmittedAt = now, UpdatedAt = now,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();

            return new RecordSet(name, pool.Id, pool.Slug, advisor.Id, advisor.Slug, municipalityKey, request.Id, token, engagement.Id, activity.Id, option.Id,
                document.Id, statement.Id, statement.TravelCosts[0].Id, invitation.Id, request.Reference,
                FeeStatements.Reference(statement.Year, statement.Month, statement.Id), iban, contactUserId, comment.Id, intake.Id, ev.Id, eventToken, CallId: call.Id, ApplicationToken: applicationToken, ApplicationId: application.Id);
        });
    }

    /// <summary>
    /// The cookies a browser of the account would carry (authentication as Identity issues it, plus the anti-forgery
    /// cookie) and a matching form token, so that a POST is decided by authorization, not by a missing token.
    /// </summary>
    private static async Task<Caller> CallerAsync(SecurityApp app, string role, string? email)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var context = new DefaultHttpContext { RequestServices = services };
        var cookies = new List<string>();
        if (email is not null)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            context.User = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var ticket = new AuthenticationTicket(context.User, new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow }, IdentityConstants.ApplicationScheme);
            cookies.Add($"{options.Cookie.Name ?? ".AspNetCore.Identity.Application"}={options.TicketDataFormat.Protect(ticket)}");
        }
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        foreach (var setCookie in context.Response.Headers.SetCookie) cookies.Add(setCookie!.Split(';')[0]);
        return new Caller(role, email ?? "", string.Join("; ", cookies), tokens.RequestToken!);
    }

    private static async Task<string> UserIdAsync(TestApp app, string email)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }
}
