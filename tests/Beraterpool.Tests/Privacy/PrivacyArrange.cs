using Beraterpool.Tests.Fees;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Requests.Manage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Privacy;

/// <summary>An advisor with every kind of record there is, and the municipality contact of her engagement (without an account).</summary>
public sealed record History(FeeWorld World, string FirstName, string LastName, string ContactEmail, string ContactName, int StatementId, int RequestId)
{
    public string FullName => $"{FirstName} {LastName}";
}

public static class PrivacyArrange
{
    public static readonly byte[] Photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    public static readonly byte[] Receipt = "%PDF-1.4 Fahrkarte Bonn–Köln"u8.ToArray();

    public static async Task<History> FullHistoryAsync(this TestApp app, string name, AdvisorStatus status = AdvisorStatus.Active)
    {
        const string first = "Adjoa";
        var last = $"Mensah-Ekow{name}";
        var w = await app.WorldAsync(name, last);
        await app.BankAsync(w);
        await app.ActivityAsync(w, new DateOnly(2026, 3, 10), 2);
        await app.ActivityAsync(w, new DateOnly(2026, 3, 17), 1, approved: false);
        var contactEmail = $"kontakt-{name}@stadt.example";
        var contactName = $"Karla Kontaktperson{name}";
        var advisorUser = await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == w.AdvisorId).Select(a => a.UserId!).SingleAsync());
        var coordinatorUser = await app.WithDbAsync(db => db.Users.Where(u => u.Email == $"coord-{name}@example.org").Select(u => u.Id).SingleAsync());
        var (statementId, requestId) = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var a = await db.Advisors.Include(x => x.Countries).SingleAsync(x => x.Id == w.AdvisorId);
            a.FirstName = first;
            a.Email = w.AdvisorEmail;
            a.Status = status;
            a.Gender = Gender.Female;
            a.BirthYear = 1984;
            a.CityKey = FeeArrange.MunicipalityKey;
            a.Expertise = "Faire Beschaffung";
            a.Bio = $"Ich bin {first} {last} und komme aus Côte d'Ivoire.";
            a.Countries.Add(new AdvisorCountry { CountryCode = "CI" });
            a.Languages.Add(new AdvisorLanguage { LanguageCode = "fr", Level = LanguageLevel.Native });
            a.Topics.Add(new AdvisorTopic { TopicId = await db.Topics.Where(t => t.PoolId == w.PoolId).Select(t => t.Id).FirstAsync() });
            foreach (var field in new[] { ConsentField.CountriesOfOrigin, ConsentField.Languages, ConsentField.Gender, ConsentField.City })
                a.Consents.Add(new AdvisorConsent { Field = field, GrantedAt = now.AddDays(-10), GrantedVia = ConsentWays.SelfService, GrantedByUserId = advisorUser });
            a.BlockedPeriods.Add(new BlockedPeriod { From = new DateOnly(2026, 8, 1), To = new DateOnly(2026, 8, 20), Note = "Urlaub" });
            db.AdvisorPhotos.Add(new AdvisorPhoto { AdvisorId = a.Id, Content = Photo, ContentType = "image/png", UploadedAt = now });

            var engagement = await db.Engagements.SingleAsync(e => e.Id == w.EngagementId);
            var request = await db.ConsultationRequests.SingleAsync(r => r.Id == engagement.RequestId);
            request.ContactName = contactName;
            request.ContactEmail = contactEmail;
            request.ContactPhone = "0228 7771234";
            request.StatusChanges.Add(new RequestStatusChange { To = RequestStatus.InProgress, At = now, ActorUserId = coordinatorUser, ActorName = "Koordination", Note = $"{first} {last} übernimmt" });
            engagement.FeedbackRating = 5;
            engagement.FeedbackText = $"Sehr hilfreich, danke an {first} {last}!";
            var ea = await db.EngagementAdvisors.SingleAsync(x => x.EngagementId == w.EngagementId && x.AdvisorId == w.AdvisorId);
            ea.Reflection = "Ich habe viel über Vergaberecht gelernt.";
            db.EngagementInvitations.Add(new EngagementInvitation
            {
                RequestId = request.Id, AdvisorId = a.Id, Status = InvitationStatus.Accepted, CreatedAt = now, RespondedAt = now,
                Reason = "Passt zu meinen Themen", MatchExplanation = $"{first} {last}: Themen passen", ProposedByUserId = coordinatorUser,
            });
            db.ActionOptions.Add(new ActionOption { EngagementId = w.EngagementId, Title = "Faire Kantine", CreatedAt = now, UpdatedAt = now });
            db.Learnings.Add(new Learning { EngagementId = w.EngagementId, AuthorUserId = advisorUser, AuthorName = $"{first} {last}", Side = EngagementSide.Advisor, Text = "Vereine früh einbinden", CreatedAt = now });
            db.EngagementComments.Add(new EngagementComment { EngagementId = w.EngagementId, AuthorUserId = advisorUser, AuthorName = $"{first} {last}", Side = EngagementSide.Advisor, Text = "Termin steht", CreatedAt = now });
            // Someone else names her: the mention goes, the comment stays.
            db.EngagementComments.Add(new EngagementComment { EngagementId = w.EngagementId, AuthorName = contactName, Side = EngagementSide.Municipality, Text = $"Danke, {first} {last}, und an {w.AdvisorEmail}", CreatedAt = now });
            db.EngagementDocuments.Add(new EngagementDocument
            {
                EngagementId = w.EngagementId, FileName = "protokoll.txt", ContentType = "text/plain", Content = System.Text.Encoding.UTF8.GetBytes($"Protokoll von {first} {last}"),
                Size = 40, UploadedByUserId = advisorUser, UploadedByName = $"{first} {last}", UploadedAt = now,
            });
            db.Set<ContactShare>().Add(new ContactShare { RequestId = request.Id, AdvisorId = a.Id, Email = w.AdvisorEmail, Phone = "0171 5550101", SharedAt = now, SharedByUserId = advisorUser });
            db.Set<ContactShare>().Add(new ContactShare { RequestId = request.Id, Email = contactEmail, Phone = "0228 7771234", SharedAt = now });
            db.Messages.Add(new Message { PoolId = w.PoolId, RequestId = request.Id, EngagementId = w.EngagementId, Side = MessageSide.Advisor, AuthorUserId = advisorUser, AuthorName = $"{first} {last}", Body = "Bis Dienstag!", SentAt = now });
            db.Messages.Add(new Message { PoolId = w.PoolId, RequestId = request.Id, Side = MessageSide.Municipality, AuthorName = contactName, Body = $"Grüße, {contactName}", SentAt = now });
            db.InternalNotes.Add(new InternalNote { RequestId = request.Id, AuthorUserId = coordinatorUser, AuthorName = "Koordination", Body = $"Frau {last} hat zugesagt", CreatedAt = now });

            var statement = new FeeStatement
            {
                PoolId = w.PoolId, AdvisorId = a.Id, Year = 2026, Month = 3, Status = FeeStatementStatus.Paid, DayRate = 250m, CreatedAt = now,
                SubmittedAt = now, ApprovedAt = now, PaidOn = new DateOnly(2026, 4, 2), InvoiceNumber = "2026-001", PayeeAccountHolder = $"{first} {last}",
                PayeeIbanProtected = app.Services.GetRequiredService<IbanProtector>().Protect("DE89370400440532013000"), PayeeIbanLast4 = "3000",
            };
            statement.TravelCosts.Add(new TravelCost { Date = new DateOnly(2026, 3, 10), Description = "Bahn Bonn–Köln", Amount = 23.40m, Receipt = Receipt, ReceiptContentType = "application/pdf", ReceiptFileName = "fahrkarte.pdf" });
            db.FeeStatements.Add(statement);
            db.Audit("advisor.created", $"advisor:{a.Id}", coordinatorUser, w.PoolId, $"{first} {last}; status=Active");
            db.Audit("advisor.profile.updated", $"advisor:{a.Id}", advisorUser, w.PoolId);
            db.Audit(SecurityEvents.Actions[SecurityEvent.SignInSucceeded], $"user:{advisorUser}", advisorUser, null, "ip=127.0.0.1");
            db.OutboxMails.Add(new OutboxMail
            {
                To = w.AdvisorEmail, Subject = "Ihre Abrechnung", TextBody = $"Guten Tag {first} {last}", TemplateId = "fees.approved", PoolId = w.PoolId,
                CreatedAt = now, QueuedAt = now, NextAttemptAt = now, Status = OutboxStatus.Failed,
            });
            db.DayQuotaAccounts.Add(new DayQuotaAccount { PoolId = w.PoolId, MunicipalityKey = FeeArrange.MunicipalityKey, Year = 2026, QuotaHalfDays = 20, UsedHalfDays = 3 });
            await db.SaveChangesAsync();
            await db.Activities.Where(x => x.EngagementId == w.EngagementId && x.HalfDays == 2).ExecuteUpdateAsync(s => s.SetProperty(x => x.FeeStatementId, statement.Id));
            return (statement.Id, request.Id);
        });
        // Mails waiting in the outbox, to her and to the contact.
        var sender = app.Services.GetRequiredService<EmailSender>();
        await sender.SendAsync(new EmailMessage(w.AdvisorEmail, "Ihre Begleitung", $"Guten Tag {first} {last}"));
        await sender.SendAsync(new EmailMessage(contactEmail, "Ihre Anfrage", $"Guten Tag {contactName}"));
        await sender.SendAsync(new EmailMessage("jemand@example.org", "Andere Post", "Guten Tag"));
        return new History(w, first, last, contactEmail, contactName, statementId, requestId);
    }
}
