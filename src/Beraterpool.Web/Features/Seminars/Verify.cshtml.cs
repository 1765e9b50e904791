using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>
/// The public check of a certificate: the code printed on it confirms the name, the series and the date of issue. An
/// unknown code says so (404 with a page); the code's 100 random bits make guessing pointless.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(AppDbContext db, SeminarProgram program) : PageModel
{
    public string? Code { get; private set; }
    public SeminarCertificate? Certificate { get; private set; }
    public string? SeriesTitle { get; private set; }
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        code ??= Request.Query["code"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(code)) return Page();
        Searched = true;
        Code = code.Length > 60 ? code[..60] : code;
        Certificate = await program.FindCertificateAsync(code, ct);
        if (Certificate is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        SeriesTitle = await db.SeminarSeries.AsNoTracking().Where(s => s.Id == Certificate.SeriesId).Select(s => s.Title).FirstAsync(ct);
        return Page();
    }
}
