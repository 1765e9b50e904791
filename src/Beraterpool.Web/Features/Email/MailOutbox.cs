using Beraterpool.Web.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Beraterpool.Web.Features.Email;

/// <summary>
/// The database outbox. Every mail is written here first, then sent: at once by whoever queued it (users and tests
/// find it in their mailbox right after the page answered), and, when that failed, again by <see cref="OutboxSender"/>
/// on every instance along the <see cref="RetrySchedule"/>. Both delivery modes (SMTP, file outbox) go through it.
/// <para>
/// One attempt belongs to one claim: a conditional UPDATE turns a due Pending mail (or a Sending one whose claim ran
/// out) into Sending with this attempt's token, so of several instances exactly one sends it; the outcome is written
/// only while the token is still the row's. Only an instance that dies between the server's "250" and that write lets
/// a mail go twice, after <see cref="Lease"/>.
/// </para>
/// </summary>
public sealed class MailOutbox(IServiceScopeFactory scopes, EmailSender sender, TimeProvider time, IOptions<EmailOptions> options,
    ILogger<MailOutbox> log)
{
    public enum Outcome { Sent, WillRetry, Failed, NotClaimed }

    /// <summary>Longer than <see cref="SendTimeout"/>: a claim never runs out while its instance is still sending.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(2);
    private const int Batch = 50;

    private readonly SemaphoreSlim _wake = new(0, 1);

    private RetrySchedule Schedule => RetrySchedule.From(options.Value);

    /// <summary>
    /// Writes the mail and tries it once; true when it left now, false when it waits in the outbox for a retry (or,
    /// logged as an error, could not even be written). Never throws: the change that caused the mail is saved.
    /// </summary>
    public async Task<bool> EnqueueAsync(EmailMessage message, string templateId, int? poolId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow();
            var mail = new OutboxMail
            {
                To = message.To, Subject = message.Subject, TextBody = message.TextBody, HtmlBody = message.HtmlBody, ReplyTo = message.ReplyTo,
                AttachmentName = message.Attachment?.FileName, AttachmentType = message.Attachment?.ContentType, AttachmentContent = message.Attachment?.Content,
                TemplateId = templateId, PoolId = poolId, CreatedAt = now, QueuedAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending,
            };
            db.OutboxMails.Add(mail);
            await db.SaveChangesAsync(CancellationToken.None);
            return await TryDeliverAsync(mail.Id) is Outcome.Sent;
        }
        catch (Exception e)
        {
            log.LogError(e, "Mail {Template} to {To} ({Subject}) could not be queued or recorded", templateId, message.To, message.Subject);
            return false;
        }
    }

    /// <summary>Sends every due mail this instance can claim; the background sender's round.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken stop)
    {
        var sent = 0;
        while (!stop.IsCancellationRequested)
        {
            long[] due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var now = time.GetUtcNow();
                due = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.AsNoTracking()
                    .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now))
                    .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Batch).ToArrayAsync(stop);
            }
            // A mail once claimed is finished even while the app stops: graceful shutdown lets it go out.
            foreach (var id in due.TakeWhile(_ => !stop.IsCancellationRequested))
                if (await TryDeliverAsync(id) is Outcome.Sent) sent++;
            if (due.Length < Batch) break;
        }
        return sent;
    }

    /// <summary>One attempt, if this instance gets the claim.</summary>
    public async Task<Outcome> TryDeliverAsync(long id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var claim = Guid.NewGuid().ToString("N");
        var until = now + Lease;
        var claimed = await db.OutboxMails
            .Where(m => m.Id == id && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedBy, claim)
                .SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1));
        if (claimed != 1) return Outcome.NotClaimed;
        var mail = await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
        var mine = db.OutboxMails.Where(m => m.Id == id && m.ClaimedBy == claim);
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            var attachment = mail is { AttachmentName: { } name, AttachmentContent: { } content }
                ? new EmailAttachment(name, mail.AttachmentType ?? "application/octet-stream", content) : null;
            await sender.SendAsync(new EmailMessage(mail.To, mail.Subject, mail.TextBody, mail.HtmlBody, mail.ReplyTo, attachment), timeout.Token);
        }
        catch (Exception e)
        {
            var at = time.GetUtcNow();
            var next = IsPermanent(e) ? null : Schedule.Next(mail.Attempts, mail.QueuedAt, at);
            var status = next is null ? OutboxStatus.Failed : OutboxStatus.Pending;
            var error = Describe(e);
            await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.NextAttemptAt, next ?? at)
                .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null));
            // A server that is away is expected and retried: its answer is enough; the stack trace only for what is not a network or SMTP answer.
            if (e is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or OperationCanceledException)
                log.LogWarning("Mail {Id} ({Template}) to {To} could not be sent, attempt {Attempt}: {Error}; next attempt {Next}",
                    id, mail.TemplateId, mail.To, mail.Attempts, error, next?.ToString("u") ?? "none (failed)");
            else
                log.LogWarning(e, "Mail {Id} ({Template}) to {To} could not be sent, attempt {Attempt}; next attempt {Next}",
                    id, mail.TemplateId, mail.To, mail.Attempts, next?.ToString("u") ?? "none (failed)");
            return next is null ? Outcome.Failed : Outcome.WillRetry;
        }
        var sentAt = time.GetUtcNow();
        var recorded = await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.AttachmentContent, (byte[]?)null).SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null));
        if (recorded != 1) log.LogWarning("Mail {Id} ({Template}) to {To} was sent after its claim had run out", id, mail.TemplateId, mail.To);
        return Outcome.Sent;
    }

    /// <summary>Wakes the background sender now instead of at its next round.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { /* already awake */ }
        }
    }

    internal async Task WaitAsync(TimeSpan timeout, CancellationToken stop) => await _wake.WaitAsync(timeout, stop);

    /// <summary>No retry helps an address that cannot be written or that the server refuses for good (5xx for the recipient).</summary>
    private static bool IsPermanent(Exception e) =>
        e is ParseException || e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c && (int)c.StatusCode >= 500;

    private string Describe(Exception e)
    {
        var text = e is SmtpCommandException c ? $"{(int)c.StatusCode} {c.Message}" : $"{e.GetType().Name}: {e.Message}";
        // Servers echo little, but a password must never reach the page.
        if (options.Value.SmtpPassword is { Length: > 0 } password) text = text.Replace(password, "***");
        return text.Length <= OutboxMailConfiguration.MaxError ? text : text[..OutboxMailConfiguration.MaxError];
    }
}
