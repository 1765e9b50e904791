using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Me;

/// <summary>The mentor's overview: what will appear here once mentoring is built, so the account does not land on nothing.</summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class MentoringModel : PageModel
{
    public void OnGet()
    {
    }
}
