using System.Globalization;
using System.Net.Mail;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Gazetteer;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Stakeholders;

/// <summary>
/// Contacts as a German Excel CSV, both ways: the export writes the columns the import reads, so a list can be
/// exported, corrected in Excel and read back. Semicolons (or commas), UTF-8 or Windows-1252 as the register upload reads them.
/// The import checks every row and names line, column and reason; it finds duplicates by e-mail and by name +
/// organisation, within the file and against the pool's contacts, and nothing is saved while any row is wrong.
/// </summary>
public static class ContactCsv
{
    public const string Name = "Name", Function = "Funktion", Email = "E-Mail", Phone = "Telefon", Organisation = "Organisation", Tags = "Schlagworte",
        ConsentOn = "Einwilligung am", ConsentSource = "Einwilligung Quelle", WithdrawnOn = "Widerrufen am", Contactable = "Kontaktierbar";

    public static readonly string[] Headers = [Name, Function, Email, Phone, Organisation, Tags, ConsentOn, ConsentSource, WithdrawnOn, Contactable];
    /// <summary>Several organisations of one contact in one cell.</summary>
    public const string OrganisationSeparator = " | ";
    public const int MaxRows = 5000;

    public sealed record Row(int Id, string Name, string? Function, string? Email, string? Phone, string Organisations, string? Tags,
        DateOnly? ConsentOn, string? ConsentSource, DateOnly? WithdrawnOn)
    {
        public bool Contactable => ConsentOn is not null && WithdrawnOn is null;
    }

    public static async Task<IReadOnlyList<Row>> ProjectAsync(AppDbContext db, IQueryable<Contact> contacts, CancellationToken ct)
    {
        var list = await contacts.Select(c => new
        {
            c.Id, c.Name, c.Function, c.Email, c.Phone, c.Tags, c.ConsentGivenOn, c.ConsentSource, c.ConsentWithdrawnOn,
            Organisations = db.ContactOrganisations.Where(co => co.ContactId == c.Id).Join(db.Organisations, co => co.OrganisationId, o => o.Id, (co, o) => o.Name).ToList(),
        }).ToListAsync(ct);
        return list.Select(c => new Row(c.Id, c.Name, c.Function, c.Email, c.Phone, string.Join(OrganisationSeparator, c.Organisations.Order(StringComparer.CurrentCulture)),
            c.Tags, c.ConsentGivenOn, c.ConsentSource, c.ConsentWithdrawnOn)).ToList();
    }

    public static IEnumerable<IReadOnlyList<ExportCell>> Cells(IEnumerable<Row> rows) => rows.Select(r => (IReadOnlyList<ExportCell>)
        [r.Name, r.Function, r.Email, r.Phone, r.Organisations, r.Tags?.Replace(",", ", "), Date(r.ConsentOn), r.ConsentSource, Date(r.WithdrawnOn), r.Contactable ? "ja" : "nein"]);

    public static byte[] Write(IEnumerable<Row> rows) => TableExport.Csv(Headers, Cells(rows));

    private static string? Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    // ---- Import ----

    public sealed record ImportRow(int Line, string Name, string? Function, string? Email, string? Phone, IReadOnlyList<string> Organisations, string? Tags,
        DateOnly? ConsentOn, string? ConsentSource);

    /// <summary>A reason is a German text (the key of its translation); <see cref="Argument"/> fills its {0}.</summary>
    public sealed record Problem(int Line, string Column, string Reason, string? Argument = null);

    public sealed record ImportCheck(IReadOnlyList<ImportRow> Rows, IReadOnlyList<Problem> Problems)
    {
        public bool CanImport => Problems.Count == 0 && Rows.Count > 0;
    }

    /// <summary>What the pool already holds, lower-case: the e-mail addresses, and "name\norganisation" for each contact and organisation.</summary>
    public sealed record Existing(IReadOnlySet<string> Emails, IReadOnlySet<string> NameAndOrganisation);

    public static async Task<Existing> ExistingAsync(AppDbContext db, int poolId, CancellationToken ct)
    {
        var emails = await db.Contacts.AsNoTracking().Where(c => c.PoolId == poolId && c.Email != null).Select(c => c.Email!.ToLower()).ToListAsync(ct);
        var pairs = await db.ContactOrganisations.AsNoTracking()
            .Join(db.Contacts.Where(c => c.PoolId == poolId), co => co.ContactId, c => c.Id, (co, c) => new { co.OrganisationId, c.Name })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.Name, Organisation = o.Name }).ToListAsync(ct);
        return new Existing(emails.ToHashSet(), pairs.Select(p => Key(p.Name, p.Organisation)).ToHashSet());
    }

    public static ImportCheck Check(byte[] file, Existing existing)
    {
        var content = GazetteerFile.Decode(file);
        var end = content.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? content : content[..end];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<ImportRow>();
        var problems = new List<Problem>();
        using var records = GazetteerFile.Records(new StringReader(content), separator).GetEnumerator();
        if (!records.MoveNext())
            return new ImportCheck(rows, [new Problem(1, "", "Die Datei ist leer.")]);
        var header = records.Current.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var columns = Headers.ToDictionary(h => h, Column);
        if (columns[Name] < 0)
            return new ImportCheck(rows, [new Problem(records.Current.Line, Name, "Die Spalte „{0}“ fehlt in der ersten Zeile.", Name)]);

        var emailsInFile = new Dictionary<string, int>();
        var pairsInFile = new Dictionary<string, int>();
        while (records.MoveNext())
        {
            var (fields, line, unclosed) = records.Current;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= MaxRows)
            {
                problems.Add(new Problem(line, "", "Zu viele Zeilen: höchstens {0} Kontakte je Datei.", MaxRows.ToString(CultureInfo.InvariantCulture)));
                break;
            }
            if (unclosed) problems.Add(new Problem(line, "", "Ein Anführungszeichen wird nicht geschlossen."));
            string? Get(string name) => columns[name] is var i and >= 0 && i < fields.Length && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
            void Long(string name, int max)
            {
                if (Get(name) is { } v && v.Length > max) problems.Add(new Problem(line, name, "Höchstens {0} Zeichen.", max.ToString(CultureInfo.InvariantCulture)));
            }

            var name = Get(Name);
            if (name is null) problems.Add(new Problem(line, Name, "Der Name fehlt."));
            Long(Name, 200); Long(Function, 200); Long(Phone, 50); Long(Tags, 500); Long(ConsentSource, 200); Long(Email, 320);
            var email = Get(Email);
            if (email is not null && !IsEmail(email))
            {
                problems.Add(new Problem(line, Email, "Keine gültige E-Mail-Adresse: „{0}“.", email));
                email = null;
            }
            var organisations = (Get(Organisation) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (organisations.Any(o => o.Length > 200)) problems.Add(new Problem(line, Organisation, "Höchstens {0} Zeichen.", "200"));
            DateOnly? consentOn = null;
            if (Get(ConsentOn) is { } d)
            {
                if (DateOnly.TryParseExact(d, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) consentOn = parsed;
                else problems.Add(new Problem(line, ConsentOn, "Kein Datum (TT.MM.JJJJ): „{0}“.", d));
            }

            if (email is not null)
            {
                var key = email.ToLowerInvariant();
                if (emailsInFile.TryGetValue(key, out var first))
                    problems.Add(new Problem(line, Email, "Doppelt: dieselbe E-Mail-Adresse steht schon in Zeile {0}.", first.ToString(CultureInfo.InvariantCulture)));
                else if (existing.Emails.Contains(key))
                    problems.Add(new Problem(line, Email, "Doppelt: ein Kontakt mit dieser E-Mail-Adresse ist schon gespeichert."));
                emailsInFile.TryAdd(key, line);
            }
            if (name is not null)
            {
                foreach (var organisation in organisations)
                {
                    var key = Key(name, organisation);
                    if (pairsInFile.TryGetValue(key, out var first))
                        problems.Add(new Problem(line, Name, "Doppelt: dieselbe Person bei derselben Organisation steht schon in Zeile {0}.", first.ToString(CultureInfo.InvariantCulture)));
                    else if (existing.NameAndOrganisation.Contains(key))
                        problems.Add(new Problem(line, Name, "Doppelt: diese Person ist bei dieser Organisation schon gespeichert."));
                    pairsInFile.TryAdd(key, line);
                }
                rows.Add(new ImportRow(line, name, Get(Function), email, Get(Phone), organisations, StakeholderTags.Normalise(Get(Tags)), consentOn, Get(ConsentSource)));
            }
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new Problem(1, "", "Die Datei enthält keine Kontakte."));
        return new ImportCheck(rows, problems);
    }

    public static bool IsEmail(string s) =>
        MailAddress.TryCreate(s, out var m) && m.Address == s && m.Host.Contains('.') && !m.Host.StartsWith('.') && !m.Host.EndsWith('.');

    private static string Key(string name, string organisation) => name.Trim().ToLowerInvariant() + "\n" + organisation.Trim().ToLowerInvariant();

    /// <summary>
    /// Saves all rows in one SaveChanges (one transaction): the contacts, their links, and the organisations the pool does not
    /// have yet (kind "other", to be completed). Returns the number of contacts.
    /// </summary>
    public static async Task<int> CommitAsync(AppDbContext db, int poolId, IReadOnlyList<ImportRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        var known = await db.Organisations.Where(o => o.PoolId == poolId).ToListAsync(ct);
        var byName = known.GroupBy(o => o.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        foreach (var r in rows)
        {
            var contact = new Contact
            {
                PoolId = poolId, Name = r.Name, Function = r.Function, Email = r.Email, Phone = r.Phone, Tags = r.Tags,
                ConsentGivenOn = r.ConsentOn, ConsentSource = r.ConsentOn is null ? null : r.ConsentSource ?? "CSV-Import", CreatedAt = now, UpdatedAt = now,
            };
            db.Contacts.Add(contact);
            foreach (var name in r.Organisations)
            {
                if (!byName.TryGetValue(name.ToLowerInvariant(), out var organisation))
                {
                    organisation = new Organisation { PoolId = poolId, Name = name, Kind = OrganisationKind.Other, CreatedAt = now, UpdatedAt = now };
                    db.Organisations.Add(organisation);
                    byName[name.ToLowerInvariant()] = organisation;
                }
                contact.Organisations.Add(new ContactOrganisation { Organisation = organisation });
            }
        }
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
