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

        // A handful of fictional applications to the 2014 call, each with a CV.
        var q = call.Questions.OrderBy(x => x.Position).ToList();
        (string First, string Last, string Email, Advisors.Gender Gender, int Year, string Languages, string Countries, string Motivation)[] people =
        [
            ("Amara", "Okafor", "amara.okafor@bewerbung.example", Advisors.Gender.Female, 1979, "de,en,ig", "NG", "Ich möchte Kommunen zeigen, wie Partnerschaften mit Städten in Westafrika auf Augenhöhe gelingen."),
            ("Tuan", "Nguyen", "tuan.nguyen@bewerbung.example", Advisors.Gender.Male, 1985, "de,vi", "VN", "Fairer Handel beginnt in der Beschaffung der Rathäuser – dabei möchte ich beraten."),
            ("Lucía", "Fernández", "lucia.fernandez@bewerbung.example", Advisors.Gender.Female, 1990, "de,es,en", "CO", "Als Klimaaktivistin will ich die Agenda 2030 in die Kommunalpolitik tragen."),
            ("Kerem", "Aydın", "kerem.aydin@bewerbung.example", Advisors.Gender.Male, 1972, "de,tr", "TR", "Seit zwanzig Jahren arbeite ich in Vereinen; das Wissen möchte ich an Verwaltungen weitergeben."),
            ("Fatou", "Diallo", "fatou.diallo@bewerbung.example", Advisors.Gender.Female, 1988, "de,fr,wo", "SN", "Ich verbinde Diaspora-Vereine und Kommunen für gemeinsame Projekte."),
            ("Samir", "Haddad", "samir.haddad@bewerbung.example", Advisors.Gender.Diverse, 1983, "de,ar,fr", "LB", "Migration und Entwicklung gehören zusammen – Kommunen können davon lernen."),
        ];
        var submitted = call.ClosesAt.AddDays(-10);
        foreach (var p in people)
        {
            var a = new Application
            {
                CallId = call.Id, PoolId = pool.Id, FirstName = p.First, LastName = p.Last, Email = p.Email, Gender = p.Gender, BirthYear = p.Year,
                Languages = p.Languages, CountryCodes = p.Countries, CountriesConsentAt = submitted, Motivation = p.Motivation,
                Experience = "Vorstandsarbeit im Verein, Projekte der Entwicklungszusammenarbeit.", TokenHash = ApplicationDesk.Hash(ApplicationDesk.NewToken()),
                Culture = "de", SubmittedAt = submitted, UpdatedAt = submitted,
                Answers =
                [
                    new() { QuestionId = q[0].Id, Value = "Migrantenselbstorganisation in NRW" },
                    new() { QuestionId = q[2].Id, Value = "6 bis 10" },
                    new() { QuestionId = q[3].Id, Value = "ja" },
                ],
            };
            db.Applications.Add(a);
            await db.SaveChangesAsync(ct);
            db.ApplicationFiles.Add(new ApplicationFile
            {
                ApplicationId = a.Id, FileName = "lebenslauf.pdf", ContentType = "application/pdf", Content = DemoPdf, Size = DemoPdf.Length, UploadedAt = submitted,
            });
            submitted = submitted.AddDays(1);
        }

        // An open call of the current period, so that /calls has something to show.
        db.Calls.Add(new Call
        {
            PoolId = pool.Id, Title = "Neue Berater*innen für die Qualifizierungsreihe gesucht",
            Eligibility = "Menschen mit Migrationsgeschichte in Nordrhein-Westfalen.",
            Text = "Wir erweitern den Pool: Bewerben Sie sich für die nächste Qualifizierungsreihe.",
            OpensAt = now.AddDays(-7), ClosesAt = now.AddDays(30), BlindReview = true, CreatedAt = now, UpdatedAt = now,
            Criteria = [new() { Position = 1, Name = "Motivation", Weight = 2 }, new() { Position = 2, Name = "Erfahrung", Weight = 1 }],
            Questions = [new() { Position = 1, Prompt = "Können Sie an allen Seminaren teilnehmen?", Kind = QuestionKind.YesNo, IsRequired = true }],
        });
        await db.SaveChangesAsync(ct);
    }

    private static readonly byte[] DemoPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
