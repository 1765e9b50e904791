using System.Text;
using Beraterpool.Cli;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Gazetteer;
using Beraterpool.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Gazetteer;

/// <summary>The app imports the shipped register at start; these tests read and re-import it.</summary>
public sealed class GazetteerImportTests(GazetteerImportTests.ImportedApp app) : IClassFixture<GazetteerImportTests.ImportedApp>
{
    /// <summary>One app for the class: the start-up import is what is under test, and it costs seconds.</summary>
    public sealed class ImportedApp() : TestApp(importGazetteer: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<GazetteerImportReport> ImportAsync(TestApp app, string text, string name = "test.csv")
    {
        await using var scope = app.Scope();
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        return await scope.ServiceProvider.GetRequiredService<GazetteerImporter>().ImportAsync(stream, name, userId: null, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_up_import_brings_every_municipality_of_Germany()
    {
        var (all, nrw, nrwDistricts, states) = await app.WithDbAsync(async db => (
            await db.Municipalities.CountAsync(m => m.Level == MunicipalityLevel.Municipality, Ct),
            await db.Municipalities.CountAsync(m => m.Level == MunicipalityLevel.Municipality && m.StateCode == "05", Ct),
            await db.Municipalities.CountAsync(m => m.Level == MunicipalityLevel.District && m.StateCode == "05", Ct),
            await db.States.CountAsync(Ct)));
        Assert.Equal(11_004, all);
        Assert.Equal(396, nrw);
        Assert.Equal(53, nrwDistricts);
        Assert.Equal(16, states);
    }

    [Fact]
    public async Task Koeln_is_found_by_its_key_with_population_and_coordinates()
    {
        var koeln = await app.WithDbAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.OfficialKey == "05315000", Ct));
        Assert.Equal("Köln", koeln.ShortName);
        Assert.Equal(1_087_863, koeln.Population);
        Assert.Equal(50.938107, koeln.Latitude!.Value, 6);
        Assert.Equal(6.957068, koeln.Longitude!.Value, 6);
        Assert.Equal(405.01m, koeln.AreaKm2);
        Assert.Equal(MunicipalityLevel.Municipality, koeln.Level);
        Assert.InRange(koeln.ImportedAt, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Districts_carry_population_and_a_centre_for_distance_matching()
    {
        var lippe = await app.WithDbAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.OfficialKey == "05766", Ct));
        var sum = await app.WithDbAsync(db => db.Municipalities.Where(m => m.DistrictKey == "05766" && m.Level == MunicipalityLevel.Municipality).SumAsync(m => m.Population ?? 0, Ct));
        Assert.Equal(MunicipalityLevel.District, lippe.Level);
        Assert.Equal(sum, lippe.Population);
        Assert.InRange(lippe.Latitude!.Value, 51.7, 52.2);
        Assert.InRange(lippe.Longitude!.Value, 8.5, 9.3);
    }

    [Fact]
    public async Task Re_import_of_the_same_file_changes_nothing()
    {
        var before = await app.WithDbAsync(db => db.Municipalities.CountAsync(Ct));
        var report = await ImportAsync(app, await File.ReadAllTextAsync(RegisterFile.Path, Ct), "gv-auszug.csv");
        Assert.True(report.Imported, report.ToText());
        Assert.Equal(0, report.Total.Added);
        Assert.Equal(0, report.Total.Updated);
        Assert.Equal(16_068, report.Total.Unchanged);
        Assert.Contains("Gesamt: 0 neu, 0 geändert, 16068 unverändert", report.ToText());
        Assert.Equal(before, await app.WithDbAsync(db => db.Municipalities.CountAsync(Ct)));
    }

    [Fact]
    public async Task Changed_row_is_updated_in_place_and_its_district_follows()
    {
        var lines = RegisterFile.Lines();
        lines[2910] = lines[2910].Replace("1 087 863", "1 100 000");
        try
        {
            var report = await ImportAsync(app, string.Join("\n", lines));
            Assert.True(report.Imported, report.ToText());
            Assert.Equal(new ImportCounts(0, 1, 11_003), report.Municipalities);
            Assert.Equal(1, report.Districts.Updated);
            var (koeln, rows) = await app.WithDbAsync(async db => (
                await db.Municipalities.AsNoTracking().SingleAsync(m => m.OfficialKey == "05315000", Ct),
                await db.Municipalities.CountAsync(m => m.OfficialKey.StartsWith("05315"), Ct)));
            Assert.Equal(1_100_000, koeln.Population);
            Assert.Equal(2, rows); // the city and its district row, no duplicates
        }
        finally
        {
            await ImportAsync(app, await File.ReadAllTextAsync(RegisterFile.Path, Ct));
        }
    }

    [Fact]
    public async Task Each_import_leaves_an_audit_entry()
    {
        await ImportAsync(app, await File.ReadAllTextAsync(RegisterFile.Path, Ct), "audit-check.csv");
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == GazetteerImporter.ImportedAction && e.Details!.StartsWith("audit-check.csv"))
            .SingleAsync(Ct));
        Assert.Contains("0 neu", entry.Details);
    }
}

/// <summary>
/// Files that must not change anything, on a database without the register: one app for the class, since only the
/// small extract is accepted and the refusals compare the rows before and after.
/// </summary>
public sealed class GazetteerRejectionTests(GazetteerRejectionTests.App _app) : IClassFixture<GazetteerRejectionTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> RowsAsync() => _app.WithDbAsync(async db =>
        await db.Municipalities.CountAsync(Ct) + await db.States.CountAsync(Ct) + await db.MunicipalAssociations.CountAsync(Ct));

    [Fact]
    public async Task File_with_a_broken_row_reports_its_line_and_imports_nothing()
    {
        var lines = RegisterFile.Lines();
        lines[2910] = lines[2910].Replace("1 087 863", "abc");
        var before = await RowsAsync();
        var report = await GazetteerImportTests.ImportAsync(_app, string.Join("\n", lines));
        Assert.False(report.Imported);
        Assert.Equal("Zeile 2911, Spalte bevoelkerung: keine Zahl", Assert.Single(report.Problems).Format());
        Assert.Contains("nichts wurde übernommen", report.ToText());
        Assert.Equal(before, await RowsAsync());
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == GazetteerImporter.RejectedAction && e.Details!.Contains("Zeile 2911"), Ct));
        Assert.Contains("Zeile 2911", audit.Details);
    }

    [Fact]
    public async Task Non_register_csv_imports_nothing_with_a_clear_message()
    {
        var before = await RowsAsync();
        var report = await GazetteerImportTests.ImportAsync(_app, "Name;Straße;Ort\nMax;Hauptstr. 1;Köln\n", "adressen.csv");
        Assert.False(report.Imported);
        Assert.Contains("kein Gemeindeverzeichnis", Assert.Single(report.Problems).Format());
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Small_extract_imports_into_an_empty_database()
    {
        var report = await GazetteerImportTests.ImportAsync(_app, SmallExtract);
        Assert.True(report.Imported, report.ToText());
        Assert.Equal(new ImportCounts(2, 0, 0), report.Municipalities);
        Assert.Equal(new ImportCounts(1, 0, 0), report.Districts);
        var names = await _app.WithDbAsync(db => db.Municipalities.OrderBy(m => m.OfficialKey).Select(m => m.ShortName).ToListAsync(Ct));
        Assert.Equal(new[] { "Köln", "Köln", "Brühl" }, names);
    }

    /// <summary>A valid register file in miniature: NRW, Köln (district and city) and a second city.</summary>
    internal const string SmallExtract = """
        satzart,textkennzeichen,land,rb,kreis,vb,gemeinde,gemeindename,flaeche,bevoelkerung,maennlich,weiblich,jekm2,postleitzahl,laengengrad,breitengrad,schluessel,bezeichnung,verstaedterungschluessel,verstaedterungbezeichnung
        10,,05,,,,,Nordrhein-Westfalen,,,,,,,,,,,,
        20,,05,3,,,,Reg.-Bez. Köln,,,,,,,,,,,,
        40,41,05,3,15,,,"Köln, Stadt",,,,,,,,,,,,
        50,50,05,3,15,0000,,"Köln, Stadt",,,,,,,,,,,,
        60,61,05,3,15,0000,000,"Köln, Stadt", 405.01,1 087 863, 530 473, 557 390, 2 686,50667,"6,957068","50,938107",H09,Köln und Rhein-Erft-Kreis,01,dicht besiedelt
        60,63,05,3,62,0012,012,"Brühl, Stadt", 36.12, 44 126, 21 058, 23 068, 1 222,50321,"6,902458","50,82949",H09,Köln und Rhein-Erft-Kreis,02,mittlere Besiedlungsdichte
        """;
}

/// <summary>The import command on an empty database of its own: it imports the same extract as the test above.</summary>
public sealed class GazetteerImportCommandTests : IAsyncLifetime
{
    private readonly TestApp _app = new(importGazetteer: false);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Import_command_prints_the_report_and_exits_with_0_or_1()
    {
        var good = Path.Combine(_app.Folder, "auszug.csv");
        var bad = Path.Combine(_app.Folder, "kaputt.csv");
        await File.WriteAllTextAsync(good, GazetteerRejectionTests.SmallExtract, Ct);
        await File.WriteAllTextAsync(bad, GazetteerRejectionTests.SmallExtract.Replace("\"50,938107\"", "\"5x\""), Ct);
        _ = _app.Services; // starts the app

        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(1, await Commands.ImportGazetteerAsync(_app.Services, bad, output, errors));
        Assert.Contains("Zeile 6, Spalte breitengrad: keine Zahl", errors.ToString());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Municipalities.CountAsync(Ct)));

        Assert.Equal(0, await Commands.ImportGazetteerAsync(_app.Services, good, output, errors));
        Assert.Contains("Gemeinden: 2 neu, 0 geändert, 0 unverändert", output.ToString());
        Assert.Equal(1, await Commands.ImportGazetteerAsync(_app.Services, "gibt-es-nicht.csv", output, errors));
        Assert.Contains("Datei nicht gefunden", errors.ToString());
    }
}
