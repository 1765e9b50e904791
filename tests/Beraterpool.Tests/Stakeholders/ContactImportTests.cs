using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Stakeholders;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Stakeholders;

/// <summary>Contacts from a German Excel CSV: checked row by row, all or nothing; exported the same way and read back.</summary>
public sealed partial class ContactImportTests(ContactImportTests.App app) : IClassFixture<ContactImportTests.App>
{
    public sealed class App : TestApp
    {
        public int Pool { get; private set; }

        public App() : base(importGazetteer: false) { }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-kontakte@example.org", Roles.Coordinator);
            Pool = (await this.CreatePoolAsync("kontakte", coordinator.Id)).Id;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Page = "/manage/stakeholders/import";

    private static async Task<HttpResponseMessage> CheckAsync(HttpClient office, byte[] file)
    {
        var token = Html.AntiforgeryToken(await office.GetStringAsync(Page, Ct));
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(content, "Upload", "kontakte.csv");
        return await office.PostAsync(Page + "?handler=Check", form, Ct);
    }

    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    private Task<int> ContactsAsync(string marker) => app.WithDbAsync(db => db.Contacts.CountAsync(c => c.PoolId == app.Pool && c.Name.Contains(marker)));

    [Fact]
    public async Task A_file_with_a_bad_email_and_a_duplicate_names_both_lines_and_imports_nothing()
    {
        var office = await app.SignInAsync("koord-kontakte@example.org");
        // Excel's "CSV (Trennzeichen-getrennt)": semicolons, Windows-1252 (ü, ß).
        var file = Windows1252("""
            Name;Funktion;E-Mail;Organisation
            Jürgen Fehler;Referent;juergen@stadt.example;Stadt Fehlerhausen
            Grete Groß;Leitung;grete(at)stadt.example;Stadt Fehlerhausen
            Jürgen Fehler;Referent;juergen.zwei@stadt.example;Stadt Fehlerhausen
            """.ReplaceLineEndings("\r\n"));

        var answer = await CheckAsync(office, file);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        var problems = Lines().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([3, 4], problems);
        var text = Html.Text(html);
        Assert.Contains("Keine gültige E-Mail-Adresse: „grete(at)stadt.example“.", text);
        Assert.Contains("Doppelt: dieselbe Person bei derselben Organisation steht schon in Zeile 2.", text);
        Assert.Contains("Grete Groß", text);
        Assert.DoesNotContain("handler=Import", html);
        Assert.Equal(0, await ContactsAsync("Fehler") + await ContactsAsync("Groß"));

        // Sent to the import step anyway (a hand-made request): checked again, nothing saved.
        var forced = await office.PostFormAsync(Page + "?handler=Import", [new("PoolId", app.Pool.ToString()), new("FileData", Convert.ToBase64String(file))], Page);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(0, await ContactsAsync("Fehler"));
    }

    [Fact]
    public async Task A_clean_file_imports_all_rows_and_a_second_import_is_reported_as_duplicates()
    {
        var office = await app.SignInAsync("koord-kontakte@example.org");
        var file = Encoding.UTF8.GetBytes("""
            Name;Funktion;E-Mail;Telefon;Organisation;Schlagworte;Einwilligung am;Einwilligung Quelle
            Ada Sauber;Integrationsbeauftragte;ada@sauber.example;0211 1;Stadt Sauberstadt;SDG, Integration;03.02.2015;Dialogforum
            Bo Sauber;Referent;bo@sauber.example;;Stadt Sauberstadt | Netz Sauber;;;
            "Cem Sauber; jun.";Leitung;cem@sauber.example;;Netz Sauber;;;
            """);

        var html = await (await CheckAsync(office, file)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Alle 3 Zeilen sind in Ordnung.", Html.Text(html));
        var data = WebUtility.HtmlDecode(FileData().Match(html).Groups[1].Value);
        var done = await office.PostFormAsync(Page + "?handler=Import", [new("PoolId", app.Pool.ToString()), new("FileData", data)], Page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var saved = await app.WithDbAsync(db => db.Contacts.AsNoTracking().Include(c => c.Organisations).Where(c => c.PoolId == app.Pool && c.Name.Contains("Sauber")).OrderBy(c => c.Name).ToListAsync());
        Assert.Equal(["Ada Sauber", "Bo Sauber", "Cem Sauber; jun."], saved.Select(c => c.Name));
        Assert.Equal((new DateOnly(2015, 2, 3), "Dialogforum", "SDG,Integration"), (saved[0].ConsentGivenOn, saved[0].ConsentSource, saved[0].Tags));
        Assert.True(saved[0].IsContactable);
        Assert.False(saved[1].IsContactable);
        Assert.Equal(2, saved[1].Organisations.Count);
        Assert.Equal(2, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.PoolId == app.Pool && (o.Name == "Stadt Sauberstadt" || o.Name == "Netz Sauber"))));

        var again = Html.Text(await (await CheckAsync(office, file)).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Doppelt: ein Kontakt mit dieser E-Mail-Adresse ist schon gespeichert.", again);
        Assert.Contains("Doppelt: diese Person ist bei dieser Organisation schon gespeichert.", again);
        Assert.Equal(3, await ContactsAsync("Sauber"));
    }

    [Fact]
    public async Task The_export_reads_back_with_the_same_values_and_marks_a_withdrawn_consent()
    {
        await app.WithDbAsync(async db =>
        {
            var org = new Organisation { PoolId = app.Pool, Name = "Export; \"Netz\"", Kind = OrganisationKind.Network, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            db.Contacts.AddRange(
                new Contact { PoolId = app.Pool, Name = "Erna Export", Function = "=Leitung", Email = "erna@export.example", Phone = "0211 5", Tags = "SDG,Fairer Handel",
                    ConsentGivenOn = new DateOnly(2015, 5, 6), ConsentSource = "E-Mail", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
                    Organisations = [new ContactOrganisation { OrganisationId = org.Id }] },
                new Contact { PoolId = app.Pool, Name = "Fritz Export", Email = "fritz@export.example", ConsentGivenOn = new DateOnly(2015, 1, 1), ConsentSource = "Forum",
                    ConsentWithdrawnOn = new DateOnly(2016, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        var office = await app.SignInAsync("koord-kontakte@example.org");
        var csv = await office.GetByteArrayAsync("/manage/stakeholders/contacts?q=Export&handler=Csv", Ct);

        using var reader = CsvReader.Create(new StringReader(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF')), new CsvReaderOptions { Separator = ';', HasHeader = false }, true);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            rows.Add(fields);
        }
        Assert.Equal(ContactCsv.Headers, rows[0]);
        Assert.EndsWith("=Leitung", rows[1][1]);
        Assert.NotEqual("=Leitung", rows[1][1]);
        Assert.Equal(["Erna Export", rows[1][1], "erna@export.example", "0211 5", "Export; \"Netz\"", "SDG, Fairer Handel", "06.05.2015", "E-Mail", "", "ja"], rows[1]);
        Assert.Equal("nein", rows[2][9]);
        Assert.Equal("01.01.2016", rows[2][8]);

        // Read by the import: the same people, and each is now a duplicate of itself.
        var check = ContactCsv.Check(csv, new ContactCsv.Existing(new HashSet<string>(), new HashSet<string>()));
        Assert.Empty(check.Problems);
        Assert.Equal(["Erna Export", "Fritz Export"], check.Rows.Select(r => r.Name));
        Assert.Equal(["Export; \"Netz\""], check.Rows[0].Organisations);
        Assert.Equal(new DateOnly(2015, 5, 6), check.Rows[0].ConsentOn);

        // Only who may be contacted is offered for a mailing.
        var contactable = Encoding.UTF8.GetString(await office.GetByteArrayAsync("/manage/stakeholders/contacts?q=Export&contactable=true&handler=Csv", Ct));
        Assert.Contains("Erna Export", contactable);
        Assert.DoesNotContain("Fritz Export", contactable);
        var xlsx = await office.GetAsync("/manage/stakeholders/contacts?q=Export&handler=Xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal("Erna Export", book.Worksheet(1).Cell(2, 1).GetString());
    }

    [GeneratedRegex("<tr class=\"kern-table__row\" data-line=\"(\\d+)\"")]
    private static partial Regex Lines();

    [GeneratedRegex("name=\"FileData\" value=\"([^\"]+)\"")]
    private static partial Regex FileData();
}
