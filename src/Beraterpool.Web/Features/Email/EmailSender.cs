using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Beraterpool.Web.Features.Email;

public sealed class EmailOptions
{
    /// <summary>SMTP host; when empty, mails are written as .eml files to <see cref="OutboxFolder"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>
    /// True (the default): TLS or no mail — implicit TLS on port 465, STARTTLS otherwise, never a silent fall-back to plain
    /// text. False only for a relay on the same host or network: STARTTLS when the server offers it.
    /// </summary>
    public bool RequireTls { get; set; } = true;
    public string From { get; set; } = "Beraterpool <no-reply@beraterpool.local>";
    /// <summary>Relative to the content root unless absolute.</summary>
    public string OutboxFolder { get; set; } = "App_Data/outbox";

    /// <summary>Waits after the 1st, 2nd, … failed attempt (<see cref="RetrySchedule"/>); empty: 1 min, 5 min, 30 min, 2 h, 6 h.</summary>
    public TimeSpan[]? RetryDelays { get; set; }
    /// <summary>The wait after the delays are used up.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromHours(12);
    /// <summary>How long after it was queued a mail is still tried; then it is Failed and shown to the coordinators.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);
    /// <summary>How often the background sender looks for due mails (also those queued by another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// ReplyTo: where an answer goes instead of the no-reply sender — the office of the pool the mail is about.
/// Attachment: at most one file, e.g. the .ics of an event invitation.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? ReplyTo = null, EmailAttachment? Attachment = null);

/// <summary>A file sent with a mail; small (an invitation's calendar entry), so it waits in the outbox row itself.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends through SMTP with MailKit, or writes the same MIME message into a file outbox a person can open.</summary>
public sealed class EmailSender(TimeProvider time, IOptions<EmailOptions> options, IHostEnvironment env, ILogger<EmailSender> log)
{
    public string OutboxPath => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.OutboxFolder));

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (!string.IsNullOrWhiteSpace(message.ReplyTo)) mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.Attachment is { } attached) body.Attachments.Add(attached.FileName, attached.Content, ContentType.Parse(attached.ContentType));
        mime.Body = body.ToMessageBody();

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(OutboxPath);
            var file = Path.Combine(OutboxPath, $"{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, ct);
            log.LogInformation("Mail to {To} ({Subject}) written to outbox {File}", message.To, message.Subject, file);
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, SmtpSecurity.For(o), ct);
        if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(true, ct);
        log.LogInformation("Mail to {To} ({Subject}) sent via {Host}", message.To, message.Subject, o.SmtpHost);
    }
}

public static class SmtpSecurity
{
    public static SecureSocketOptions For(EmailOptions o) => (o.RequireTls, o.SmtpPort) switch
    {
        (true, 465) => SecureSocketOptions.SslOnConnect,
        (true, _) => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
