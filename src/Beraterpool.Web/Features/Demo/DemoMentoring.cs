using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Mentoring;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// The first pool's mentoring programme as it ran beside the seminar series (autumn 2014 to December 2015): experienced
/// mentors accompanied single advisors into their first engagements; one pair ended early. And every advisor of the pool
/// has the office as individual contact person ("every person in the process has an individual contact person").
/// </summary>
public static class DemoMentoring
{
    public const string OfficePhone = "0228 4460-1720";

    private sealed record Meeting(DateOnly Date, string Topics, string? NextSteps);
    private sealed record Pair(int Advisor, string Goals, DateOnly Start, DateOnly End, MentorshipStatus Status, Meeting[] Meetings);

    private static readonly Pair[] Pairs =
    [
        new(0, "Den ersten Einsatz bei einer Kommune sicher vorbereiten: Erstgespräch führen, Ziel und Bedarf der Kommune klären, Handlungsoptionen im Dialog entwickeln.",
            new(2014, 10, 15), new(2015, 12, 11), MentorshipStatus.Completed,
            [
                new(new(2014, 10, 29), "Kennenlernen; Erwartungen an das Mentoring; Rolle als Berater*in im Pool", "Leitfaden für das Erstgespräch lesen"),
                new(new(2015, 2, 11), "Vorbereitung des Erstgesprächs mit einer Stadtverwaltung; Umgang mit unklaren Anfragen", "Gesprächsnotizen nach dem Termin teilen"),
                new(new(2015, 6, 17), "Rückblick auf das erste Erstgespräch; was hat die Kommune als Bedarf benannt?", "Zwei Handlungsoptionen schriftlich ausarbeiten"),
                new(new(2015, 11, 25), "Abschluss: eigene Stärken, nächste Einsätze, Vernetzung im Pool", null),
            ]),
        new(1, "Fairen Handel in der kommunalen Beschaffung verstehen und als Thema bei Kommunen einbringen.",
            new(2014, 11, 5), new(2015, 12, 11), MentorshipStatus.Completed,
            [
                new(new(2014, 11, 19), "Kennenlernen; Grundlagen fairer Beschaffung in Kommunen", "Beispiele aus zwei Städten sammeln"),
                new(new(2015, 4, 15), "Vorbereitung eines Dialogforums; Rolle der Verwaltung und der Politik", "Fragen an die Kommune formulieren"),
                new(new(2015, 10, 7), "Auswertung des Dialogforums; Transfer in die Beratung", null),
            ]),
        new(2, "Die eigene Expertise zu Städtepartnerschaften so darstellen, dass Kommunen sie nutzen können; Profil im Verzeichnis schärfen.",
            new(2014, 11, 12), new(2015, 12, 11), MentorshipStatus.Completed,
            [
                new(new(2014, 12, 3), "Kennenlernen; eigenes Profil: wer bin ich, was biete ich an?", "Profiltext entwerfen"),
                new(new(2015, 5, 20), "Rückmeldung zum Profiltext; Auftreten bei der ersten Präsentation", "Präsentation im Pool üben"),
            ]),
        new(3, "Zeit für die Beratung neben dem Beruf planen und Grenzen setzen lernen.",
            new(2015, 1, 14), new(2015, 7, 1), MentorshipStatus.EndedEarly,
            [
                new(new(2015, 2, 4), "Kennenlernen; Zeitbudget für Einsätze; Vereinbarkeit mit dem Beruf", "Verfügbarkeit im Profil eintragen"),
            ]),
        new(4, "Die Agenda 2030 und die SDGs als Einstieg in Gespräche mit Kommunen nutzen.",
            new(2015, 3, 4), new(2015, 12, 11), MentorshipStatus.Completed,
            [
                new(new(2015, 3, 18), "Kennenlernen; SDGs in der kommunalen Praxis", "Material des Eine-Welt-Netzes sichten"),
                new(new(2015, 9, 9), "Vorbereitung eines Workshops mit einer Kommune; Methoden für den Dialog", "Workshopablauf abstimmen"),
                new(new(2015, 12, 2), "Abschluss und Rückblick; Übergabe an die kollegiale Beratung im Pool", null),
            ]),
    ];

    public static void Add(AppDbContext db, int poolId, IReadOnlyList<Advisor> advisors, string mentorUserId, string? coordinatorUserId, DateTimeOffset now)
    {
        foreach (var p in Pairs.Where(p => p.Advisor < advisors.Count))
        {
            var created = At(p.Start, 9);
            db.Mentorships.Add(new Mentorship
            {
                PoolId = poolId, AdvisorId = advisors[p.Advisor].Id, MentorUserId = mentorUserId, Goals = p.Goals,
                StartDate = p.Start, EndDate = p.End, Status = p.Status, CreatedAt = created, UpdatedAt = At(p.End, 17),
                Meetings = p.Meetings.Select(m => new MentoringMeeting
                {
                    Date = m.Date, Topics = m.Topics, NextSteps = m.NextSteps, CreatedByUserId = mentorUserId,
                    CreatedAt = At(m.Date, 18),
                }).ToList(),
            });
        }
        if (coordinatorUserId is null) return;
        foreach (var advisor in advisors)
            db.AdvisorContactPersons.Add(new AdvisorContactPerson { AdvisorId = advisor.Id, PoolId = poolId, UserId = coordinatorUserId, Phone = OfficePhone, AssignedAt = now });
    }

    // Stored as UTC like every instant (PostgreSQL accepts no other offset); the wall-clock time is German.
    private static DateTimeOffset At(DateOnly date, int hour) => ProgrammeTime.FromLocal(date, new TimeOnly(hour, 0))!.Value;
}
