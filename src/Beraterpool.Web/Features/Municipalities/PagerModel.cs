namespace Beraterpool.Web.Features.Municipalities;

/// <summary>Previous/next links with "page X of Y" for the municipality lists (<c>_Pager.cshtml</c>).</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> Url);
