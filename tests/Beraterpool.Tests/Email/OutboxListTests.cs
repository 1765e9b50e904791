using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Email;

/// <summary>The list of undelivered mails: a coordinator sees and handles only the mails about their own pools.</summary>
public sealed class OutboxListTests(OutboxListTests.App app) : IClassFixture<OutboxListTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> MailAsync(int? poolId, string to, OutboxStatus status) => await app.WithDbAsync(async db =>
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var mail = new OutboxMail
        {
            To = to, Subject = $"Betreff für {to}", TextBody = "Hallo", TemplateId = "fees.approved", PoolId = poolId, CreatedAt = now, QueuedAt = now,
            // Far in the future: the background sender leaves these alone.
            NextAttemptAt = now.AddDays(30), Attempts = 3, LastError = "421 Service not available", Status = status,
        };
        db.OutboxMails.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    });

    private async Task<(HttpClient Coordinator, int PoolId)> CoordinatorAsync(string name)
    {
        var user = await app.CreateUserAsync($"koord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync($"liste-{name}", user.Id);
        return (await app.SignInAsync(user.Email!), pool.Id);
    }

    [Fact]
    public async Task A_coordinator_sees_the_mails_of_their_pool_and_not_those_of_another_pool_or_without_a_pool()
    {
        var (mine, poolA) = await CoordinatorAsync("a1");
        var (_, poolB) = await CoordinatorAsync("b1");
        await MailAsync(poolA, "eigen-a1@example.org", OutboxStatus.Failed);
        var other = await MailAsync(poolB, "fremd-b1@example.org", OutboxStatus.Failed);
        await MailAsync(null, "ohne-pool-1@example.org", OutboxStatus.Failed);

        var list = Html.Text(await mine.GetStringAsync("/manage/mails/outbox", Ct));
        Assert.Contains("eigen-a1@example.org", list);
        Assert.Contains("421 Service not available", list);
        Assert.DoesNotContain("fremd-b1@example.org", list);
        Assert.DoesNotContain("ohne-pool-1@example.org", list);
        Assert.DoesNotContain("fremd-b1@example.org", await mine.GetStringAsync($"/manage/mails/outbox?discard={other}", Ct));

        // Nor can they act on it.
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostFormAsync($"/manage/mails/outbox?handler=Resend&id={other}", [], "/manage/mails/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostFormAsync($"/manage/mails/outbox?handler=Discard&id={other}", [], "/manage/mails/outbox")).StatusCode);
        Assert.Equal(OutboxStatus.Failed, await app.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == other).Select(m => m.Status).SingleAsync()));

        var admin = Html.Text(await (await app.SignedInAsync("admin-liste@example.org", Roles.Administrator)).GetStringAsync("/manage/mails/outbox", Ct));
        Assert.Contains("eigen-a1@example.org", admin);
        Assert.Contains("fremd-b1@example.org", admin);
        Assert.Contains("ohne-pool-1@example.org", admin);
    }

    [Fact]
    public async Task The_start_page_counts_only_the_failed_mails_of_the_coordinators_pools()
    {
        var (a, poolA) = await CoordinatorAsync("a2");
        var (b, poolB) = await CoordinatorAsync("b2");
        await MailAsync(poolA, "eins-a2@example.org", OutboxStatus.Failed);
        await MailAsync(poolA, "zwei-a2@example.org", OutboxStatus.Failed);
        await MailAsync(poolB, "wartet-b2@example.org", OutboxStatus.Pending);

        Assert.Contains("2 E-Mails konnten nicht zugestellt werden", Html.Text(await a.GetStringAsync("/manage", Ct)));
        var pageB = Html.Text(await b.GetStringAsync("/manage", Ct));
        Assert.DoesNotContain("nicht zugestellt werden", pageB);
        Assert.Contains("1 E-Mail wartet auf einen neuen Versuch", pageB);
    }

    [Fact]
    public async Task Discarding_asks_first_then_deletes_the_mail_and_audits_it()
    {
        var (coordinator, pool) = await CoordinatorAsync("a3");
        var id = await MailAsync(pool, "verwerfen-a3@example.org", OutboxStatus.Failed);

        var confirm = Html.Text(await coordinator.GetStringAsync($"/manage/mails/outbox?discard={id}", Ct));
        Assert.Contains("E-Mail verwerfen?", confirm);
        Assert.Contains("wird gelöscht und nie gesendet", confirm);
        Assert.True(await app.WithDbAsync(db => db.OutboxMails.AnyAsync(m => m.Id == id)));

        var response = await coordinator.PostFormAsync($"/manage/mails/outbox?handler=Discard&id={id}", [], $"/manage/mails/outbox?discard={id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.OutboxMails.AnyAsync(m => m.Id == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "mail.discarded" && e.Subject == $"mail:{id}" && e.PoolId == pool)));
        Assert.Contains("ist verworfen", Html.Text(await coordinator.GetStringAsync("/manage/mails/outbox", Ct)));
    }

    [Fact]
    public async Task A_mail_written_to_the_file_outbox_keeps_a_sent_row_without_its_text()
    {
        await app.CreateUserAsync("datei-outbox@example.org", Roles.Advisor);
        var files = app.MailCount();

        var response = await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "datei-outbox@example.org")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(files + 1, app.MailCount());
        Assert.Contains("/account/reset-password", app.LatestMail());
        var row = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == "datei-outbox@example.org"));
        Assert.Equal((OutboxStatus.Sent, 1, ""), (row.Status, row.Attempts, row.TextBody));
        Assert.NotNull(row.SentAt);
    }
}
