using System.Globalization;
using Beraterpool.Web.Features.Pools;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Email;

/// <summary>
/// The one way a mail leaves the product: writes a <see cref="MailTemplate"/> in the recipient's language with links
/// from <see cref="PublicLinks"/>, puts it into the database outbox (<see cref="MailOutbox"/>), which sends it at once
/// and retries it when the mail server is away, and applies one failure policy — a mail that cannot be sent never
/// undoes or errors the change that caused it (that change is saved and audited before the mail); it waits in the
/// outbox, and once it fails for good the coordinators see it in <c>/manage/mails/outbox</c>.
/// </summary>
public sealed class Mailer(MailOutbox outbox, IStringLocalizerFactory localizers, PublicLinks links, ILogger<Mailer> log)
{
    public static readonly string[] Cultures = ["de", "en", "fr"];

    private int _warnedUnconfigured;

    public static CultureInfo CultureOf(string? culture) => new(culture is "en" or "fr" ? culture : "de");

    /// <summary>Subject and body as the recipient would read them; sends nothing.</summary>
    public MailContent Render<TModel>(MailTemplate<TModel> template, TModel model, string? culture, PoolInfo? pool = null) =>
        InCulture(culture, () => template.Build(model, Context(template, pool)));

    /// <summary>The template written with its sample data, for the mail list.</summary>
    public MailContent Example(MailTemplate template, string? culture) =>
        InCulture(culture, () => template.BuildSample(Context(template, null)));

    /// <summary>
    /// Queues the mail and tries to send it now; true when it left now, false when it waits in the outbox for a retry.
    /// A mail about a pool's request, engagement or fee passes the pool: its links go to the pool's pages and answers
    /// (Reply-To) to the pool's office, not to the no-reply sender. <paramref name="poolId"/> names the pool a mail is
    /// about without changing its links (an account invitation to a pool): that pool's coordinators see it in the
    /// outbox list; a mail with neither only administrators. Sending does not follow the request's cancellation: the
    /// change is saved, so the people it concerns hear of it even when the browser went away.
    /// </summary>
    public async Task<bool> SendAsync<TModel>(MailTemplate<TModel> template, MailRecipient to, TModel model, PoolInfo? pool = null, int? poolId = null,
        EmailAttachment? attachment = null)
    {
        if (!links.IsConfigured && Interlocked.Exchange(ref _warnedUnconfigured, 1) == 0)
            log.LogWarning("{Key} is not set; links in mails point to {Fallback}", PublicLinks.Key, PublicLinks.Fallback);
        var mail = Render(template, model, to.Culture, pool);
        return await outbox.EnqueueAsync(new EmailMessage(to.Email, mail.Subject, mail.Body, ReplyTo: pool?.ContactEmail, Attachment: attachment), template.Id, pool?.Id ?? poolId);
    }

    private MailContext Context(MailTemplate template, PoolInfo? pool) =>
        new(localizers, template.Texts, links.Site, links.Pool(pool));

    private static T InCulture<T>(string? culture, Func<T> build)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var c = CultureOf(culture);
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
        try { return build(); }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<EmailOptions>(config.GetSection("Email"));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<OutboxSender>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<Mailer>();
        return services;
    }
}
