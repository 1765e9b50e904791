using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Site;

/// <summary>The accessibility statement (BITV 2.0 § 7) of this site's pool: its contact is the feedback address.</summary>
[AllowAnonymous]
public sealed class AccessibilityModel(CurrentPool current) : PageModel
{
    public PoolInfo? Pool => current.Pool;

    /// <summary>When the statement was last reviewed against the site (self-assessment plus the automated axe checks of every release).</summary>
    public static readonly DateOnly ReviewedOn = new(2026, 12, 7);
}

/// <summary>The pool's offer in Leichte Sprache (easy-to-read German, BITV 2.0 § 4): German by nature, in every UI language.</summary>
[AllowAnonymous]
public sealed class EasyLanguageModel(CurrentPool current) : PageModel
{
    public PoolInfo? Pool => current.Pool;
}
