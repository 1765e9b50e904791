using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>
/// The trainer's link: the seminar's attendance list (the office's form) and its materials, without an account, while
/// the link is active. Nothing of other seminars, no contact data. The secret is case-sensitive, so form actions and
/// redirects are written here, not generated (generated URLs are lower-cased).
/// </summary>
[AllowAnonymous]
public sealed class TrainerModel(SeminarProgram program, SeminarMaterials materials, IStringLocalizer<TrainerModel> text) : PageModel
{
    [BindProperty] public Dictionary<int, AttendanceStatus?> Statuses { get; set; } = [];
    public SeminarTrainerLink Link { get; private set; } = null!;
    public Seminar Seminar { get; private set; } = null!;
    public SeminarSeries Series { get; private set; } = null!;
    public AttendanceList List { get; private set; } = null!;
    public IReadOnlyList<MaterialRow> Materials { get; private set; } = [];
    public SeminarTexts Texts { get; } = new(text);

    public static string Path(IUrlHelper url, string token, string? handler = null, int? materialId = null) =>
        url.Content($"~/seminars/trainer/{Uri.EscapeDataString(token)}{(handler is null ? "" : "?handler=" + handler)}{(materialId is null ? "" : "&materialId=" + materialId)}");

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var changed = await program.RecordAsync(Seminar, Series, List.Accept(Statuses), null, ct, trainer: Link.TrainerName);
        TempData[StatusMessage.Key] = text["Anwesenheit gespeichert: {0} Änderungen.", changed].Value;
        return Redirect(Path(Url, token));
    }

    public async Task<IActionResult> OnPostMaterialAsync(string token, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (await materials.AddAsync(Seminar, Series.PoolId, file, null, Link.TrainerName, text, ct) is { } problem)
        {
            ModelState.AddModelError("file", problem);
            return Page();
        }
        TempData[StatusMessage.Key] = text["„{0}“ ist hochgeladen.", SeminarMaterials.DocumentName(file!)].Value;
        return Redirect(Path(Url, token) + "#materials");
    }

    public async Task<IActionResult> OnGetMaterialAsync(string token, int materialId, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct) || await materials.FindAsync(Seminar.Id, materialId, ct) is not { } file) return NotFound();
        return DocumentUpload.Download(this, file);
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await materials.FindLinkAsync(token, ct) is not { } found || await program.ViewAsync(found.Series.Id, ct) is not { } view) return false;
        (Link, Seminar, Series) = found;
        List = view.ListOf(Seminar.Id, Texts);
        Materials = await materials.ListAsync(Seminar.Id, ct);
        return true;
    }
}
