using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>
/// One problem of an import file. <see cref="Message"/> is a German composite format (the resource key);
/// <see cref="Line"/> and <see cref="Column"/> say where, when the problem belongs to a row.
/// </summary>
public sealed record GazetteerProblem(int? Line, string? Column, string Message, params object[] Args)
{
    public string Format(IStringLocalizer? localizer = null)
    {
        var reason = Localize(localizer, Message, Args);
        if (Line is null) return reason;
        return Column is null
            ? Localize(localizer, "Zeile {0}: {1}", Line, reason)
            : Localize(localizer, "Zeile {0}, Spalte {1}: {2}", Line, Column, reason);
    }

    internal static string Localize(IStringLocalizer? localizer, string text, params object[] args) =>
        localizer is null ? string.Format(CultureInfo.GetCultureInfo("de"), text, args) : localizer[text, args].Value;
}

public readonly record struct ImportCounts(int Added, int Updated, int Unchanged)
{
    public int Total => Added + Updated + Unchanged;
    public static ImportCounts operator +(ImportCounts a, ImportCounts b) =>
        new(a.Added + b.Added, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}

/// <summary>What an import did, or why it did nothing.</summary>
public sealed class GazetteerImportReport
{
    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    public const int MaxListedProblems = 200;

    public required string Source { get; init; }
    public bool Imported { get; init; }
    public int DataRows { get; init; }
    public IReadOnlyList<GazetteerProblem> Problems { get; init; } = [];
    public int ProblemCount { get; init; }
    public ImportCounts States { get; init; }
    public ImportCounts GovernmentDistricts { get; init; }
    public ImportCounts Districts { get; init; }
    public ImportCounts Associations { get; init; }
    public ImportCounts Municipalities { get; init; }
    /// <summary>Municipalities and districts in the database that the file no longer lists (kept, since others may refer to them).</summary>
    public int NotInFile { get; init; }
    public TimeSpan Duration { get; init; }

    public ImportCounts Total => States + GovernmentDistricts + Districts + Associations + Municipalities;

    /// <summary>The rows of the summary table: German label (resource key) and counts.</summary>
    public IEnumerable<(string Label, ImportCounts Counts)> Rows =>
    [
        ("Länder", States),
        ("Regierungsbezirke und Regionen", GovernmentDistricts),
        ("Kreise und kreisfreie Städte", Districts),
        ("Gemeindeverbände", Associations),
        ("Gemeinden", Municipalities),
    ];

    /// <summary>Plain text for the command line and logs.</summary>
    public string ToText(IStringLocalizer? l = null)
    {
        var lines = new List<string>();
        if (Imported)
        {
            lines.Add(GazetteerProblem.Localize(l, "Import von {0} abgeschlossen: {1} Zeilen in {2:0.0} s.", Source, DataRows, Duration.TotalSeconds));
            foreach (var (label, c) in Rows)
            {
                lines.Add(GazetteerProblem.Localize(l, "{0}: {1} neu, {2} geändert, {3} unverändert", GazetteerProblem.Localize(l, label), c.Added, c.Updated, c.Unchanged));
            }
            var t = Total;
            lines.Add(GazetteerProblem.Localize(l, "Gesamt: {0} neu, {1} geändert, {2} unverändert", t.Added, t.Updated, t.Unchanged));
            if (NotInFile > 0) lines.Add(GazetteerProblem.Localize(l, "{0} Einträge der Datenbank fehlen in der Datei; sie bleiben erhalten.", NotInFile));
        }
        else
        {
            lines.Add(GazetteerProblem.Localize(l, "Import von {0} abgebrochen, nichts wurde übernommen. {1} Fehler:", Source, ProblemCount));
            lines.AddRange(Problems.Select(p => "  " + p.Format(l)));
            if (ProblemCount > Problems.Count)
            {
                lines.Add("  " + GazetteerProblem.Localize(l, "… und {0} weitere Fehler", ProblemCount - Problems.Count));
            }
        }
        return string.Join(Environment.NewLine, lines);
    }
}
