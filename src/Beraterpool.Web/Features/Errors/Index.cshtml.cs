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
    /// <summary>For a 429: the rate limiter's Retry-After in whole minutes (at least one), if it sent one.</summary>
    public int? WaitMinutes { get; private set; }

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
            429 => (text["Zu viele Anfragen"], text["Sie haben dieses Formular in kurzer Zeit sehr oft abgeschickt. Zum Schutz vor Missbrauch nehmen wir weitere Versuche erst nach einer Wartezeit an. Ihre bisherigen Eingaben sind nicht verloren, wenn Sie im Browser zurückgehen."]),
            _ => (text["Ein Fehler ist aufgetreten"], text["Entschuldigung, etwas ist schiefgegangen. Wir kümmern uns darum. Bitte versuchen Sie es später noch einmal."]),
        };
        if (code == 429) WaitMinutes = Minutes(Response.Headers.RetryAfter.ToString());
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code >= 400 && code < 600)
            Response.StatusCode = code;
    }

    private static int? Minutes(string retryAfter) =>
        int.TryParse(retryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? Math.Max(1, (seconds + 59) / 60)
            : null;
}
