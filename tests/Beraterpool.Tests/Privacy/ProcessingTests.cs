using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Privacy.Processing;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Privacy;

/// <summary>The records of processing activities (Art. 30 GDPR) come from the features' declarations and cover every stored person.</summary>
public sealed class ProcessingTests(ProcessingTests.App app) : IClassFixture<ProcessingTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_administrators_see_the_records_and_they_list_every_declaration()
    {
        var coordinator = await app.SignedInAsync("verzeichnis-koord@example.org", Roles.Coordinator);
        Assert.NotEqual(HttpStatusCode.OK, (await coordinator.GetAsync("/manage/processing", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await coordinator.GetAsync("/manage/processing?handler=Pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/manage/processing", Ct)).StatusCode);

        var admin = await app.SignedInAsync("verzeichnis-admin@example.org", Roles.Administrator);
        var text = Html.Text(await admin.GetStringAsync("/manage/processing", Ct));
        Assert.True(ProcessingRegistry.All.Count >= 8, "the features' declarations were found");
        foreach (var a in ProcessingRegistry.All)
        {
            Assert.Contains(a.Purpose, text);
            Assert.Contains(a.LegalBasis, text);
        }
        Assert.Contains("Art. 9 Abs. 2 lit. a DSGVO", text);
        Assert.Contains("Honorarabrechnungen", text);
    }

    [Fact]
    public async Task The_pdf_contains_every_activity()
    {
        var admin = await app.SignedInAsync("verzeichnis-pdf@example.org", Roles.Administrator);
        var response = await admin.GetAsync("/manage/processing?handler=Pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        // PdfPig reads words without the line breaks: compare with all whitespace removed.
        static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
        var all = Squash(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squash("Verzeichnis von Verarbeitungstätigkeiten"), all);
        foreach (var a in ProcessingRegistry.All)
        {
            Assert.Contains(Squash(a.Purpose), all);
            Assert.Contains(Squash(a.LegalBasis), all);
            Assert.Contains(Squash(a.Retention), all);
        }
    }

    /// <summary>A stored record either holds no personal data (listed with a reason) or is covered by a declaration.</summary>
    [Fact]
    public async Task Every_stored_record_with_personal_data_is_covered_by_a_declaration()
    {
        var entities = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.ClrType).ToList()));
        var (uncovered, stale) = ProcessingCoverage.Check(entities, ProcessingRegistry.All, NotPersonalData.Types.Keys);
        Assert.True(uncovered.Count == 0, "Not covered by any ProcessingActivity: " + string.Join(", ", uncovered.Select(t => t.FullName)));
        Assert.True(stale.Count == 0, "Declared but not stored: " + string.Join(", ", stale.Select(t => t.FullName)));
    }

    [Fact]
    public void Coverage_check_finds_a_table_nobody_declared()
    {
        var (uncovered, _) = ProcessingCoverage.Check([typeof(Web.Features.Advisors.Advisor), typeof(Undeclared)], ProcessingRegistry.All, NotPersonalData.Types.Keys);
        Assert.Equal([typeof(Undeclared)], uncovered);
    }

    private sealed class Undeclared;
}
