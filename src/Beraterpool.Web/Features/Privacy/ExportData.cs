using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Requests;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>
/// The structure of <c>daten.json</c> (documented in <c>LIESMICH.txt</c> inside the ZIP and in docs/datenschutz-auskunft.md).
/// Every section is present, empty when nothing is held; files inside the ZIP are named by relative paths.
/// A change that is not only an addition raises <see cref="CurrentVersion"/>.
/// </summary>
public sealed record ExportData(
    string Format, int Version, DateTimeOffset CreatedAt, string Email,
    ExportAccount? Account,
    IReadOnlyList<ExportAdvisor> AdvisorProfiles,
    IReadOnlyList<ExportBankDetails> BankDetails,
    IReadOnlyList<ExportRequest> Requests,
    IReadOnlyList<ExportInvitation> Invitations,
    IReadOnlyList<ExportEngagement> Engagements,
    IReadOnlyList<ExportActivity> Activities,
    IReadOnlyList<ExportDays> Days,
    IReadOnlyList<ExportOption> ActionOptions,
    IReadOnlyList<ExportText> Learnings,
    IReadOnlyList<ExportText> Comments,
    IReadOnlyList<ExportDocument> Documents,
    IReadOnlyList<ExportContactShare> ContactShares,
    IReadOnlyList<ExportFeeStatement> FeeStatements,
    IReadOnlyList<ExportMessage> Messages,
    IReadOnlyList<ExportNote> InternalNotes,
    IReadOnlyList<ExportAudit> AuditEntries,
    IReadOnlyList<ExportConsentRecord> ConsentHistory,
    IReadOnlyList<ExportMail> Mails,
    IReadOnlyList<ExportEventRegistration> EventRegistrations,
    IReadOnlyList<ExportSeminarAttendance> SeminarAttendance,
    IReadOnlyList<ExportCertificate> Certificates,
    IReadOnlyList<ExportMentorship> Mentorships,
    IReadOnlyList<ExportContactPerson> ContactPersons,
    IReadOnlyList<ExportStakeholderContact> StakeholderContacts,
    IReadOnlyList<ExportApplication> Applications,
    IReadOnlyList<ExportInterview> Interviews)
{
    public const string FormatName = "beraterpool-auskunft";
    public const int CurrentVersion = 1;
}

public sealed record ExportAccount(
    string Id, string? Email, bool EmailConfirmed, string? DisplayName, string? PhoneNumber, string Culture, DateTimeOffset CreatedAt,
    IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset? LockoutEnd, int AccessFailedCount,
    IReadOnlyList<string> ExternalLogins, IReadOnlyList<DateTimeOffset> SignIns, IReadOnlyList<string> CoordinatedPools,
    IReadOnlyList<string> MunicipalityAccounts);

public sealed record ExportAdvisor(
    int Id, string Pool, string Slug, string FirstName, string LastName, string Email, AdvisorStatus Status, Gender Gender,
    string? GenderSelfDescription, int? BirthYear, string? CityKey, string? City, string? Expertise, string? Bio, int? DaysPerMonth,
    string? EmployerKey, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ExportCode> CountriesOfOrigin, IReadOnlyList<ExportLanguage> Languages, IReadOnlyList<string> Topics,
    IReadOnlyList<ExportConsent> Consents, IReadOnlyList<ExportBlockedPeriod> BlockedPeriods, string? Photo);

public sealed record ExportCode(string Code, string Name);
public sealed record ExportLanguage(string Code, string Name, LanguageLevel Level);
public sealed record ExportConsent(ConsentField Field, DateTimeOffset GrantedAt, string? GrantedVia, string? GrantedByUserId);
public sealed record ExportBlockedPeriod(DateOnly From, DateOnly To, string? Note);

public sealed record ExportBankDetails(
    int AdvisorId, string AccountHolder, string? Iban, string IbanLast4, string? Bic, string? Street, string? PostalCode, string? City,
    string? TaxNumber, DateTimeOffset UpdatedAt);

public sealed record ExportRequest(
    string Reference, string Pool, string MunicipalityKey, string Municipality, string? Department, string ContactName,
    string? ContactFunction, string ContactEmail, string? ContactPhone, string Goal, string Need, DateOnly? PreferredFrom,
    DateOnly? PreferredTo, ConsultationFormat Format, string? HeardFrom, DateTimeOffset ConsentGivenAt, string Culture,
    RequestStatus Status, string? StatusReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ExportStatusChange> Timeline);

public sealed record ExportStatusChange(RequestStatus? From, RequestStatus To, DateTimeOffset At, string ActorName, string? Note);

public sealed record ExportInvitation(int AdvisorId, string RequestReference, InvitationStatus Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

/// <summary>Role: "advisor" (the person accompanies it) or "contact" (the person is the municipality's contact).</summary>
public sealed record ExportEngagement(
    int Id, string RequestReference, string Municipality, string Role, EngagementStatus Status, DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt, string? Reflection, int? FeedbackRating, string? FeedbackText);

public sealed record ExportActivity(
    int Id, int EngagementId, int AdvisorId, DateOnly Date, ActivityKind Kind, int HalfDays, string? Participants, string? Notes,
    DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, string? ReturnQuestion, int? FeeStatementId);

/// <summary>Advisor days per year and municipality, in half days (the unit of the annual quota).</summary>
public sealed record ExportDays(int AdvisorId, int Year, string Municipality, int HalfDays, int ApprovedHalfDays);

public sealed record ExportOption(int EngagementId, string Title, string? Description, string? CarriedOutBy, ActionOptionStatus Status, DateOnly? DueDate, DateTimeOffset CreatedAt);

public sealed record ExportText(int EngagementId, string AuthorName, EngagementSide Side, string Text, DateTimeOffset CreatedAt);

public sealed record ExportDocument(int EngagementId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string File);

public sealed record ExportContactShare(string RequestReference, string? Email, string? Phone, ContactChannel Channel, DateTimeOffset SharedAt);

public sealed record ExportFeeStatement(
    string Reference, int AdvisorId, int Year, int Month, FeeStatementStatus Status, decimal DayRate, decimal OtherCosts,
    string? OtherCostsNote, string? TaxNote, string? InvoiceNumber, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt, DateOnly? PaidOn, string? PayeeAccountHolder, string? PayeeIbanLast4, string? ReturnComment,
    IReadOnlyList<ExportTravelCost> TravelCosts, string? Pdf);

public sealed record ExportTravelCost(DateOnly Date, string Description, decimal? Kilometres, decimal Amount, string? Receipt);

/// <summary>WrittenByYou false: a message of the conversation about a request the person is the contact of.</summary>
public sealed record ExportMessage(string RequestReference, int? EngagementId, MessageSide Side, string AuthorName, string Body, DateTimeOffset SentAt, bool WrittenByYou);

public sealed record ExportNote(string RequestReference, string Body, DateTimeOffset CreatedAt);

/// <summary>ByYou: the person did it; otherwise the entry is about the person (their account or profile).</summary>
public sealed record ExportAudit(DateTimeOffset At, string Action, string Subject, int? PoolId, string? Details, bool ByYou);

/// <summary>One grant or withdrawal of a consent; Wording is the text shown then (null when it was not recorded).</summary>
public sealed record ExportConsentRecord(
    DateTimeOffset At, string Purpose, string Action, int? AdvisorId, string? RequestReference, string? Wording, string Via, string? ByName, bool ByYou);

/// <summary>A mail to the person in the outbox; the text only while it waits (a sent mail's text is emptied).</summary>
public sealed record ExportMail(
    DateTimeOffset CreatedAt, string Recipient, string Subject, string TemplateId, OutboxStatus Status, DateTimeOffset? SentAt, string? Text);

/// <summary>The person as a contact in a pool's network, with the consent to be contacted.</summary>
public sealed record ExportStakeholderContact(
    string Name, string? Function, string? Email, string? Phone, string? Organisations, string? Tags, string? Notes,
    DateOnly? ConsentGivenOn, string? ConsentSource, DateOnly? ConsentWithdrawnOn, DateTimeOffset CreatedAt);

/// <summary>A registration for one of the pool's events under the person's address.</summary>
public sealed record ExportEventRegistration(
    string Event, DateTimeOffset StartsAt, string Name, string Email, string? Organisation, string? Function, string? Notes,
    Events.RegistrationStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset ConsentGivenAt, DateTimeOffset? CancelledAt, DateTimeOffset? CheckedInAt,
    IReadOnlyList<ExportEventAnswer> Answers);

/// <summary>An answer to one of the event's own questions, with the question as it was asked.</summary>
public sealed record ExportEventAnswer(string Question, string Answer);

public sealed record ExportSeminarAttendance(string Series, string Seminar, DateTimeOffset StartsAt, DateTimeOffset JoinedAt, Seminars.RsvpAnswer? Rsvp,
    DateTimeOffset? RsvpAt, Seminars.AttendanceStatus? Attendance, DateTimeOffset? RecordedAt);

public sealed record ExportCertificate(string Series, string Code, string? HolderName, DateTimeOffset IssuedAt);
/// <summary>A mentoring pair the person is in, as the advisor or as the mentor, with its meetings.</summary>
public sealed record ExportMentorship(
    string Role, string Pool, string Advisor, string Mentor, Mentoring.MentorshipStatus Status, DateOnly? StartDate, DateOnly? EndDate, string Goals,
    DateTimeOffset CreatedAt, IReadOnlyList<ExportMentoringMeeting> Meetings);

public sealed record ExportMentoringMeeting(DateOnly Date, string Topics, string? NextSteps, DateTimeOffset CreatedAt);

/// <summary>An advisor's contact person at the office: the person's own (role advisor) or an advisor the person looks after (role contact).</summary>
public sealed record ExportContactPerson(string Role, int AdvisorId, string Advisor, string ContactPerson, string? Phone, DateTimeOffset AssignedAt);

/// <summary>An application under the person's address, with the committee's submitted reviews (without the reviewers' names).</summary>
public sealed record ExportApplication(
    int Id, string Call, string Pool, string FirstName, string LastName, string Email, string? Phone, string? CityKey, Gender Gender, int? BirthYear,
    IReadOnlyList<string> Languages, IReadOnlyList<string> CountriesOfOrigin, DateTimeOffset? CountriesConsentAt, IReadOnlyList<string> Topics,
    string Motivation, string? Experience, IReadOnlyList<ExportAnswer> Answers, IReadOnlyList<string> Files, string Decision,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DecisionSentAt, IReadOnlyList<ExportReview> Reviews);

public sealed record ExportAnswer(string Question, string? Answer);

public sealed record ExportReview(DateTimeOffset SubmittedAt, IReadOnlyList<ExportScore> Scores, string? Comment);

public sealed record ExportScore(string Criterion, int Score, int ScaleMax);

/// <summary>An interview with a municipality the person held (as advisor or from the office); the answers are the municipality's.</summary>
public sealed record ExportInterview(string Pool, string Guide, string Municipality, DateOnly HeldOn, string? IntervieweeFunction, bool Finished,
    IReadOnlyList<string> Interviewers);
