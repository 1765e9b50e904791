using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Interviews;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// The first pool's needs assessment: the guide "Bedarfe der Kommunen 2014" and the 17 interviews of 2014–2015 (the
/// dialogue-forum towns first, where the register has them), plus one draft, and the findings.
/// </summary>
public static class DemoInterviews
{
    public const string GuideTitle = "Bedarfe der Kommunen 2014";
    public const int Finished = 17;

    private static readonly string[] Towns =
    [
        "Hattingen", "Bonn", "Köln", "Münster", "Dortmund", "Solingen", "Monheim am Rhein", "Mülheim an der Ruhr", "Dinslaken",
        "Aachen", "Bochum", "Düsseldorf", "Duisburg", "Hamm", "Wiehl", "Witten", "Bielefeld", "Gelsenkirchen",
    ];

    private static readonly string[] Functions =
    [
        "Leitung Stabsstelle Nachhaltigkeit", "Integrationsbeauftragte", "Referentin Internationales", "Leitung Kommunales Integrationszentrum",
        "Agenda-21-Beauftragter", "Leitung Vergabestelle", "Referent Städtepartnerschaften", "Fachbereichsleitung Soziales",
    ];

    private static readonly (QuestionKind Kind, string Text, string? Help, string[] Options)[] Questions =
    [
        (QuestionKind.Open, "Welche entwicklungspolitischen Aktivitäten gibt es in Ihrer Kommune bereits?", "Nach Partnerschaften, Beschlüssen und Projekten fragen.", []),
        (QuestionKind.Scale, "Wie wichtig ist entwicklungspolitisches Engagement für die Verwaltungsspitze?", null, []),
        (QuestionKind.SingleChoice, "Beschafft Ihre Kommune schon fair gehandelte Produkte?", "Z. B. Kaffee, Dienstkleidung, Natursteine.",
            ["Ja, mit Ratsbeschluss", "Ja, in einzelnen Bereichen", "Nein, aber geplant", "Nein"]),
        (QuestionKind.MultipleChoice, "Zu welchen Themen wünschen Sie sich Unterstützung?", "Mehrere Antworten möglich.",
            ["Faire Beschaffung", "SDGs in der Verwaltung", "Kommunale Partnerschaften", "Migration und Entwicklung", "Bildung für nachhaltige Entwicklung"]),
        (QuestionKind.Scale, "Wie gut kennen Sie die Ziele für nachhaltige Entwicklung (SDGs)?", null, []),
        (QuestionKind.SingleChoice, "Hat Ihre Kommune eine Partnerschaft mit einer Kommune im Globalen Süden?", null,
            ["Ja, aktiv", "Ja, aber ruhend", "Nein, aber Interesse", "Nein"]),
        (QuestionKind.MultipleChoice, "Welche Form der Unterstützung hilft Ihnen am meisten?", null,
            ["Beratung vor Ort", "Workshop für Mitarbeitende", "Vermittlung von Kontakten", "Hilfe bei Förderanträgen"]),
        (QuestionKind.Open, "Welche Rolle spielen Migrant*innenorganisationen vor Ort in der Entwicklungspolitik?", "Konkrete Organisationen nennen lassen.", []),
    ];

    private static readonly string[] Activities =
    [
        "Fairtrade-Town seit 2012, Steuerungsgruppe mit Weltladen und Kirchen.", "Städtepartnerschaft mit einer Stadt in Ghana, getragen von einem Verein.",
        "Bisher keine, der Rat hat aber die Musterresolution zur Agenda 2030 diskutiert.", "Eine-Welt-Beirat und jährlicher Eine-Welt-Tag.",
        "Klimapartnerschaft über die SKEW, Fachaustausch zu Abfallwirtschaft.", "Einzelne Projekte über Schulen und die Volkshochschule.",
    ];

    private static readonly string[] Diaspora =
    [
        "Ein Verein aus der kongolesischen Diaspora ist im Integrationsrat aktiv und möchte sich einbringen.",
        "Kaum bekannt; wir würden gern Kontakte knüpfen.", "Die türkische und die marokkanische Gemeinde unterstützen Projekte in den Herkunftsregionen.",
        "Mehrere Organisationen, aber ohne Verbindung zur Verwaltung.", "Ein afrikanischer Dachverband organisiert mit uns die Interkulturelle Woche.",
    ];

    public const string Findings = """
        # Was die Kommunen brauchen

        Die 17 Interviews von 2014 und 2015 zeigen: Faire Beschaffung und die **SDGs in der Verwaltung** sind die meistgenannten Themen.
        Die Verwaltungsspitze hält das Thema meist für wichtig, in der Fachverwaltung fehlen aber Zeit und Wissen.

        - Beratung vor Ort und Workshops für Mitarbeitende sind gefragter als Material.
        - Migrant*innenorganisationen sind vielerorts aktiv, aber selten mit der Verwaltung verbunden — hier setzt der Pool an.
        - Partnerschaften ruhen oft; die Kommunen wünschen Hilfe, sie wiederzubeleben.
        """;

    public static async Task SeedAsync(AppDbContext db, Pool pool, IReadOnlyList<Advisor> advisors, string? coordinatorId, DateTimeOffset now, CancellationToken ct)
    {
        var found = await db.Municipalities.AsNoTracking()
            .Where(m => m.StateCode == "05" && m.Level == MunicipalityLevel.Municipality && Towns.Contains(m.ShortName))
            .Select(m => new { m.ShortName, m.OfficialKey }).ToListAsync(ct);
        var keys = Towns.Select(t => found.FirstOrDefault(f => f.ShortName == t)?.OfficialKey).OfType<string>().Distinct().ToList();
        if (keys.Count == 0) return;

        var guide = new InterviewGuide
        {
            PoolId = pool.Id, Title = GuideTitle, CreatedAt = now, UpdatedAt = now, Findings = Findings.ReplaceLineEndings("\n"),
            Description = "Leitfaden der Bedarfsanalyse des ersten Pools: Wo stehen die Kommunen, was brauchen sie?",
            Questions = Questions.Select((q, i) => new InterviewQuestion
            {
                Position = i + 1, Kind = q.Kind, Text = q.Text, Help = q.Help, Options = q.Options.Length == 0 ? null : string.Join('\n', q.Options),
            }).ToList(),
        };
        db.InterviewGuides.Add(guide);
        await db.SaveChangesAsync(ct);
        guide.FamilyId = guide.Id;
        var questions = guide.Questions.OrderBy(q => q.Position).ToList();

        for (var n = 0; n <= Finished; n++)
        {
            // 9 interviews in 2014 (from March), 8 in 2015; the 18th is a draft from December 2015. A town with more than
            // one office interviewed comes round again when the register extract has fewer towns.
            var heldOn = n < 9 ? new DateOnly(2014, 3, 10).AddDays(n * 31) : new DateOnly(2015, 1, 20).AddDays((n - 9) * 38);
            var draft = n == Finished;
            var stamp = new DateTimeOffset(heldOn.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
            var interview = new Interview
            {
                PoolId = pool.Id, GuideId = guide.Id, MunicipalityKey = keys[n % keys.Count], HeldOn = heldOn,
                IntervieweeFunction = Functions[(n + n / keys.Count) % Functions.Length], CreatedAt = stamp, UpdatedAt = stamp,
                FinishedAt = draft ? null : stamp,
            };
            foreach (var q in questions)
            {
                if (draft && q.Position > 3) break;
                interview.Answers.Add(new InterviewAnswer { QuestionId = q.Id, Value = Answer(q, n) });
            }
            if (advisors.Count > 0) interview.Interviewers.Add(new InterviewInterviewer { AdvisorId = advisors[n % advisors.Count].Id });
            if (coordinatorId is not null && n % 3 == 0) interview.Interviewers.Add(new InterviewInterviewer { UserId = coordinatorId });
            db.Interviews.Add(interview);
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Answer(InterviewQuestion q, int n)
    {
        var options = q.OptionList;
        return q.Kind switch
        {
            QuestionKind.Open => q.Position == 1 ? Activities[n % Activities.Length] : Diaspora[n % Diaspora.Length],
            QuestionKind.Scale => (1 + (n * (q.Position + 2) + 3) % 5).ToString(CultureInfo.InvariantCulture),
            QuestionKind.SingleChoice => options[(n * 3 + q.Position) % options.Count],
            _ => string.Join('\n', options.Where((o, i) => (n + i) % 3 != 1 || i == 0)),
        };
    }
}
