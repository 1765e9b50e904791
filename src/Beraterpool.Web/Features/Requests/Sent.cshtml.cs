using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Requests;

/// <summary>The confirmation after sending a request: the number, and what happens next.</summary>
[AllowAnonymous]
public sealed class SentModel : PageModel
{
    public string? Reference { get; private set; }
    public string? Email { get; private set; }
    public string? PoolName { get; private set; }

    public void OnGet()
    {
        Reference = TempData["RequestReference"] as string;
        Email = TempData["RequestEmail"] as string;
        PoolName = TempData["RequestPool"] as string;
    }
}
