using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Seminars;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// The first pool's qualification as the programme ran it: "Qualifizierung 2014/2015", six seminars from autumn 2014 to
/// December 2015 — getting to know each other, the topic fields and the mandate, the profile ("who are we, what exactly do
/// we offer?") and the working structure in three parts (public relations, initiating engagements, internal organisation
/// and cooperation). 17 of the 20 advisors attended at least five and have their certificate; three attended four.
/// </summary>
public static class DemoSeminars
{
    public const string SeriesTitle = "Qualifizierung 2014/2015";

    private sealed record Module(DateOnly Date, DateOnly? EndDate, string Title, string Place, string Topics, string Agenda);

    private static readonly Module[] Modules =
    [
        new(new(2014, 10, 17), new(2014, 10, 18), "Modul 1: Ankommen und Kennenlernen", "Haus der Kirche, Domkloster 3, 50667 Köln",
            "Kennenlernen der Gruppe und der Biografien\nErwartungen an den Beraterpool\nDas Programm und seine Partner",
            "## Freitag\n\n- Ankommen, Vorstellungsrunde mit Biografie-Landkarte\n- Erwartungen und Befürchtungen\n\n## Samstag\n\n- Das Programm: Auftrag, Partner, Zeitplan\n- Vereinbarungen für die Zusammenarbeit"),
        new(new(2015, 1, 23), new(2015, 1, 24), "Modul 2: Themenfelder und Auftrag", "Gustav-Stresemann-Institut, Langer Grabenweg 68, 53175 Bonn",
            "Kommunale Entwicklungspolitik: Faire Beschaffung, Fairer Handel, Partnerschaften, Agenda 2030\nDer Auftrag des Pools: Dialog mit Kommunen\nMigration und Entwicklung",
            "- Input: Was Kommunen entwicklungspolitisch tun\n- Arbeitsgruppen zu den Themenfeldern\n- Der Auftrag: dialogische Beratung, die Kommune setzt Ziel und Bedarf"),
        new(new(2015, 4, 17), new(2015, 4, 18), "Modul 3: Profil – Wer sind wir, was genau bieten wir an?", "Haus der Kirche, Domkloster 3, 50667 Köln",
            "Profil und Selbstverständnis des Pools\nDas Angebot: das Gespräch, das Handlungsoptionen entwickelt\nRahmen: kostenfrei, bis zu 10 Beratungstage",
            "- Rückblick auf die ersten Kontakte mit Kommunen\n- Werkstatt: Unser Angebot in drei Sätzen\n- Entwurf der Selbstbeschreibung für Website und Flyer"),
        new(new(2015, 6, 19), null, "Modul 4: Arbeitsstruktur – Öffentlichkeitsarbeit", "Dietrich-Keuning-Haus, Leopoldstraße 50–58, 44147 Dortmund",
            "Wort-Bild-Marke, Flyer, Website\nAuftreten bei Netzwerktreffen\nPressearbeit",
            "- Die Marke MiGlobe\n- Übung: Den Pool in zwei Minuten vorstellen\n- Plan für Vorträge bei Netzwerktreffen"),
        new(new(2015, 9, 18), null, "Modul 5: Arbeitsstruktur – Einsätze anbahnen", "Gustav-Stresemann-Institut, Langer Grabenweg 68, 53175 Bonn",
            "Erstgespräch mit Kommunen\nInterviews mit Kommunen auswerten\nAnfragen annehmen und vermitteln",
            "- Auswertung der Interviews mit 17 Kommunen\n- Rollenspiel: das Erstgespräch\n- Wie eine Anfrage zu einer Begleitung wird"),
        new(new(2015, 12, 4), new(2015, 12, 5), "Modul 6: Arbeitsstruktur – Interne Organisation und Kooperation", "Haus der Kirche, Domkloster 3, 50667 Köln",
            "Interne Organisation: Tandems, Absprachen, Koordinierungsstelle\nKooperation mit Partnern und Netzwerken\nAusblick und Abschluss der Qualifizierung",
            "- Wie wir uns organisieren: Tandems, Rückmeldung, Ansprechpersonen\n- Kooperationen mit Netzwerken und Stakeholdern\n- Abschluss und Übergabe der Zertifikate"),
    ];

    public static void Add(AppDbContext db, Pool pool, IReadOnlyList<Advisor> advisors, DateTimeOffset now)
    {
        var series = new SeminarSeries
        {
            PoolId = pool.Id, Title = SeriesTitle, RequiredSeminars = 5, Signatory = "Koordinierungsstelle MiGlobe NRW",
            Description = "Sechs Qualifizierungsseminare von Herbst 2014 bis Dezember 2015: Kennenlernen, Themenfelder und Auftrag, Profil und Arbeitsstruktur des Pools.\n\n"
                          + "Das Zertifikat erhält, wer mindestens fünf der sechs Seminare besucht hat.",
            CreatedAt = At(new(2014, 9, 1), 10), UpdatedAt = At(new(2014, 9, 1), 10),
        };
        foreach (var m in Modules)
            series.Seminars.Add(new Seminar
            {
                Title = m.Title, StartsAt = At(m.Date, 10), EndsAt = At(m.EndDate ?? m.Date, m.EndDate is null ? 17 : 15), Place = m.Place,
                Trainers = "Koordinierungsstelle MiGlobe NRW mit externer Moderation", Topics = m.Topics, Agenda = m.Agenda,
                Materials = "- Teilnehmerhandbuch des Pools (Kapitel zum Modul)\n- Präsentation und Fotoprotokoll (bei der Koordinierungsstelle)",
                CreatedAt = series.CreatedAt, UpdatedAt = series.CreatedAt,
            });
        foreach (var a in advisors)
            series.Participants.Add(new SeminarParticipant { AdvisorId = a.Id, JoinedAt = DateTimeOffset.UnixEpoch });
        db.SeminarSeries.Add(series);
        db.SaveChanges();

        var seminars = series.Seminars.OrderBy(s => s.StartsAt).ToList();
        var participants = series.Participants.OrderBy(p => p.AdvisorId).ToList();
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i];
            // Three advisors missed two seminars (no certificate); a few others missed one, came late or left early.
            int[] missed = i is 5 or 12 or 18 ? [i % 6, (i + 3) % 6] : i % 3 == 0 ? [i % 6] : [];
            var attended = 0;
            for (var s = 0; s < seminars.Count; s++)
            {
                var status = missed.Contains(s) ? (i % 2 == 0 ? AttendanceStatus.Excused : AttendanceStatus.Absent)
                    : (i + s) % 11 == 0 ? AttendanceStatus.Late : (i + s) % 13 == 0 ? AttendanceStatus.LeftEarly : AttendanceStatus.Present;
                if (series.Counts(status)) attended++;
                db.SeminarAttendances.Add(new SeminarAttendance
                {
                    SeminarId = seminars[s].Id, ParticipantId = p.Id, InvitedAt = seminars[s].StartsAt.AddDays(-28),
                    TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                    Rsvp = status == AttendanceStatus.Excused ? RsvpAnswer.No : RsvpAnswer.Yes, RsvpAt = seminars[s].StartsAt.AddDays(-20),
                    Status = status, RecordedAt = seminars[s].EndsAt,
                });
            }
            if (attended >= series.RequiredSeminars)
                db.SeminarCertificates.Add(new SeminarCertificate
                {
                    SeriesId = series.Id, ParticipantId = p.Id, Code = SeminarProgram.NewCode(), HolderName = advisors.First(a => a.Id == p.AdvisorId).FullName,
                    AttendedSeminars = attended, IssuedAt = At(new(2015, 12, 5), 15),
                });
        }
        // The photo record of the first module, and the moderator's link of the last one (long expired).
        var record = DemoYear.MinimalPdf("Fotoprotokoll Modul 1 (Demo)");
        db.SeminarMaterials.Add(new SeminarMaterial
        {
            SeminarId = seminars[0].Id, FileName = "Fotoprotokoll Modul 1.pdf", ContentType = "application/pdf", Size = record.Length, Content = record,
            UploadedByName = "Koordinierungsstelle MiGlobe NRW", UploadedAt = seminars[0].EndsAt.AddDays(3),
        });
        db.SeminarTrainerLinks.Add(new SeminarTrainerLink
        {
            SeminarId = seminars[^1].Id, TrainerName = "Externe Moderation", CreatedAt = seminars[^1].StartsAt.AddDays(-7),
            TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ExpiresAt = seminars[^1].EndsAt.AddDays(SeminarProgram.TrainerLinkDays),
        });
        db.SaveChanges();
    }

    private static DateTimeOffset At(DateOnly date, int hour) => ProgrammeTime.FromLocal(date, new TimeOnly(hour, 0))!.Value;
}
