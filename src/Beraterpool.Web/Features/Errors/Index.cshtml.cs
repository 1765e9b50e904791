using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class IndexModel(IStringLocalizer<IndexModel> text) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // Re-executed POSTs (e.g. a 404 on a form target) land here too.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => (text["Seite nicht gefunden"], text["Diese Seite gibt es nicht (mehr). Vielleicht hat sich die Adresse geändert."]),
            403 => (text["Kein Zugriff"], text["Sie haben keine Berechtigung für diese Seite."]),
            400 => (text["Ungültige Anfrage"], text["Die Anfrage konnte nicht verarbeitet werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal."]),
            429 => (text["Zu viele Anfragen"], text["Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal."]),
            _ => (text["Ein Fehler ist aufgetreten"], text["Entschuldigung, etwas ist schiefgegangen. Wir kümmern uns darum. Bitte versuchen Sie es später noch einmal."]),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code >= 400 && code < 600)
            Response.StatusCode = code;
    }
}
