using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>The public advisor directory: filters in the query string, answered from the in-memory index.</summary>
[AllowAnonymous]
public sealed class IndexModel(TimeProvider time, CurrentPool current, AdvisorDirectory directory) : PageModel
{
    public DirectoryQuery Query { get; private set; } = new();
    public DirectoryPage Result { get; private set; } = new(0, 1, DirectoryQuery.DefaultPageSize, []);
    public DirectoryFilterOptions Options { get; private set; } = DirectoryFilterOptions.None;
    public DirectoryIndex? Index { get; private set; }
    public string Culture { get; } = WebUi.CurrentCulture;
    public int CurrentYear { get; } = time.LocalYear();

    // "page" is a reserved route value in Razor Pages, so the page number is read from the query string explicitly.
    public async Task OnGetAsync(string? q, string? topic, string? language, string? country, string? city, string? sort,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Query = new DirectoryQuery(Trim(q), Trim(topic), Trim(language), Trim(country), Trim(city),
            DirectoryQuery.ParseSort(sort), Math.Max(1, pageNumber ?? 1));
        if (current.Pool is not { } pool) return;
        Index = await directory.ForPoolAsync(pool.Id, ct);
        Result = Index.Query(Query);
        Options = Index.FilterOptions(Culture);
    }

    /// <summary>This search at another page (or sort), keeping every filter; the pool prefix stays in PathBase.</summary>
    public string PageLink(int page, DirectorySort? sort = null) => Request.PathBase + "/advisors" + Filters(page, sort);

    /// <summary>A profile link keeps the list's filters and page, so "back to the directory" returns to the same list.</summary>
    public string ProfileLink(string slug) => Request.PathBase + "/advisors/" + Uri.EscapeDataString(slug) + Filters(Result.Page, null);

    private QueryString Filters(int page, DirectorySort? sort)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) pairs.Add(new(key, value)); }
        Add("q", Query.Text);
        Add("topic", Query.Topic);
        Add("language", Query.Language);
        Add("country", Query.Country);
        Add("city", Query.City);
        Add("sort", DirectoryQuery.SortParameter(sort ?? Query.Sort));
        if (page > 1) Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return QueryString.Create(pairs);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
