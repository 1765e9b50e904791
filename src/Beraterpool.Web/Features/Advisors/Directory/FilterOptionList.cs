using System.Collections;
using System.Text;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Html;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>
/// A filter's options with their &lt;option&gt; markup rendered once per snapshot and culture. The directory's
/// selects offer hundreds of languages and countries at national scale; writing them element by element on
/// every request was the largest part of the page's rendering time (the benchmark, docs/performance.md).
/// </summary>
public sealed class FilterOptionList : IReadOnlyList<FilterOption>
{
    private readonly FilterOption[] _options;
    private readonly string _html;
    /// <summary>Where each option's markup starts in <see cref="_html"/>; the last entry is its length.</summary>
    private readonly int[] _starts;
    private readonly HtmlString _unselected;

    public FilterOptionList(IEnumerable<FilterOption> options)
    {
        _options = options.ToArray();
        _starts = new int[_options.Length + 1];
        var html = new StringBuilder();
        for (var i = 0; i < _options.Length; i++)
        {
            _starts[i] = html.Length;
            html.Append(Markup(_options[i], selected: false));
        }
        _starts[^1] = html.Length;
        _html = html.ToString();
        _unselected = new HtmlString(_html);
    }

    /// <summary>All options as HTML, the one whose value equals <paramref name="selected"/> (ignoring case) marked selected.</summary>
    public IHtmlContent Render(string? selected)
    {
        var i = string.IsNullOrEmpty(selected) ? -1 : Array.FindIndex(_options, o => string.Equals(o.Value, selected, StringComparison.OrdinalIgnoreCase));
        if (i < 0) return _unselected;
        return new HtmlContentBuilder(3)
            .AppendHtml(_html[.._starts[i]])
            .AppendHtml(Markup(_options[i], selected: true))
            .AppendHtml(_html[_starts[i + 1]..]);
    }

    // The same markup (and encoder) as Razor writes for <option value="@v" selected="@b">@label</option>.
    private static string Markup(FilterOption o, bool selected) =>
        $"<option value=\"{WebUi.HtmlEncoder.Encode(o.Value)}\"{(selected ? " selected=\"selected\"" : "")}>{WebUi.HtmlEncoder.Encode(o.Label)}</option>";

    public FilterOption this[int index] => _options[index];
    public int Count => _options.Length;
    public IEnumerator<FilterOption> GetEnumerator() => ((IEnumerable<FilterOption>)_options).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _options.GetEnumerator();
}
