using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>"Über die Daten": where the register comes from, its licence and state, and what the open data holds.</summary>
[AllowAnonymous]
public sealed class AboutDataModel(AppDbContext db) : PageModel
{
    public GazetteerStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Status = await GazetteerStatus.LoadAsync(db, ct);
}
