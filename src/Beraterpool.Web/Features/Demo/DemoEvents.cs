using System.Security.Cryptography;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Privacy.Retention;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// The first pool's network work as the programme reports it: dialogue forums with ten municipalities, qualifying forums
/// with four stakeholders and six presentations at network meetings (all in 2015, the year its annual report documents; their registrations long anonymised),
/// and three coming events with free places, one of them nearly full, so the public calendar and the waiting list have content.
/// </summary>
public static class DemoEvents
{
    private sealed record Seed(EventKind Kind, DateOnly Date, int StartHour, int EndHour, string Title, string Place, string? Municipality = null,
        string? Organisations = null, int Participants = 0);

    private static readonly Seed[] History =
    [
        new(EventKind.DialogueForum, new(2015, 1, 14), 17, 20, "Dialogforum Hattingen: Eine Welt vor Ort", "Rathaus Hattingen", "Hattingen", Participants: 14),
        new(EventKind.DialogueForum, new(2015, 2, 25), 16, 19, "Dialogforum Bonn: Faire Beschaffung in der Stadtverwaltung", "Altes Rathaus Bonn", "Bonn", Participants: 18),
        new(EventKind.DialogueForum, new(2015, 1, 28), 17, 20, "Dialogforum Köln: Städtepartnerschaften und Migration", "Historisches Rathaus Köln", "Köln", Participants: 22),
        new(EventKind.DialogueForum, new(2015, 3, 12), 16, 19, "Dialogforum Münster: Die Agenda 2030 in der Kommune", "Stadthaus Münster", "Münster", Participants: 16),
        new(EventKind.DialogueForum, new(2015, 4, 22), 17, 20, "Dialogforum Dortmund: Fairer Handel und Integration", "Rathaus Dortmund", "Dortmund", Participants: 20),
        new(EventKind.DialogueForum, new(2015, 6, 10), 17, 20, "Dialogforum Solingen: Migrantische Expertise für die Kommune", "Rathaus Solingen", "Solingen", Participants: 12),
        new(EventKind.DialogueForum, new(2015, 7, 1), 16, 19, "Dialogforum Bergisches Land: Entwicklungspolitik in der Region", "Bergische Volkshochschule, Wuppertal", null,
            "Region Bergisches Land (Remscheid, Solingen, Wuppertal)", 15),
        new(EventKind.DialogueForum, new(2015, 9, 16), 17, 20, "Dialogforum Monheim am Rhein: Partnerschaften mit dem Globalen Süden", "Rathaus Monheim am Rhein", "Monheim am Rhein", Participants: 11),
        new(EventKind.DialogueForum, new(2015, 10, 21), 17, 20, "Dialogforum Mülheim an der Ruhr: Faire Beschaffung konkret", "Rathaus Mülheim an der Ruhr", "Mülheim an der Ruhr", Participants: 13),
        new(EventKind.DialogueForum, new(2015, 11, 25), 17, 20, "Dialogforum Dinslaken: Eine-Welt-Arbeit mit Migrant*innen", "Rathaus Dinslaken", "Dinslaken", Participants: 10),
        new(EventKind.QualifyingForum, new(2015, 1, 21), 10, 16, "Qualifizierendes Forum mit der Landeskoordinierungsstelle der Kommunalen Integrationszentren",
            "Dortmund", null, "Landeskoordinierungsstelle der Kommunalen Integrationszentren NRW", 9),
        new(EventKind.QualifyingForum, new(2015, 2, 18), 10, 16, "Qualifizierendes Forum mit der Landesarbeitsgemeinschaft Lokale Agenda 21",
            "Düsseldorf", null, "Landesarbeitsgemeinschaft Lokale Agenda 21 NRW", 8),
        new(EventKind.QualifyingForum, new(2015, 5, 20), 10, 16, "Qualifizierendes Forum mit der Stadt Münster", "Stadthaus Münster", "Münster", "Stadt Münster", 7),
        new(EventKind.QualifyingForum, new(2015, 8, 26), 10, 16, "Qualifizierendes Forum mit dem Eine-Welt-Netz NRW zu den SDGs", "Münster", null, "Eine Welt Netz NRW", 10),
        new(EventKind.Presentation, new(2015, 3, 5), 14, 15, "Vortrag beim Eine-Welt-Promotor*innen-Programm des Landes", "Düsseldorf", null, "Eine-Welt-Promotor*innen-Programm NRW"),
        new(EventKind.Presentation, new(2015, 6, 20), 11, 12, "Vortrag bei der Landeskonferenz des Eine Welt Netzes NRW", "Bielefeld", null, "Eine Welt Netz NRW"),
        new(EventKind.Presentation, new(2015, 9, 9), 15, 16, "Vortrag bei der Leitungskonferenz der Kommunalen Integrationszentren", "Essen", null, "Kommunale Integrationszentren NRW"),
        new(EventKind.Presentation, new(2015, 11, 12), 10, 11, "Vortrag bei der Bundeskonferenz der Kommunen und Initiativen (BUKO) der SKEW", "Bonn", null,
            "Servicestelle Kommunen in der Einen Welt (SKEW)"),
        new(EventKind.Presentation, new(2015, 12, 3), 10, 11, "Vortrag beim Jour fixe der Agentur", "Bonn", null, "Engagement Global"),
        new(EventKind.Presentation, new(2015, 12, 9), 14, 15, "Vortrag beim Bundesnetzwerktreffen Migration und Entwicklung der SKEW", "Bonn", null,
            "Servicestelle Kommunen in der Einen Welt (SKEW)"),
    ];

    public static async Task SeedAsync(AppDbContext db, Pool pool, IReadOnlyList<Advisor> advisors, DateTimeOffset now, CancellationToken ct)
    {
        var names = History.Select(h => h.Municipality).Append("Köln").Append("Wuppertal").OfType<string>().Distinct().ToList();
        var keys = await db.Municipalities.AsNoTracking()
            .Where(m => m.StateCode == "05" && m.Level == Municipalities.MunicipalityLevel.Municipality && names.Contains(m.ShortName))
            .Select(m => new { m.ShortName, m.OfficialKey }).ToListAsync(ct);
        string? Key(string? name) => keys.FirstOrDefault(k => k.ShortName == name)?.OfficialKey;

        var i = 0;
        foreach (var h in History)
        {
            var e = New(pool, h.Kind, h.Title, h.Date, h.StartHour, h.EndHour, h.Place, h.Organisations, isPublic: h.Kind != EventKind.QualifyingForum, now);
            e.Minutes = h.Kind == EventKind.Presentation ? null
                : "## Ergebnisse\n\n- Vorstellung des Beraterpools und seines Angebots\n- Austausch über Bedarfe der Kommune\n- Verabredung eines Folgegesprächs";
            if (Key(h.Municipality) is { } key) e.Municipalities.Add(new EventMunicipality { MunicipalityKey = key });
            // Two advisors presented at each forum and talk, in turn.
            foreach (var a in new[] { advisors[i % advisors.Count], advisors[(i + 7) % advisors.Count] }.DistinctBy(a => a.Id))
                e.Presenters.Add(new EventPresenter { AdvisorId = a.Id });
            for (var p = 0; p < h.Participants; p++)
                e.Registrations.Add(Anonymised(e, h.Municipality ?? h.Organisations ?? "", p));
            db.Events.Add(e);
            i++;
        }

        var today = ProgrammeTime.LocalDate(now);
        var info = New(pool, EventKind.InformationEvent, "Informationsabend: Beraterpool für Kommunen", today.AddDays(20), 17, 19,
            "Haus der Kirche, Domkloster 3, 50667 Köln", "Eine Welt Netz NRW", isPublic: true, now);
        info.Description = "Wie Kommunen den Beraterpool nutzen: kostenfrei, bis zu zehn Beratungstage im Jahr, eine Person aus dem Pool begleitet.\n\n"
                           + "- Beispiele aus Dialogforen und Begleitungen\n- Fragen an Berater*innen und die Koordinierungsstelle";
        info.Capacity = 30;
        info.AccessibilityNotes = "Stufenloser Zugang, barrierefreie Toilette. Bitte sagen Sie uns, welche Unterstützung Sie brauchen.";
        if (Key("Köln") is { } koeln) info.Municipalities.Add(new EventMunicipality { MunicipalityKey = koeln });
        info.Presenters.Add(new EventPresenter { AdvisorId = advisors[0].Id });
        foreach (var (name, org) in new[] { ("Petra Sommer", "Stadt Bonn"), ("Jonas Albrecht", "Kreis Mettmann"), ("Leyla Demir", "Integrationsrat Köln") })
            info.Registrations.Add(Person(name, org, now.AddDays(-3)));

        var forum = New(pool, EventKind.DialogueForum, "Dialogforum Wuppertal: Faire Beschaffung", today.AddDays(41), 16, 19, "Rathaus Wuppertal-Barmen", null,
            isPublic: true, now);
        forum.Description = "Ein Dialogforum mit der Stadt Wuppertal zu fairer öffentlicher Beschaffung: Was geht schon, wo hilft der Beraterpool?";
        forum.Capacity = 4;
        if (Key("Wuppertal") is { } wuppertal) forum.Municipalities.Add(new EventMunicipality { MunicipalityKey = wuppertal });
        foreach (var (name, org) in new[] { ("Ralf Becker", "Stadt Wuppertal"), ("Sabine Kurz", "Stadt Wuppertal"), ("Mehmet Aydın", "Eine-Welt-Laden Wuppertal") })
            forum.Registrations.Add(Person(name, org, now.AddDays(-5)));

        var online = New(pool, EventKind.InformationEvent, "Online-Sprechstunde: Eine Beratung anfragen", today.AddDays(9), 12, 13, null, null, isPublic: true, now);
        online.OnlineUrl = "https://meet.example.org/beraterpool-sprechstunde";
        online.Description = "Eine Stunde für Fragen von Kommunen: Wie läuft eine Beratung ab, was kostet sie (nichts), wie viele Tage stehen zur Verfügung?";
        db.Events.AddRange(info, forum, online);
        await db.SaveChangesAsync(ct);

        // The coming forum asks two questions of its own; the people registered so far answered them.
        var lunch = new EventQuestion { EventId = forum.Id, Position = 1, Kind = EventQuestionKind.YesNo, Text = "Nehmen Sie am Imbiss teil?", IsRequired = true };
        var topics = new EventQuestion
        {
            EventId = forum.Id, Position = 2, Kind = EventQuestionKind.MultipleChoice, Text = "Welche Themen sind Ihnen wichtig?",
            Options = "Vergaberecht\nSiegel und Nachweise\nBeispiele anderer Kommunen",
        };
        db.EventQuestions.AddRange(lunch, topics);
        await db.SaveChangesAsync(ct);
        var answers = new[] { ("Ja", "Vergaberecht\nBeispiele anderer Kommunen"), ("Nein", "Siegel und Nachweise"), ("Ja", (string?)null) };
        foreach (var (r, (eats, wishes)) in forum.Registrations.Zip(answers))
        {
            db.EventAnswers.Add(new EventAnswer { RegistrationId = r.Id, QuestionId = lunch.Id, Question = lunch.Text, Position = 1, Value = eats });
            if (wishes is not null) db.EventAnswers.Add(new EventAnswer { RegistrationId = r.Id, QuestionId = topics.Id, Question = topics.Text, Position = 2, Value = wishes });
        }

        // What came of the forum in Bonn: a file of the documentation and an outcome with the city.
        var bonn = await db.Events.Where(e => e.PoolId == pool.Id && e.Title.StartsWith("Dialogforum Bonn")).SingleAsync(ct);
        var pdf = DemoYear.MinimalPdf("Fotoprotokoll Dialogforum Bonn (Demo)");
        db.EventDocuments.Add(new EventDocument
        {
            EventId = bonn.Id, FileName = "Fotoprotokoll-Dialogforum-Bonn.pdf", ContentType = "application/pdf", Content = pdf, Size = pdf.Length,
            UploadedByName = "Koordinierungsstelle NRW", UploadedAt = bonn.EndsAt.AddDays(3),
        });
        if (Key("Bonn") is { } bonnKey)
            db.EventOutcomes.Add(new EventOutcome
            {
                EventId = bonn.Id, Kind = EventOutcomeKind.RequestExpected, MunicipalityKey = bonnKey, CreatedAt = bonn.EndsAt.AddDays(2),
                Text = "Die Stabsstelle Internationales will eine Beratung zur fairen Beschaffung anfragen, sobald der Ratsbeschluss vorliegt.",
            });
        await db.SaveChangesAsync(ct);
    }

    private static Event New(Pool pool, EventKind kind, string title, DateOnly date, int startHour, int endHour, string? place, string? organisations, bool isPublic,
        DateTimeOffset now) => new()
    {
        PoolId = pool.Id, Kind = kind, Title = title, Place = place, Organisations = organisations, IsPublic = isPublic,
        StartsAt = ProgrammeTime.FromLocal(date, new TimeOnly(startHour, 0))!.Value, EndsAt = ProgrammeTime.FromLocal(date, new TimeOnly(endHour, 0))!.Value,
        CreatedAt = now, UpdatedAt = now,
    };

    private static EventRegistration Anonymised(Event e, string organisation, int n) => new()
    {
        Name = RetentionSweep.Anonymised, Email = "", Organisation = n % 3 == 0 ? organisation : n % 3 == 1 ? "Eine-Welt-Initiative" : "Migrant*innenorganisation",
        Status = RegistrationStatus.Registered, TokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        ConsentGivenAt = e.StartsAt.AddDays(-14), RegisteredAt = e.StartsAt.AddDays(-14 + n % 10), CheckedInAt = e.StartsAt,
        AnonymisedAt = e.EndsAt.AddMonths(EventJob.AnonymiseAfterMonths),
    };

    /// <summary>A fictional person on a coming event; the demo has no mail for them, so their link is a random secret nobody knows.</summary>
    private static EventRegistration Person(string name, string organisation, DateTimeOffset at) => new()
    {
        Name = name, Email = DemoSeed.Slug(name).Replace('-', '.') + "@beispiel.local", Organisation = organisation, Status = RegistrationStatus.Registered,
        TokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), ConsentGivenAt = at, RegisteredAt = at, Culture = "de",
    };
}
