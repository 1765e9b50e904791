using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Email;

public sealed record MailRecipient(string Email, string Name, string? Culture);

public sealed record MailContent(string Subject, string Body);

/// <summary>What a template may use while it writes: texts in the recipient's language and the configured links.</summary>
public sealed class MailContext(IStringLocalizerFactory localizers, Type texts, string site, string pool)
{
    private readonly IStringLocalizer text = localizers.Create(texts);

    /// <summary>Another resource of the feature, e.g. the names of statuses: <c>new RequestTexts(mail.For&lt;RequestTexts&gt;())</c>.</summary>
    public IStringLocalizer<T> For<T>() => new StringLocalizer<T>(localizers);

    public LocalizedString this[string name] => text[name];
    public LocalizedString this[string name, params object[] arguments] => text[name, arguments];

    /// <summary>A page of the installation (sign-in, records, manage pages): <c>App:PublicUrl</c> + path.</summary>
    public string Site(string path) => site + path;

    /// <summary>A public page of the mail's pool (tracking link, advisor profile): its host or /pool/{slug} + path.</summary>
    public string Pool(string path) => pool + path;

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}

/// <summary>
/// One kind of mail the product sends: a stable id, and for the mail list (<c>/manage/mails</c>) its German name and
/// who receives it when. Subclasses write subject and body from a model; their sample model is the example shown
/// there. Register every template in <see cref="MailCatalog"/>.
/// </summary>
public abstract class MailTemplate
{
    /// <summary>Stable id, e.g. <c>requests.confirmation</c>; also the log's name of the mail.</summary>
    public abstract string Id { get; }

    /// <summary>The feature's resources the texts come from (any type of the feature's namespace).</summary>
    public abstract Type Texts { get; }

    /// <summary>German, for the mail list: the feature, the mail's name and "who gets it, when".</summary>
    public abstract string Feature { get; }
    public abstract string Name { get; }
    public abstract string Audience { get; }

    internal abstract MailContent BuildSample(MailContext context);

    protected static string Lines(params IEnumerable<object?> lines) => string.Join("\r\n", lines.Select(l => l?.ToString()));
}

public abstract class MailTemplate<TModel> : MailTemplate
{
    public abstract MailContent Build(TModel model, MailContext text);

    /// <summary>Sample data for the mail list; German names, like a real case of the first pool.</summary>
    public abstract TModel Sample { get; }

    internal override MailContent BuildSample(MailContext context) => Build(Sample, context);
}
