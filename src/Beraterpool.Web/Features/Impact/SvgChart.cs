using System.Globalization;
using System.Net;
using System.Text;

namespace Beraterpool.Web.Features.Impact;

/// <summary>A chart as the page shows it: an id for its labels, a title, a one-sentence summary and the data.</summary>
public sealed record Chart(string Id, string Title, string Summary, IReadOnlyList<ChartBar> Bars, string Unit, bool Line = false)
{
    /// <summary>For a target-vs-actual chart: each bar's target (same order as <see cref="Bars"/>), with its column title.</summary>
    public IReadOnlyList<decimal?>? Targets { get; init; }
    public string? TargetUnit { get; init; }
}

/// <summary>
/// Charts drawn by the server as small SVG: horizontal bars (labels stay readable on a phone) or a line over the months.
/// The SVG is an image with a title and a description (role="img", aria-labelledby); the page puts the same numbers in
/// a table beside it, so nothing is only in the picture. No script, no chart library.
/// </summary>
public static class SvgChart
{
    private const int Width = 600, BarHeight = 22, Gap = 6, LabelWidth = 210, ValueWidth = 60, LineHeight = 220;

    public static string Render(Chart chart) => chart.Line ? LineChart(chart) : chart.Targets is not null ? TargetBars(chart) : Bars(chart);

    /// <summary>
    /// Target against actual, one row per indicator. Indicators have units of their own, so each row is scaled to the larger
    /// of its target and actual: the bar shows how far the actual got, the mark where the target lies.
    /// </summary>
    private static string TargetBars(Chart chart)
    {
        var height = Math.Max(1, chart.Bars.Count) * (BarHeight + Gap) + Gap;
        var svg = Open(chart, height);
        var plot = Width - LabelWidth - ValueWidth - 40;
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var target = chart.Targets![i];
            var max = Math.Max(Math.Max(bar.Value, target ?? 0), 1);
            var y = Gap + i * (BarHeight + Gap);
            var w = (double)(bar.Value / max) * plot;
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"chart__label\">")).Append(E(Short(bar.Label))).Append("</text>")
               .Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{BarHeight}\" class=\"chart__bar\"/>"));
            if (target is { } t)
            {
                var tx = LabelWidth + (double)(t / max) * plot;
                svg.Append(Invariant($"<line x1=\"{tx:0.#}\" y1=\"{y - 2}\" x2=\"{tx:0.#}\" y2=\"{y + BarHeight + 2}\" class=\"chart__target\"/>"));
            }
            svg.Append(Invariant($"<text x=\"{LabelWidth + Math.Max(w, target is { } t2 ? (double)(t2 / max) * plot : 0) + 6:0.#}\" y=\"{y + 16}\" class=\"chart__value\">")).Append(E(AnnualReport.Number(bar.Value))).Append("</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Bars(Chart chart)
    {
        var max = Math.Max(1, chart.Bars.Count == 0 ? 1 : chart.Bars.Max(b => b.Value));
        var height = Math.Max(1, chart.Bars.Count) * (BarHeight + Gap) + Gap;
        var svg = Open(chart, height);
        var plot = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = Gap + i * (BarHeight + Gap);
            var w = (double)(bar.Value / max) * plot;
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"chart__label\">")).Append(E(Short(bar.Label))).Append("</text>")
               .Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{BarHeight}\" class=\"chart__bar\"/>"))
               .Append(Invariant($"<text x=\"{LabelWidth + w + 6:0.#}\" y=\"{y + 16}\" class=\"chart__value\">")).Append(E(AnnualReport.Number(bar.Value))).Append("</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string LineChart(Chart chart)
    {
        const int left = 40, bottom = LineHeight - 30, top = 16;
        var max = Math.Max(1, chart.Bars.Count == 0 ? 1 : chart.Bars.Max(b => b.Value));
        var svg = Open(chart, LineHeight);
        var step = chart.Bars.Count > 1 ? (Width - left - 20) / (double)(chart.Bars.Count - 1) : 0;
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{Width - 10}\" y2=\"{bottom}\" class=\"chart__axis\"/>"))
           .Append(Invariant($"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\" class=\"chart__value\">")).Append(E(AnnualReport.Number(max))).Append("</text>")
           .Append(Invariant($"<text x=\"{left - 6}\" y=\"{bottom + 4}\" text-anchor=\"end\" class=\"chart__value\">0</text>"));
        var points = chart.Bars.Select((b, i) => (X: left + i * step, Y: bottom - (double)(b.Value / max) * (bottom - top))).ToList();
        svg.Append("<polyline class=\"chart__line\" points=\"").Append(string.Join(' ', points.Select(p => Invariant($"{p.X:0.#},{p.Y:0.#}")))).Append("\"/>");
        for (var i = 0; i < points.Count; i++)
            svg.Append(Invariant($"<circle cx=\"{points[i].X:0.#}\" cy=\"{points[i].Y:0.#}\" r=\"4\" class=\"chart__point\"/>"))
               .Append(Invariant($"<text x=\"{points[i].X:0.#}\" y=\"{bottom + 18}\" text-anchor=\"middle\" class=\"chart__label\">")).Append(E(chart.Bars[i].Label)).Append("</text>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(Chart chart, int height) => new StringBuilder()
        .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" class=\"chart\" role=\"img\" "))
        .Append("aria-labelledby=\"").Append(chart.Id).Append("-title ").Append(chart.Id).Append("-desc\">")
        .Append("<title id=\"").Append(chart.Id).Append("-title\">").Append(E(chart.Title)).Append("</title>")
        .Append("<desc id=\"").Append(chart.Id).Append("-desc\">").Append(E(chart.Summary)).Append("</desc>");

    private static string Short(string label) => label.Length > 30 ? label[..29] + "…" : label;

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
