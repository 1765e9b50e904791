namespace Beraterpool.Web.Features.Advisors.Directory;

public enum DirectorySort { Name, NameDescending, City }

/// <summary>One directory search as the visitor typed it; empty strings mean "no filter".</summary>
public sealed record DirectoryQuery(
    string? Text = null, string? Topic = null, string? Language = null, string? Country = null, string? City = null,
    DirectorySort Sort = DirectorySort.Name, int Page = 1, int PageSize = DirectoryQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;

    /// <summary>Reads the URL's sort parameter: name, -name or city.</summary>
    public static DirectorySort ParseSort(string? sort) => sort switch
    {
        "-name" => DirectorySort.NameDescending,
        "city" => DirectorySort.City,
        _ => DirectorySort.Name,
    };

    public static string? SortParameter(DirectorySort sort) => sort switch
    {
        DirectorySort.NameDescending => "-name",
        DirectorySort.City => "city",
        _ => null,
    };

    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrWhiteSpace(Topic) || !string.IsNullOrWhiteSpace(Language)
        || !string.IsNullOrWhiteSpace(Country) || !string.IsNullOrWhiteSpace(City);
}

/// <summary>One page of results: the total count and the cards of this page.</summary>
public sealed record DirectoryPage(int Total, int Page, int PageSize, IReadOnlyList<DirectoryAdvisor> Items)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record FilterOption(string Value, string Label);

/// <summary>The values the filter form offers: only those that occur in the published data (topics: all of the pool).</summary>
public sealed record DirectoryFilterOptions(
    FilterOptionList Topics, FilterOptionList Languages, FilterOptionList Countries, FilterOptionList Cities)
{
    public static DirectoryFilterOptions None { get; } = new(new([]), new([]), new([]), new([]));
}
