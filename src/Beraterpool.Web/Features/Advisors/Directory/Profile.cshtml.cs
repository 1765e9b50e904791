using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>An advisor's public profile: exactly what the directory index holds, i.e. the consented fields.</summary>
[AllowAnonymous]
public sealed class ProfileModel(TimeProvider time, CurrentPool current, AdvisorDirectory directory) : PageModel
{
    public DirectoryAdvisor Advisor { get; private set; } = null!;
    public PoolInfo Pool { get; private set; } = null!;
    public IReadOnlyList<DirectoryTopic> Topics { get; private set; } = [];
    public string Culture { get; } = WebUi.CurrentCulture;
    public int? Age { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return NotFound();
        var index = await directory.ForPoolAsync(pool.Id, ct);
        // Unknown, not active, or of another pool: the index of this pool simply does not hold it.
        if (index.Find(slug) is not { } advisor) return NotFound();
        Advisor = advisor;
        Pool = pool;
        Age = advisor.Age(time.LocalYear());
        Topics = advisor.TopicIds?.Select(index.Topic).OfType<DirectoryTopic>().ToArray() ?? [];
        return Page();
    }

    private static readonly string[] ListParameters = ["q", "topic", "language", "country", "city", "sort", "page"];

    /// <summary>Back to the list the visitor came from: only the directory's own filters are carried over (no open redirect).</summary>
    public string BackLink => Request.PathBase + "/advisors" + QueryString.Create(ListParameters
        .Where(k => !string.IsNullOrEmpty(Request.Query[k])).Select(k => new KeyValuePair<string, string?>(k, Request.Query[k].ToString())));
}
