using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Email.Manage;

/// <summary>
/// Every mail the product sends (<see cref="MailCatalog"/>): who receives it and when, and an example written with
/// sample data — in German, or in English or French as a recipient with that language reads it.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(Mailer mailer) : PageModel
{
    public sealed record Row(MailTemplate Template, MailContent Example);

    public static readonly (string Code, string Name)[] Languages = [("de", "Deutsch"), ("en", "English"), ("fr", "Français")];

    /// <summary>The language of the examples (<c>?sample=en</c>); not <c>lang</c>, which switches the whole interface.</summary>
    [BindProperty(SupportsGet = true, Name = "sample")]
    public string? Language { get; set; }

    public IReadOnlyList<IGrouping<string, Row>> Features { get; private set; } = [];

    public void OnGet()
    {
        if (!Mailer.Cultures.Contains(Language)) Language = "de";
        Features = MailCatalog.All.Select(t => new Row(t, mailer.Example(t, Language))).GroupBy(r => r.Template.Feature).ToList();
    }
}
