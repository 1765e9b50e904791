using System.Net;
using Beraterpool.Tests.Fees;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Email;

/// <summary>
/// Losing nothing (issue 9): every mail is kept in the database outbox until it left; a mail server that is down delays
/// mails, the coordinators see them, and they go out once it is back — sent by one instance, never by two.
/// </summary>
public sealed class MailOutboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>On a whole second: SQLite keeps instants to the millisecond, and the tests compare them exactly.</summary>
    private static FakeTimeProvider Clock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero));
    }

    /// <summary>SMTP on a local port without TLS; the background sender looks every 100 ms (or, slow, every hour).</summary>
    private static TestApp SmtpApp(int port, FakeTimeProvider? time = null, bool fastSender = true, string? database = null)
    {
        var app = new TestApp(importGazetteer: false)
            .With("Email:SmtpHost", "127.0.0.1").With("Email:SmtpPort", port.ToString()).With("Email:RequireTls", "false")
            .With("Email:PollInterval", fastSender ? "00:00:00.1" : "01:00:00");
        if (time is not null) app.WithTime(time);
        if (database is not null) app.With("ConnectionStrings:Default", database);
        return app;
    }

    private static Task<OutboxMail> MailToAsync(TestApp app, string to, string templateId) =>
        app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == to && m.TemplateId == templateId));

    private static async Task<OutboxMail> WaitForStatusAsync(TestApp app, long id, OutboxStatus status)
    {
        var until = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (true)
        {
            var mail = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id));
            if (mail.Status == status || Environment.TickCount64 > until) return mail;
            await Task.Delay(50);
        }
    }

    private static async Task<int> ApprovedStatementAsync(TestApp app, FeeWorld w)
    {
        await app.BankAsync(w);
        await app.ActivityAsync(w, new DateOnly(2026, 11, 3), 2);
        var id = await app.CreateStatementAsync(w);
        var submit = $"/me/fees/{id}?handler=Submit";
        Assert.Equal(HttpStatusCode.Redirect, (await w.Advisor.PostAsShownAsync(submit, [], formPageUrl: $"/me/fees/{id}")).StatusCode);
        var approve = $"/manage/fees/{id}?handler=Approve";
        Assert.Equal(HttpStatusCode.Redirect, (await w.Coordinator.PostAsShownAsync(approve, [], formPageUrl: $"/manage/fees/{id}")).StatusCode);
        return id;
    }

    [Fact]
    public async Task Smtp_outage_loses_nothing_and_the_mail_goes_out_when_the_server_is_back()
    {
        var time = Clock();
        var port = TestSmtpServer.FreePort();
        await using var app = SmtpApp(port, time);
        await app.InitializeAsync();
        var w = await app.WorldAsync("outage");

        // The server is down: the coordinator's approval succeeds all the same.
        var id = await ApprovedStatementAsync(app, w);
        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);

        var mail = await MailToAsync(app, w.AdvisorEmail, "fees.approved");
        Assert.Equal(OutboxStatus.Pending, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.False(string.IsNullOrEmpty(mail.LastError));
        Assert.Equal(w.PoolId, mail.PoolId);
        Assert.Equal(time.GetUtcNow().AddMinutes(1), mail.NextAttemptAt);

        var list = Html.Text(await w.Coordinator.GetStringAsync("/manage/mails/outbox", Ct));
        Assert.Contains(w.AdvisorEmail, list);
        Assert.Contains(mail.Subject, list);
        Assert.Contains(mail.LastError!, list);
        Assert.Contains("1 E-Mail wartet auf einen neuen Versuch", Html.Text(await w.Coordinator.GetStringAsync("/manage", Ct)));

        // The server comes back; a minute later the background sender delivers the mail.
        await using var server = await TestSmtpServer.StartAsync(port);
        time.Advance(TimeSpan.FromMinutes(1));

        var received = await server.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == w.AdvisorEmail) && m.Subject == mail.Subject, Patience);
        Assert.Contains("Ayşe", received.TextBody ?? "");
        var sent = await WaitForStatusAsync(app, mail.Id, OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.DoesNotContain(w.AdvisorEmail, Html.Text(await w.Coordinator.GetStringAsync("/manage/mails/outbox", Ct)));
    }

    [Fact]
    public async Task Two_instances_on_one_database_never_send_a_mail_twice()
    {
        var port = TestSmtpServer.FreePort();
        await using var server = await TestSmtpServer.StartAsync(port, delay: TimeSpan.FromMilliseconds(20));
        await using var first = SmtpApp(port);
        await first.InitializeAsync();
        await using var second = SmtpApp(port, database: first.ConnectionString);
        await second.InitializeAsync();

        // Queued while the server was away (as the outage leaves them), all due now.
        const int count = 40;
        await first.WithDbAsync(async db =>
        {
            var past = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-10);
            for (var i = 0; i < count; i++)
                db.OutboxMails.Add(new OutboxMail
                {
                    To = $"empfang{i}@example.org", Subject = $"Nachricht {i}", TextBody = "Hallo", TemplateId = "test", CreatedAt = past, QueuedAt = past,
                    NextAttemptAt = past, Attempts = 1, LastError = "down", Status = OutboxStatus.Pending,
                });
            return await db.SaveChangesAsync();
        });
        // Both instances' background senders run; two more rounds each, at the same moment.
        var outboxes = new[] { first, second, first, second }.Select(a => a.Services.GetRequiredService<MailOutbox>()).ToList();
        await Task.WhenAll(outboxes.Select(o => Task.Run(() => o.DeliverDueAsync(Ct))));

        await server.WaitForAsync(_ => server.Received.Count >= count, Patience);
        await Task.Delay(500, Ct);
        var subjects = server.Received.Select(m => m.Subject).ToList();
        Assert.Equal(count, subjects.Count);
        Assert.Equal(count, subjects.Distinct().Count());
        var states = await first.WithDbAsync(db => db.OutboxMails.AsNoTracking().Select(m => new { m.Status, m.Attempts }).ToListAsync());
        Assert.All(states, s => Assert.Equal((OutboxStatus.Sent, 2), (s.Status, s.Attempts)));
    }

    [Fact]
    public async Task A_mail_that_never_goes_through_is_failed_after_three_days_and_shown_to_the_administration()
    {
        var time = Clock();
        await using var app = SmtpApp(TestSmtpServer.FreePort(), time, fastSender: false);
        await app.InitializeAsync();
        await app.CreateUserAsync("nie-zugestellt@example.org", Roles.Advisor);
        var start = time.GetUtcNow();

        var forgot = await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "nie-zugestellt@example.org")]);
        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);

        var outbox = app.Services.GetRequiredService<MailOutbox>();
        var mail = await MailToAsync(app, "nie-zugestellt@example.org", "accounts.password-reset");
        var attemptTimes = new List<TimeSpan> { TimeSpan.Zero };
        while (mail.Status == OutboxStatus.Pending && attemptTimes.Count < 50)
        {
            time.SetUtcNow(mail.NextAttemptAt);
            await outbox.DeliverDueAsync(Ct);
            attemptTimes.Add(time.GetUtcNow() - start);
            mail = await MailToAsync(app, mail.To, mail.TemplateId);
        }

        Assert.Equal(OutboxStatus.Failed, mail.Status);
        Assert.Equal(11, mail.Attempts);
        Assert.Equal(TimeSpan.FromHours(68) + TimeSpan.FromMinutes(36), attemptTimes[^1]);
        // Nothing more happens to it, however long one waits.
        time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await outbox.DeliverDueAsync(Ct));
        Assert.Equal(11, (await MailToAsync(app, mail.To, mail.TemplateId)).Attempts);

        var admin = await app.SignedInBrowserAsync("admin-outbox@example.org", Roles.Administrator);
        Assert.Contains("1 E-Mail konnte nicht zugestellt werden", Html.Text(await admin.GetStringAsync("/manage", Ct)));
        var list = Html.Text(await admin.GetStringAsync("/manage/mails/outbox", Ct));
        Assert.Contains("nie-zugestellt@example.org", list);
        Assert.Contains("Gescheitert", list);

        // "Erneut senden": a new round with one attempt at once; the server is still down, so it waits again.
        var resend = await admin.PostFormAsync($"/manage/mails/outbox?handler=Resend&id={mail.Id}", [], "/manage/mails/outbox");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var again = await MailToAsync(app, mail.To, mail.TemplateId);
        Assert.Equal((OutboxStatus.Pending, 1), (again.Status, again.Attempts));
        Assert.Equal(time.GetUtcNow().AddMinutes(1), again.NextAttemptAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "mail.resent" && e.Subject == $"mail:{mail.Id}")));
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_is_failed_at_once()
    {
        var time = Clock();
        await using var app = SmtpApp(TestSmtpServer.FreePort(), time, fastSender: false);
        await app.InitializeAsync();
        var mailer = app.Services.GetRequiredService<Mailer>();

        Assert.False(await mailer.SendAsync(AccountMails.PasswordReset, new MailRecipient("keine adresse", "Niemand", "de"),
            new PasswordResetMail.Model("Niemand", "id", "code")));

        var mail = await MailToAsync(app, "keine adresse", "accounts.password-reset");
        Assert.Equal((OutboxStatus.Failed, 1), (mail.Status, mail.Attempts));
    }
}
