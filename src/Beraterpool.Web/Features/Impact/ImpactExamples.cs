using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Impact;

/// <summary>The demo's first pool publishes its main figures and has the texts of its 2015 report written.</summary>
public static class ImpactExamples
{
    public static readonly string[] Published = ["kommunen-begleitet", "beratungstage", "veranstaltungen", "teilnehmende", "berater-im-einsatz", "zufriedenheit"];

    public static void Add(AppDbContext db, Pool pool, string? authorUserId, DateTimeOffset now)
    {
        db.PublishedIndicators.AddRange(Published.Select(k => new PublishedIndicator { PoolId = pool.Id, Key = k }));
        (ReportSection Section, string Markdown)[] texts =
        [
            (ReportSection.Summary, "2015 war das erste volle Jahr des Beraterpools: Zehn Dialogforen mit Kommunen, vier qualifizierende Foren und sechs Vorträge bei Netzwerktreffen haben ihn bekannt gemacht."),
            (ReportSection.Establishment, "Die Berater*innen haben sich in zwei Seminaren qualifiziert und arbeiten in Tandems mit erfahrenen Kolleg*innen (Mentoring)."),
            (ReportSection.Network, "Die Foren haben **neue Partner** erreicht: Eine-Welt-Initiativen, Migrant*innenorganisationen und Fachstellen der Kommunen."),
            (ReportSection.Outlook, "- Begleitungen in den Kommunen der Dialogforen beginnen\n- Das Transferhandbuch für andere Regionen fertigstellen"),
        ];
        db.CustomIndicators.AddRange(
            new Custom.CustomIndicator
            {
                PoolId = pool.Id, Name = "Presseartikel", Unit = "Artikel", Period = Custom.IndicatorPeriod.Quarter, YearlyTarget = 20, CreatedAt = now, UpdatedAt = now,
                Description = "Artikel in Zeitungen und Online-Medien, die den Beraterpool nennen (nach dem Pressespiegel).",
                Values =
                [
                    new() { Year = 2015, Quarter = 1, Value = 3, Source = "Pressespiegel Januar–März 2015" },
                    new() { Year = 2015, Quarter = 2, Value = 5, Source = "Pressespiegel April–Juni 2015" },
                    new() { Year = 2015, Quarter = 3, Value = 4, Source = "Pressespiegel Juli–September 2015" },
                    new() { Year = 2015, Quarter = 4, Value = 6, Source = "Pressespiegel Oktober–Dezember 2015" },
                ],
            },
            new Custom.CustomIndicator
            {
                PoolId = pool.Id, Name = "Teilnahme an Landesnetzwerktreffen", Unit = "Treffen", Period = Custom.IndicatorPeriod.Year, YearlyTarget = 4, CreatedAt = now, UpdatedAt = now,
                Description = "Treffen der Landesnetzwerke (Eine Welt, Integration), bei denen der Pool vertreten war.",
                Values = [new() { Year = 2015, Quarter = 0, Value = 5, Source = "Protokolle der Koordinierung 2015" }],
            });
        db.ReportTexts.AddRange(texts.Select(t => new ReportText
        {
            PoolId = pool.Id, Year = 2015, Section = t.Section, Markdown = t.Markdown, UpdatedByUserId = authorUserId, UpdatedAt = now,
        }));
    }
}
