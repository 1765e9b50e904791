using System.Text;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Impact;

/// <summary>
/// The annual report as an A4 PDF for the funder (German, like the reports it asks for): title page, contents, then one
/// chapter per section with its figures as lists and the coordinators' text after them.
/// </summary>
public static class ReportPdf
{
    public static readonly IReadOnlyDictionary<ReportSection, string> Titles = new Dictionary<ReportSection, string>
    {
        [ReportSection.Summary] = "Zusammenfassung",
        [ReportSection.Pool] = "Der Pool",
        [ReportSection.Establishment] = "Aufbau und Qualifizierung",
        [ReportSection.Consultations] = "Beratungen",
        [ReportSection.Network] = "Netzwerkarbeit",
        [ReportSection.Indicators] = "Kennzahlen",
        [ReportSection.Outlook] = "Ausblick",
    };

    public static readonly IReadOnlyDictionary<EventKind, string> EventKinds = new Dictionary<EventKind, string>
    {
        [EventKind.DialogueForum] = "Dialogforen mit Kommunen",
        [EventKind.QualifyingForum] = "Qualifizierende Foren",
        [EventKind.Presentation] = "Vorträge bei Netzwerktreffen",
        [EventKind.InformationEvent] = "Informationsveranstaltungen",
        [EventKind.Other] = "Weitere Veranstaltungen",
    };

    /// <summary>The PDF lists the municipalities with the most days; the page's map lists them all.</summary>
    public const int ReachedListed = 15;

    public static string FileName(AnnualReport report) => $"jahresbericht-{report.Pool.Slug}-{report.Year}.pdf";

    public static byte[] Write(AnnualReport report, DateTimeOffset at) =>
        BookPdf.Write(new BookInfo($"Jahresbericht {report.Year}", report.Pool.Name, $"Stand {ProgrammeTime.ToLocal(at):dd.MM.yyyy}"),
            AnnualReport.Sections.Select(s => new BookChapter(Titles[s], Chapter(report, s), Charts(report, s), Closing(report, s))).ToList());

    /// <summary>The charts the report page shows for the section, as bars with their values printed beside them.</summary>
    private static List<BookChart> Charts(AnnualReport r, ReportSection section)
    {
        static BookChart Bars(string title, IEnumerable<ChartBar> bars, string unit) =>
            new(title, bars.Select(b => new BookBar(b.Label, b.Value, $"{AnnualReport.Number(b.Value)} {unit}")).ToList());
        return section switch
        {
            ReportSection.Consultations =>
            [
                Bars($"Anfragen je Monat {r.Year}", r.RequestsByMonth, "Anfragen"),
                Bars($"Begonnene Begleitungen nach Themen {r.Year}", r.Topics, "Begleitungen"),
                Bars($"Beratungstage je Monat {r.Year}", r.DaysByMonth, "Tage"),
            ],
            ReportSection.Indicators when r.OwnIndicators.Where(f => f.Indicator.Target is not null).ToList() is { Count: > 0 } targeted =>
            [
                new($"Eigene Kennzahlen {r.Year}: Ist (Balken) und Ziel (Strich)", targeted.Select(f => new BookBar(f.Indicator.Name, f.Value ?? 0,
                    $"{AnnualReport.Number(f.Value)} von {AnnualReport.Number(f.Indicator.Target)}", f.Indicator.Target)).ToList()),
            ],
            _ => [],
        };
    }

    /// <summary>The coordinators' text for the section, after the figures and charts.</summary>
    private static string? Closing(AnnualReport r, ReportSection section) =>
        r.Text(section) ?? (section is ReportSection.Establishment or ReportSection.Outlook ? "Die Koordinierung hat für dieses Jahr noch keinen Text geschrieben." : null);

    private static string Chapter(AnnualReport r, ReportSection section)
    {
        var md = new StringBuilder();
        void Item(string label, string value) => md.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        void Figures(IEnumerable<IndicatorFigure> figures)
        {
            foreach (var f in figures)
                Item(f.Indicator.Name, $"{AnnualReport.Number(f.Value)} {f.Indicator.Unit} (Vorjahr: {AnnualReport.Number(f.Previous)})");
        }
        switch (section)
        {
            case ReportSection.Summary:
                foreach (var key in new[] { "kommunen-begleitet", "beratungstage", "veranstaltungen", "berater-im-einsatz" })
                    Item(r.Figure(key).Indicator.Name, $"{AnnualReport.Number(r.Figure(key).Value)} {r.Figure(key).Indicator.Unit}");
                break;
            case ReportSection.Pool:
                var s = r.Statistics;
                md.Append("Zusammensetzung des Pools heute, aus den Profilen der aktiven Berater*innen (nur Angaben mit Einwilligung).\n\n");
                Item("Aktive Berater*innen", s.Advisors.ToString(Money.German));
                Item("Frauen / Männer", $"{s.Women} / {s.Men}");
                if (s.YoungestAge is { } young && s.OldestAge is { } old) Item("Alter", $"{young}–{old} Jahre");
                Item("Wohnorte", $"{s.Cities.Count} ({string.Join(", ", s.Cities)})");
                Item("Herkunftsländer", $"{s.Countries.Count} ({string.Join(", ", s.Countries)})");
                Figures(r.In(ReportSection.Pool));
                break;
            case ReportSection.Consultations:
                Figures(r.In(ReportSection.Consultations));
                md.Append("\n### Kontingent je Kommune (Tage genutzt von)\n\n");
                if (r.Quota.Count == 0) md.Append("Keine Kommune hat in diesem Jahr Beratungstage genutzt.\n");
                foreach (var q in r.Quota) Item(q.Municipality, $"{AnnualReport.Number(q.Used)} von {AnnualReport.Number(q.Quota)}");
                md.Append("\n### Erreichte Kommunen (Beratungstage)\n\n");
                if (r.Reached.Count == 0) md.Append("Keine Kommune wurde in diesem Jahr erreicht.\n");
                foreach (var m in r.Reached.Take(ReachedListed)) Item(m.Name, $"{AnnualReport.Number(m.Value)} Tage");
                if (r.Reached.Count > ReachedListed) md.Append($"\n… und {r.Reached.Count - ReachedListed} weitere (alle auf der Karte der erreichten Kommunen).\n");
                break;
            case ReportSection.Establishment:
                Figures(r.In(ReportSection.Establishment));
                break;
            case ReportSection.Network:
                if (r.Events.Count == 0) md.Append("Keine Veranstaltungen in diesem Jahr.\n");
                foreach (var e in r.Events) Item(EventKinds[e.Kind], $"{e.Events} (Teilnehmende: {e.Participants})");
                Figures(r.In(ReportSection.Network));
                break;
            case ReportSection.Indicators:
                Figures(r.Figures);
                if (r.OwnIndicators.Any())
                {
                    md.Append("\n### Eigene Kennzahlen: Ziel und Ist\n\n");
                    foreach (var f in r.OwnIndicators)
                        Item(f.Indicator.Name, f.Indicator.Target is { } target
                            ? $"Ist {AnnualReport.Number(f.Value)} von Ziel {AnnualReport.Number(target)} {f.Indicator.Unit}" + (AnnualReport.Share(f.Value, target) is { } share ? $" ({share} %)" : "")
                            : $"Ist {AnnualReport.Number(f.Value)} {f.Indicator.Unit} (kein Ziel gesetzt)");
                }
                break;
        }
        return md.ToString();
    }
}
