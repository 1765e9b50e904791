using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(CurrentPool current) : PageModel
{
    public PoolInfo? Pool => current.Pool;

    public void OnGet()
    {
    }
}
