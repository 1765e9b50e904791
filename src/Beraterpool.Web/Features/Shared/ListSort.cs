namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// Sortable column headers of the back-office lists: "column" sorts ascending, "-column" descending; a header links to
/// ascending first, then to descending, and says which way it sorts (aria-sort).
/// </summary>
public static class ListSort
{
    public static string Next(string? current, string column) => current == column ? "-" + column : column;

    public static string? Aria(string? current, string column, string defaultColumn) =>
        current == column || (column == defaultColumn && string.IsNullOrEmpty(current)) ? "ascending"
        : current == "-" + column ? "descending" : null;
}
