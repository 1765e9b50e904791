using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Requests;

/// <summary>Where the contact lands after replacing the personal link: the old address no longer shows anything.</summary>
[AllowAnonymous]
public sealed class LinkRenewedModel : PageModel;
