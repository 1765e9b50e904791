using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Requests;

/// <summary>The confirmation after sending a request: the number, and what happens next.</summary>
[AllowAnonymous]
public sealed class SentModel : PageModel
{
    /// <summary>The annual day quota of the pool the request went to.</summary>
    public int AnnualDayQuota { get; private set; } = 10;

    public string? Reference { get; private set; }
    public string? Email { get; private set; }
    public string? PoolName { get; private set; }

    public void OnGet()
    {
        Reference = TempData["RequestReference"] as string;
        Email = TempData["RequestEmail"] as string;
        PoolName = TempData["RequestPool"] as string;
        AnnualDayQuota = TempData["RequestQuota"] as int? ?? 10;
    }
}
