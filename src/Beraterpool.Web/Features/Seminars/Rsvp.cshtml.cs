using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>
/// The personal link of an invitation: the seminar and a yes/no answer, without signing in. The secret is
/// case-sensitive, so form actions and redirects are written here, not generated (generated URLs are lower-cased).
/// </summary>
[AllowAnonymous]
public sealed class RsvpModel(SeminarProgram program, TimeProvider time, IStringLocalizer<RsvpModel> text) : PageModel
{
    public SeminarAttendance Row { get; private set; } = null!;
    public Seminar Seminar { get; private set; } = null!;
    public SeminarSeries Series { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public bool IsUpcoming { get; private set; }
    public SeminarTexts Texts { get; } = new(text);

    public static string Path(IUrlHelper url, string token, string? handler = null) =>
        url.Content($"~/seminars/rsvp/{Uri.EscapeDataString(token)}{(handler is null ? "" : "?handler=" + handler)}");

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostYesAsync(string token, CancellationToken ct) => AnswerAsync(token, RsvpAnswer.Yes, ct);
    public Task<IActionResult> OnPostNoAsync(string token, CancellationToken ct) => AnswerAsync(token, RsvpAnswer.No, ct);

    private async Task<IActionResult> AnswerAsync(string token, RsvpAnswer answer, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (!IsUpcoming)
        {
            TempData[StatusMessage.Key] = text["Das Seminar hat schon begonnen; eine Antwort ist nicht mehr nötig."].Value;
            return Redirect(Path(Url, token));
        }
        await program.AnswerAsync(Seminar.Id, Row.ParticipantId, answer, ct);
        TempData[StatusMessage.Key] = (answer == RsvpAnswer.Yes ? text["Danke, Sie haben zugesagt."] : text["Danke, Sie haben abgesagt."]).Value;
        return Redirect(Path(Url, token));
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await program.FindByTokenAsync(token, ct) is not { } found) return false;
        (Row, Seminar, Series, Name) = found;
        IsUpcoming = Seminar.StartsAt > time.GetUtcNow();
        return true;
    }
}
