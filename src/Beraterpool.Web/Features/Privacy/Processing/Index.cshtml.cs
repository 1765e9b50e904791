using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Privacy.Processing;

/// <summary>The records of processing activities (Art. 30 GDPR), built from the features' own declarations; also as PDF.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(TimeProvider time, IConfiguration config) : PageModel
{
    public IReadOnlyList<ProcessingActivity> Activities => ProcessingRegistry.All;

    public void OnGet()
    {
    }

    public IActionResult OnGetPdf()
    {
        var installation = config["App:PublicUrl"] ?? "Beraterpool";
        var today = time.LocalToday();
        var pdf = ProcessingPdf.Render(Activities, installation, today);
        return File(pdf, "application/pdf", $"verarbeitungsverzeichnis-{today:yyyy-MM-dd}.pdf");
    }
}
