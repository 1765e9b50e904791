using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Applications;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Demo;

/// <summary>The first pool's application call of summer 2014, with which the programme found its first advisors.</summary>
public static class DemoCalls
{
    public static async Task SeedAsync(AppDbContext db, Pool pool, DateTimeOffset now, CancellationToken ct)
    {
        var call = new Call
        {
            PoolId = pool.Id,
            Title = "Berater*innen mit Migrationsgeschichte für die kommunale Entwicklungspolitik gesucht",
            Eligibility = "Menschen mit eigener oder familiärer Migrationsgeschichte, die in Nordrhein-Westfalen leben und Erfahrung in Vereinen, Initiativen oder Projekten der Entwicklungszusammenarbeit mitbringen.",
            Text = """
                Kommunen in Nordrhein-Westfalen engagieren sich zunehmend in der Entwicklungspolitik: faire Beschaffung, Partnerschaften
                mit Kommunen im Globalen Süden, die Agenda 2030. Migrant*innen bringen dafür Wissen, Sprachen und Netzwerke mit,
                die bisher selten gefragt werden.

                Wir suchen **20 Berater*innen**, die Kommunen dialogisch beraten. Die Ausgewählten nehmen an einer
                Qualifizierungsreihe mit sechs Seminaren (Herbst 2014 bis Dezember 2015) teil und werden von Mentor*innen begleitet.

                - Honorar je Beratungstag nach den Sätzen des Programms
                - Reisekosten werden erstattet
                - Die Teilnahme an der Qualifizierung ist kostenlos
                """.ReplaceLineEndings("\n"),
            OpensAt = ProgrammeTime.FromLocal(new DateOnly(2014, 6, 2), TimeOnly.MinValue)!.Value,
            ClosesAt = ProgrammeTime.FromLocal(new DateOnly(2014, 7, 31), new TimeOnly(23, 59))!.Value,
            BlindReview = true, CreatedAt = now, UpdatedAt = now,
            Criteria =
            [
                new() { Position = 1, Name = "Motivation und Verständnis des Beratungsansatzes", Weight = 3, ScaleMax = 5 },
                new() { Position = 2, Name = "Erfahrung in Entwicklungspolitik und Vereinsarbeit", Weight = 2, ScaleMax = 5 },
                new() { Position = 3, Name = "Kenntnisse über Kommunen", Weight = 1, ScaleMax = 5 },
                new() { Position = 4, Name = "Verfügbarkeit für die Qualifizierung", Weight = 1, ScaleMax = 5, IsRequired = false },
            ],
            Questions =
            [
                new() { Position = 1, Prompt = "In welchem Verein oder welcher Initiative sind Sie aktiv?", Kind = QuestionKind.ShortText },
                new() { Position = 2, Prompt = "Welche Erfahrung haben Sie mit Kommunalverwaltungen?", Kind = QuestionKind.LongText },
                new() { Position = 3, Prompt = "Wie viele Tage im Jahr könnten Sie beraten?", Kind = QuestionKind.SingleChoice, Options = "bis 5\n6 bis 10\nmehr als 10", IsRequired = true },
                new() { Position = 4, Prompt = "Können Sie an allen sechs Seminaren teilnehmen?", Kind = QuestionKind.YesNo, IsRequired = true },
            ],
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
    }
}
