using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Privacy;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Beraterpool.Web.Data;

/// <summary>
/// The one context. Each provider has a derived type (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) only so that each gets its own migrations set.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Pool> Pools => Set<Pool>();
    public DbSet<PoolCoordinator> PoolCoordinators => Set<PoolCoordinator>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Advisor> Advisors => Set<Advisor>();
    public DbSet<AdvisorCountry> AdvisorCountries => Set<AdvisorCountry>();
    public DbSet<AdvisorLanguage> AdvisorLanguages => Set<AdvisorLanguage>();
    public DbSet<AdvisorTopic> AdvisorTopics => Set<AdvisorTopic>();
    public DbSet<AdvisorConsent> AdvisorConsents => Set<AdvisorConsent>();
    public DbSet<BlockedPeriod> BlockedPeriods => Set<BlockedPeriod>();
    public DbSet<AdvisorPhoto> AdvisorPhotos => Set<AdvisorPhoto>();
    public DbSet<State> States => Set<State>();
    public DbSet<GovernmentDistrict> GovernmentDistricts => Set<GovernmentDistrict>();
    public DbSet<MunicipalAssociation> MunicipalAssociations => Set<MunicipalAssociation>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();
    public DbSet<RequestTopic> RequestTopics => Set<RequestTopic>();
    public DbSet<RequestLanguage> RequestLanguages => Set<RequestLanguage>();
    public DbSet<RequestStatusChange> RequestStatusChanges => Set<RequestStatusChange>();
    public DbSet<IntakeConversation> IntakeConversations => Set<IntakeConversation>();
    public DbSet<Features.Requests.Manage.InternalNote> InternalNotes => Set<Features.Requests.Manage.InternalNote>();
    public DbSet<EngagementInvitation> EngagementInvitations => Set<EngagementInvitation>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<EngagementAdvisor> EngagementAdvisors => Set<EngagementAdvisor>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActionOption> ActionOptions => Set<ActionOption>();
    public DbSet<Learning> Learnings => Set<Learning>();
    public DbSet<EngagementComment> EngagementComments => Set<EngagementComment>();
    public DbSet<EngagementDocument> EngagementDocuments => Set<EngagementDocument>();
    public DbSet<DayQuotaAccount> DayQuotaAccounts => Set<DayQuotaAccount>();
    public DbSet<QuotaIncrease> QuotaIncreases => Set<QuotaIncrease>();
    public DbSet<FeeStatement> FeeStatements => Set<FeeStatement>();
    public DbSet<TravelCost> TravelCosts => Set<TravelCost>();
    public DbSet<AdvisorBankDetails> AdvisorBankDetails => Set<AdvisorBankDetails>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ErasureReceipt> ErasureReceipts => Set<ErasureReceipt>();
    public DbSet<Features.Email.OutboxMail> OutboxMails => Set<Features.Email.OutboxMail>();
    public DbSet<Features.Privacy.Consents.ConsentRecord> ConsentRecords => Set<Features.Privacy.Consents.ConsentRecord>();
    public DbSet<Features.Privacy.Notices.PoolNotice> PoolNotices => Set<Features.Privacy.Notices.PoolNotice>();
    public DbSet<Features.Handbooks.Handbook> Handbooks => Set<Features.Handbooks.Handbook>();
    public DbSet<Features.Handbooks.HandbookChapter> HandbookChapters => Set<Features.Handbooks.HandbookChapter>();
    public DbSet<Features.Handbooks.HandbookVersion> HandbookVersions => Set<Features.Handbooks.HandbookVersion>();
    public DbSet<Features.Impact.ReportText> ReportTexts => Set<Features.Impact.ReportText>();
    public DbSet<Features.Impact.PublishedIndicator> PublishedIndicators => Set<Features.Impact.PublishedIndicator>();
    public DbSet<Features.Impact.Custom.CustomIndicator> CustomIndicators => Set<Features.Impact.Custom.CustomIndicator>();
    public DbSet<Features.Impact.Custom.CustomIndicatorValue> CustomIndicatorValues => Set<Features.Impact.Custom.CustomIndicatorValue>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Features.Events.Event> Events => Set<Features.Events.Event>();
    public DbSet<Features.Events.EventMunicipality> EventMunicipalities => Set<Features.Events.EventMunicipality>();
    public DbSet<Features.Events.EventPresenter> EventPresenters => Set<Features.Events.EventPresenter>();
    public DbSet<Features.Events.EventRegistration> EventRegistrations => Set<Features.Events.EventRegistration>();
    public DbSet<Features.Events.EventQuestion> EventQuestions => Set<Features.Events.EventQuestion>();
    public DbSet<Features.Events.EventAnswer> EventAnswers => Set<Features.Events.EventAnswer>();
    public DbSet<Features.Events.EventDocument> EventDocuments => Set<Features.Events.EventDocument>();
    public DbSet<Features.Events.EventOutcome> EventOutcomes => Set<Features.Events.EventOutcome>();
    public DbSet<Features.Seminars.SeminarSeries> SeminarSeries => Set<Features.Seminars.SeminarSeries>();
    public DbSet<Features.Seminars.Seminar> Seminars => Set<Features.Seminars.Seminar>();
    public DbSet<Features.Seminars.SeminarParticipant> SeminarParticipants => Set<Features.Seminars.SeminarParticipant>();
    public DbSet<Features.Seminars.SeminarAttendance> SeminarAttendances => Set<Features.Seminars.SeminarAttendance>();
    public DbSet<Features.Seminars.SeminarCertificate> SeminarCertificates => Set<Features.Seminars.SeminarCertificate>();
    public DbSet<Features.Seminars.SeminarMaterial> SeminarMaterials => Set<Features.Seminars.SeminarMaterial>();
    public DbSet<Features.Seminars.SeminarTrainerLink> SeminarTrainerLinks => Set<Features.Seminars.SeminarTrainerLink>();
    public DbSet<Features.Mentoring.Mentorship> Mentorships => Set<Features.Mentoring.Mentorship>();
    public DbSet<Features.Mentoring.MentoringMeeting> MentoringMeetings => Set<Features.Mentoring.MentoringMeeting>();
    public DbSet<Features.Mentoring.AdvisorContactPerson> AdvisorContactPersons => Set<Features.Mentoring.AdvisorContactPerson>();
    public DbSet<Features.Stakeholders.Organisation> Organisations => Set<Features.Stakeholders.Organisation>();
    public DbSet<Features.Stakeholders.Contact> Contacts => Set<Features.Stakeholders.Contact>();
    public DbSet<Features.Stakeholders.ContactOrganisation> ContactOrganisations => Set<Features.Stakeholders.ContactOrganisation>();
    public DbSet<Features.Stakeholders.TimelineEntry> TimelineEntries => Set<Features.Stakeholders.TimelineEntry>();
    public DbSet<Features.Stakeholders.FollowUp> FollowUps => Set<Features.Stakeholders.FollowUp>();
    public DbSet<Features.Applications.Call> Calls => Set<Features.Applications.Call>();
    public DbSet<Features.Applications.CallCriterion> CallCriteria => Set<Features.Applications.CallCriterion>();
    public DbSet<Features.Applications.CallQuestion> CallQuestions => Set<Features.Applications.CallQuestion>();
    public DbSet<Features.Applications.Application> Applications => Set<Features.Applications.Application>();
    public DbSet<Features.Applications.ApplicationAnswer> ApplicationAnswers => Set<Features.Applications.ApplicationAnswer>();
    public DbSet<Features.Applications.ApplicationFile> ApplicationFiles => Set<Features.Applications.ApplicationFile>();
    public DbSet<Features.Applications.CommitteeMember> CommitteeMembers => Set<Features.Applications.CommitteeMember>();
    public DbSet<Features.Applications.Review> Reviews => Set<Features.Applications.Review>();
    public DbSet<Features.Applications.ReviewScore> ReviewScores => Set<Features.Applications.ReviewScore>();
    public DbSet<Features.Interviews.InterviewGuide> InterviewGuides => Set<Features.Interviews.InterviewGuide>();
    public DbSet<Features.Interviews.InterviewQuestion> InterviewQuestions => Set<Features.Interviews.InterviewQuestion>();
    public DbSet<Features.Interviews.Interview> Interviews => Set<Features.Interviews.Interview>();
    public DbSet<Features.Interviews.InterviewAnswer> InterviewAnswers => Set<Features.Interviews.InterviewAnswer>();
    public DbSet<Features.Interviews.InterviewInterviewer> InterviewInterviewers => Set<Features.Interviews.InterviewInterviewer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset; store it as sortable binary there, timestamptz on PostgreSQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
