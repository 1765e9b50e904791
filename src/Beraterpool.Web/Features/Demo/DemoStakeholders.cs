using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Demo;

/// <summary>
/// The first pool's network as the programme names it: the four stakeholders of the qualifying forums, the networks of the
/// presentations and the further stakeholders (state bodies, umbrella associations, federal office, agency, churches,
/// foundations, volunteer agencies), each with a fictional contact person; a few timeline entries from 2014–2016 and follow-ups.
/// </summary>
public static class DemoStakeholders
{
    private sealed record Seed(string Name, OrganisationKind Kind, string Contact, string Function, string? Municipality = null, string? Tags = null,
        string? Website = null, bool Consent = true);

    private static readonly Seed[] Network =
    [
        new("Landeskoordinierungsstelle der Kommunalen Integrationszentren NRW", OrganisationKind.StateAgency, "Petra Ulbrich", "Referentin Interkulturelle Öffnung", Tags: "Integration,Qualifizierendes Forum"),
        new("Landesarbeitsgemeinschaft Lokale Agenda 21 NRW", OrganisationKind.Network, "Jonas Breuer", "Geschäftsführung", Tags: "SDG,Qualifizierendes Forum"),
        new("Stadt Münster, Amt für Internationales", OrganisationKind.MunicipalityUnit, "Miriam Osei", "Koordination kommunale Entwicklungspolitik", "Münster", "Qualifizierendes Forum"),
        new("Eine Welt Netz NRW", OrganisationKind.Network, "Karim Haddad", "Fachpromotor Migration und Entwicklung", Tags: "SDG,Qualifizierendes Forum", Website: "https://eine-welt-netz-nrw.example"),
        new("Eine-Welt-Promotor*innen-Programm NRW", OrganisationKind.Network, "Lena Vogt", "Koordination", Tags: "Vortrag"),
        new("Kommunale Integrationszentren NRW (Leitungskonferenz)", OrganisationKind.Network, "Thomas Reiners", "Sprecher der Leitungskonferenz", Tags: "Integration,Vortrag"),
        new("Servicestelle Kommunen in der Einen Welt (SKEW)", OrganisationKind.StateAgency, "Aylin Demir", "Projektleitung Migration und Entwicklung", Tags: "Vortrag,Bund"),
        new("Engagement Global", OrganisationKind.StateAgency, "Ralf Brandt", "Referent", Tags: "Agentur"),
        new("Landesintegrationsrat NRW", OrganisationKind.MigrantOrganisation, "Selin Aydın", "Vorstand", Tags: "Integration"),
        new("Staatskanzlei des Landes Nordrhein-Westfalen", OrganisationKind.StateAgency, "Dr. Birgit Hoffmann", "Referatsleitung Eine-Welt-Politik", Consent: false),
        new("Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration NRW", OrganisationKind.Ministry, "Markus Lenz", "Referent Integration"),
        new("Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW", OrganisationKind.Ministry, "Sabine Krüger", "Referentin Nachhaltigkeit"),
        new("Städtetag Nordrhein-Westfalen", OrganisationKind.MunicipalAssociation, "Andreas Pohl", "Hauptreferent Integration"),
        new("Landkreistag Nordrhein-Westfalen", OrganisationKind.MunicipalAssociation, "Claudia Wenzel", "Referentin"),
        new("Städte- und Gemeindebund NRW", OrganisationKind.MunicipalAssociation, "Stefan Kuhn", "Referent"),
        new("Bundesamt für Migration und Flüchtlinge, Regionalstelle", OrganisationKind.StateAgency, "Nadia Benali", "Regionalkoordination Integration"),
        new("Evangelische Kirche im Rheinland, Amt für Mission und Ökumene", OrganisationKind.Church, "Pfarrer Michael Berg", "Referent Ökumene"),
        new("Erzbistum Köln, Referat Weltkirche", OrganisationKind.Church, "Anna Schröder", "Referentin Weltkirche"),
        new("Stiftung Umwelt und Entwicklung NRW", OrganisationKind.Foundation, "Julia Meier", "Programmreferentin", Tags: "Förderung"),
        new("Freiwilligenagentur Bonn", OrganisationKind.VolunteerAgency, "Olga Petrenko", "Leitung", "Bonn"),
        new("Freiwilligenzentrum Dortmund", OrganisationKind.VolunteerAgency, "Emre Yıldız", "Koordination Engagement", "Dortmund"),
    ];

    public static async Task SeedAsync(AppDbContext db, Pool pool, string? coordinatorId, DateTimeOffset now, CancellationToken ct)
    {
        var names = Network.Select(n => n.Municipality).OfType<string>().Distinct().ToList();
        var keys = await db.Municipalities.AsNoTracking()
            .Where(m => m.StateCode == "05" && m.Level == Municipalities.MunicipalityLevel.Municipality && names.Contains(m.ShortName))
            .Select(m => new { m.ShortName, m.OfficialKey }).ToListAsync(ct);
        var organisations = new List<(Organisation Org, Contact Contact)>();
        var i = 0;
        foreach (var n in Network)
        {
            i++;
            var o = new Organisation
            {
                PoolId = pool.Id, Name = n.Name, Kind = n.Kind, Tags = n.Tags, Website = n.Website, CreatedAt = now, UpdatedAt = now,
                MunicipalityKey = keys.FirstOrDefault(k => k.ShortName == n.Municipality)?.OfficialKey,
            };
            var local = string.Concat(n.Contact.Replace("Dr. ", "").Replace("Pfarrer ", "").ToLowerInvariant().Split(' ').Select(p => p.Normalize()))
                .Replace("ı", "i").Replace("ü", "ue").Replace("ö", "oe").Replace("ä", "ae").Replace("ß", "ss");
            var c = new Contact
            {
                PoolId = pool.Id, Name = n.Contact, Function = n.Function, Email = $"{local}@netzwerk-{i}.example", Phone = $"0211 555{i:D4}",
                ConsentGivenOn = n.Consent ? new DateOnly(2015, 1, 1).AddDays(i * 11) : null, ConsentSource = n.Consent ? "Gespräch beim Dialogforum" : null,
                Tags = n.Tags, CreatedAt = now, UpdatedAt = now,
            };
            db.Organisations.Add(o);
            db.Contacts.Add(c);
            organisations.Add((o, c));
        }
        // One contact withdrew: she stays in the network, but is no longer offered for mailings.
        organisations[^1].Contact.ConsentWithdrawnOn = new DateOnly(2016, 3, 1);
        await db.SaveChangesAsync(ct);
        foreach (var (o, c) in organisations) db.ContactOrganisations.Add(new ContactOrganisation { ContactId = c.Id, OrganisationId = o.Id });

        var (lks, lag, muenster, ewn) = (organisations[0], organisations[1], organisations[2], organisations[3]);
        db.TimelineEntries.AddRange(
            Entry(lks.Org, lks.Contact, TimelineKind.Meeting, new(2014, 11, 18), "Vorgespräch zum qualifizierenden Forum", "Termin im Januar vereinbart, Einladung an die Kommunalen Integrationszentren."),
            Entry(lag.Org, lag.Contact, TimelineKind.Call, new(2014, 12, 9), "Telefonat: Forum zur Lokalen Agenda 21", null),
            Entry(muenster.Org, muenster.Contact, TimelineKind.Email, new(2015, 4, 2), "Unterlagen zum Forum im Mai geschickt", null),
            Entry(ewn.Org, ewn.Contact, TimelineKind.Presentation, new(2015, 6, 20), "Vortrag bei der Landeskonferenz", "Großes Interesse an migrantischer Expertise zu den SDGs."),
            Entry(organisations[6].Org, organisations[6].Contact, TimelineKind.Interview, new(2016, 2, 10), "Gespräch über die Auswertung der Kommunalbefragung", null),
            Entry(organisations[12].Org, null, TimelineKind.Meeting, new(2016, 5, 11), "Vorstellung im Ausschuss für Integration", null));
        db.FollowUps.AddRange(
            new FollowUp { PoolId = pool.Id, OrganisationId = lks.Org.Id, Title = "Einladung zur nächsten Leitungskonferenz erfragen", DueOn = new DateOnly(2016, 9, 1), OwnerUserId = coordinatorId, CreatedAt = now },
            new FollowUp { PoolId = pool.Id, ContactId = ewn.Contact.Id, Title = "Termine der Fachpromotor*innen abstimmen", DueOn = new DateOnly(2016, 10, 15), OwnerUserId = coordinatorId, CreatedAt = now },
            new FollowUp { PoolId = pool.Id, OrganisationId = muenster.Org.Id, Title = "Dank für das Forum", DueOn = new DateOnly(2015, 6, 1), OwnerUserId = coordinatorId, DoneAt = now, CreatedAt = now });
        await db.SaveChangesAsync(ct);

        TimelineEntry Entry(Organisation o, Contact? c, TimelineKind kind, DateOnly on, string subject, string? notes) => new()
        {
            PoolId = pool.Id, OrganisationId = o.Id, ContactId = c?.Id, Kind = kind, On = on, Subject = subject, Notes = notes, CreatedAt = now,
        };
    }
}
