using Microsoft.Extensions.Options;

namespace Beraterpool.Web.Features.Email;

/// <summary>
/// Runs on every instance: sends the outbox's due mails (retries, mails of an instance that stopped mid-send) every
/// <c>Email:PollInterval</c> and at once when woken. The claims in <see cref="MailOutbox"/> keep instances from sending
/// the same mail twice, so no instance needs to be "the" sender.
/// </summary>
public sealed class OutboxSender(MailOutbox outbox, IOptions<EmailOptions> options, ILogger<OutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var sent = await outbox.DeliverDueAsync(stop);
                if (sent > 0) log.LogInformation("Outbox: {Count} queued mails sent", sent);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The database may be away for a moment; the next round tries again.
                log.LogError(e, "Outbox round failed");
            }
            try { await outbox.WaitAsync(Interval, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    private TimeSpan Interval => options.Value.PollInterval > TimeSpan.Zero ? options.Value.PollInterval : TimeSpan.FromSeconds(30);
}
