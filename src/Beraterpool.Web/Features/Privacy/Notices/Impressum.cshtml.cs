using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;

namespace Beraterpool.Web.Features.Privacy.Notices;

[AllowAnonymous]
public sealed class ImpressumModel(AppDbContext db, CurrentPool current) : NoticePage(db, current)
{
    protected override NoticeKind Kind => NoticeKind.Impressum;
}
