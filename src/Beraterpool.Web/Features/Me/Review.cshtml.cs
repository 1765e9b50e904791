using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Me;

/// <summary>The reviewer's overview: what will appear here once reviewing is built, so the account does not land on nothing.</summary>
[Authorize(Roles = Roles.Reviewer)]
public sealed class ReviewModel : PageModel
{
    public void OnGet()
    {
    }
}
