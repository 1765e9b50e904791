using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Applications;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Demo;

/// <summary>The first pool's application call of summer 2014, with which the programme found its first advisors.</summary>
public static class DemoCalls
{
    public static async Task SeedAsync(AppDbContext db, Pool pool, IReadOnlyList<Advisors.Advisor> advisors, string? reviewerUserId, DateTimeOffset now, CancellationToken ct)
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

        // The 2014 call as it was decided: six of the first advisors were among its applicants (accepted in September 2014),
        // two more went onto the waiting list; declined ones were deleted after the retention period, as the job does.
        var q = call.Questions.OrderBy(x => x.Position).ToList();
        var told = ProgrammeTime.FromLocal(new DateOnly(2014, 9, 15), new TimeOnly(10, 0))!.Value;
        if (reviewerUserId is not null) db.CommitteeMembers.Add(new CommitteeMember { CallId = call.Id, UserId = reviewerUserId, AddedAt = call.OpensAt });
        var submitted = call.ClosesAt.AddDays(-20);
        var scores = new[] { 5, 4, 4, 5, 3, 4, 3, 3 };
        var index = 0;
        foreach (var advisor in advisors.Take(6))
        {
            var a = NewApplication(call, pool, q, advisor.FirstName, advisor.LastName, advisor.Email, advisor.Gender, advisor.BirthYear,
                string.Join(',', advisor.Languages.Select(l => l.LanguageCode)), string.Join(',', advisor.Countries.Select(c => c.CountryCode)),
                "Ich möchte mein Wissen aus der Vereinsarbeit in die kommunale Entwicklungspolitik einbringen.", submitted);
            a.CityKey = advisor.CityKey;
            (a.Status, a.DecidedAt, a.DecisionSentAt, a.AdvisorId) = (ApplicationStatus.Accepted, told.AddDays(-5), told, advisor.Id);
            await AddAsync(db, a, call, reviewerUserId, scores[index++], told.AddDays(-10), ct);
            submitted = submitted.AddDays(2);
        }
        foreach (var (first, last, gender, year) in new[] { ("Kerem", "Aydın", Advisors.Gender.Male, 1972), ("Nadia", "Benali", Advisors.Gender.Female, 1986) })
        {
            var a = NewApplication(call, pool, q, first, last, $"{first.ToLowerInvariant()}.{Ascii(last)}@bewerbung.example", gender, year, "de,tr", "TR",
                "Seit vielen Jahren arbeite ich in Vereinen; das Wissen möchte ich an Verwaltungen weitergeben.", submitted);
            (a.Status, a.DecidedAt, a.DecisionSentAt) = (ApplicationStatus.WaitingList, told.AddDays(-5), told);
            await AddAsync(db, a, call, reviewerUserId, scores[index++], told.AddDays(-10), ct);
            submitted = submitted.AddDays(1);
        }

        // A call that closed a few days ago: its applications wait for the committee, two are reviewed already.
        var recent = new Call
        {
            PoolId = pool.Id, Title = "Nachbesetzung: Berater*innen für Fairen Handel und Beschaffung",
            Eligibility = "Menschen mit Migrationsgeschichte in Nordrhein-Westfalen mit Erfahrung im Fairen Handel.",
            Text = "Für Anfragen zu fairer Beschaffung suchen wir weitere Berater*innen. Die Qualifizierung beginnt im Frühjahr.",
            OpensAt = now.AddDays(-60), ClosesAt = now.AddDays(-5), BlindReview = true, CreatedAt = now, UpdatedAt = now,
            Criteria =
            [
                new() { Position = 1, Name = "Motivation", Weight = 2, ScaleMax = 5 },
                new() { Position = 2, Name = "Erfahrung mit Fairem Handel", Weight = 2, ScaleMax = 5 },
                new() { Position = 3, Name = "Kenntnisse über Kommunen", Weight = 1, ScaleMax = 5, IsRequired = false },
            ],
            Questions = [new() { Position = 1, Prompt = "In welchem Verein oder welcher Initiative sind Sie aktiv?", Kind = QuestionKind.ShortText }],
        };
        db.Calls.Add(recent);
        await db.SaveChangesAsync(ct);
        if (reviewerUserId is not null) db.CommitteeMembers.Add(new CommitteeMember { CallId = recent.Id, UserId = reviewerUserId, AddedAt = recent.OpensAt });
        var rq = recent.Questions.ToList();
        (string First, string Last, string Email, Advisors.Gender Gender, int Year, string Languages, string Countries, string Motivation)[] people =
        [
            ("Amara", "Okafor", "amara.okafor@bewerbung.example", Advisors.Gender.Female, 1979, "de,en,ig", "NG", "Ich möchte Kommunen zeigen, wie Partnerschaften mit Städten in Westafrika auf Augenhöhe gelingen."),
            ("Tuan", "Nguyen", "tuan.nguyen@bewerbung.example", Advisors.Gender.Male, 1985, "de,vi", "VN", "Fairer Handel beginnt in der Beschaffung der Rathäuser – dabei möchte ich beraten."),
            ("Lucía", "Fernández", "lucia.fernandez@bewerbung.example", Advisors.Gender.Female, 1990, "de,es,en", "CO", "Als Klimaaktivistin will ich die Agenda 2030 in die Kommunalpolitik tragen."),
            ("Fatou", "Diallo", "fatou.diallo@bewerbung.example", Advisors.Gender.Female, 1988, "de,fr,wo", "SN", "Ich verbinde Diaspora-Vereine und Kommunen für gemeinsame Projekte."),
            ("Samir", "Haddad", "samir.haddad@bewerbung.example", Advisors.Gender.Diverse, 1983, "de,ar,fr", "LB", "Migration und Entwicklung gehören zusammen – Kommunen können davon lernen."),
            ("Mariana", "Costa", "mariana.costa@bewerbung.example", Advisors.Gender.Female, 1994, "de,pt", "BR", "Ich habe in einem Weltladen gearbeitet und kenne die Siegel des Fairen Handels."),
        ];
        submitted = recent.ClosesAt.AddDays(-20);
        index = 0;
        foreach (var p in people)
        {
            var a = NewApplication(recent, pool, rq, p.First, p.Last, p.Email, p.Gender, p.Year, p.Languages, p.Countries, p.Motivation, submitted);
            await AddAsync(db, a, recent, index < 2 ? reviewerUserId : null, 4 - index, recent.ClosesAt.AddDays(2), ct);
            submitted = submitted.AddDays(3);
            index++;
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

    private static Application NewApplication(Call call, Pool pool, List<CallQuestion> q, string first, string last, string email, Advisors.Gender gender, int? year,
        string languages, string countries, string motivation, DateTimeOffset submitted) => new()
    {
        CallId = call.Id, PoolId = pool.Id, FirstName = first, LastName = last, Email = email, Gender = gender, BirthYear = year,
        Languages = languages, CountryCodes = countries.Length == 0 ? null : countries, CountriesConsentAt = countries.Length == 0 ? null : submitted,
        Motivation = motivation, Experience = "Vorstandsarbeit im Verein, Projekte der Entwicklungszusammenarbeit.",
        TokenHash = ApplicationDesk.Hash(ApplicationDesk.NewToken()), Culture = "de", SubmittedAt = submitted, UpdatedAt = submitted,
        Answers = q.Select(x => new ApplicationAnswer
        {
            QuestionId = x.Id,
            Value = x.Kind switch { QuestionKind.ShortText => "Migrantenselbstorganisation in NRW", QuestionKind.SingleChoice => "6 bis 10", QuestionKind.YesNo => "ja", _ => null },
        }).Where(x => x.Value is not null).ToList(),
    };

    /// <summary>Saves the application with its CV and, when a reviewer is named, their submitted review (every criterion at <paramref name="score"/>, the last one point lower).</summary>
    private static async Task AddAsync(AppDbContext db, Application a, Call call, string? reviewerUserId, int score, DateTimeOffset reviewedAt, CancellationToken ct)
    {
        db.Applications.Add(a);
        await db.SaveChangesAsync(ct);
        db.ApplicationFiles.Add(new ApplicationFile
        {
            ApplicationId = a.Id, FileName = "lebenslauf.pdf", ContentType = "application/pdf", Content = DemoPdf, Size = DemoPdf.Length, UploadedAt = a.SubmittedAt,
        });
        if (reviewerUserId is null) return;
        var criteria = call.Criteria.OrderBy(c => c.Position).ToList();
        db.Reviews.Add(new Review
        {
            ApplicationId = a.Id, ReviewerUserId = reviewerUserId, SubmittedAt = reviewedAt, CreatedAt = reviewedAt, UpdatedAt = reviewedAt,
            Comment = score >= 4 ? "Überzeugende Motivation, passt gut zum Beratungsansatz." : "Solide Erfahrung; Kenntnisse über Kommunen noch gering.",
            Scores = criteria.Select((c, i) => new ReviewScore { CriterionId = c.Id, Score = Math.Clamp(i == criteria.Count - 1 ? score - 1 : score, 1, c.ScaleMax) }).ToList(),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Ascii(string s) => s.Replace("ı", "i").Replace("ü", "ue").Replace("ö", "oe").Replace("ä", "ae").ToLowerInvariant();

    private static readonly byte[] DemoPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
