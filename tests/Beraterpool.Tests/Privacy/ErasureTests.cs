using System.Net;
using System.Text.Json;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Privacy;
using Beraterpool.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Privacy;

public sealed class ErasureTests(ErasureTests.App app) : IClassFixture<ErasureTests.App>
{
    public sealed class App : TestApp;

    /// <summary>Kept for tax law (§ 147 AO) and asserted on their own below.</summary>
    private static readonly string[] KeptTables = ["FeeStatements", "TravelCosts"];

    [Fact]
    public async Task Erasure_leaves_no_trace_of_the_person_while_statistics_quota_and_fee_statements_stay()
    {
        var ct = TestContext.Current.CancellationToken;
        // An alumna: she no longer counts in the pool's current figures, so erasing her must not move them.
        var h = await app.FullHistoryAsync("erase", AdvisorStatus.Alumni);
        var colleague = await app.CreateAdvisorAsync(h.World.PoolId, "kollegin-erase", null, ConsentField.CountriesOfOrigin, ConsentField.Gender);
        await app.WithDbAsync(async db =>
        {
            db.AdvisorCountries.Add(new AdvisorCountry { AdvisorId = colleague.Id, CountryCode = "GH" });
            return await db.SaveChangesAsync();
        });
        var before = await FiguresAsync(h);
        var statementBefore = await StatementAsync(h);
        var admin = await app.SignedInBrowserAsync("admin-erase@example.org", Roles.Administrator);
        var page = $"/manage/privacy/erase?email={Uri.EscapeDataString(h.World.AdvisorEmail)}";

        var confirm = await admin.GetStringAsync(page, ct);
        Assert.Contains("data-plan=\"kept\"", confirm);
        Assert.Contains("§ 147 Abgabenordnung", Html.Text(confirm));
        Assert.Contains("Herkunftsländer: 1", Html.Text(confirm));
        var wrong = await admin.PostFormAsync(page, [new("Confirmation", "falsch@example.org")], page);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Bitte geben Sie zur Bestätigung die E-Mail-Adresse", Html.Text(await wrong.Content.ReadAsStringAsync(ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AdvisorCountries.CountAsync(c => c.AdvisorId == h.World.AdvisorId)));

        var done = await admin.PostFormAsync(page, [new("Confirmation", h.World.AdvisorEmail)], page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var receipts = await admin.GetStringAsync("/manage/privacy", ct);
        Assert.Contains("Die Person ist gelöscht. Löschbeleg: LOE-", Html.Text(receipts));

        var advisorTraces = new[] { h.FullName, h.LastName, h.World.AdvisorEmail, "Côte d'Ivoire", "Elfenbeinküste", "0171 5550101" };
        Assert.Empty(await TracesAsync(advisorTraces, exact: "CI"));

        // Then the municipality contact, who never had an account.
        var contactPage = $"/manage/privacy/erase?email={Uri.EscapeDataString(h.ContactEmail)}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(contactPage, [new("Confirmation", h.ContactEmail)], contactPage)).StatusCode);
        Assert.Empty(await TracesAsync([h.ContactName, h.ContactEmail, "0228 7771234", .. advisorTraces], exact: "CI"));

        // The outbox: her mails and the contact's are gone, the others' stay.
        var mails = Directory.GetFiles(app.OutboxFolder, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Single(mails);
        Assert.Contains("jemand@example.org", mails[0]);

        // What others count on is unchanged: the public figures, the quota ledger, engagements and days.
        Assert.Equal(before, await FiguresAsync(h));
        Assert.Contains("Ghana", before);
        // Her fee statement (2026, within 10 years) is kept with its receipt and the payee.
        Assert.Equal(statementBefore, await StatementAsync(h));
        Assert.Contains(h.FullName, statementBefore);
        // Its PDF is the invoice as issued: her name and address stay on it although profile and bank details are gone.
        var pdf = await h.World.Coordinator.GetAsync($"/manage/fees/{h.StatementId}/pdf", ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(ct)))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains(h.FullName, text);
            Assert.DoesNotContain(Erasure.ErasedName, text);
        }

        await app.WithDbAsync(async db =>
        {
            var receipt = await db.ErasureReceipts.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            foreach (var trace in new[] { h.FirstName, h.LastName, h.World.AdvisorEmail, "CI", h.ContactEmail })
                Assert.DoesNotContain(trace, receipt.Counts + receipt.Reference + receipt.ByName, StringComparison.OrdinalIgnoreCase);
            var counts = JsonDocument.Parse(receipt.Counts).RootElement;
            Assert.Equal(1, counts.GetProperty("erased").GetProperty("account").GetInt32());
            Assert.Equal(1, counts.GetProperty("erased").GetProperty("countries").GetInt32());
            Assert.Equal(1, counts.GetProperty("kept").GetProperty("feeStatements").GetInt32());
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "privacy.erased"));
            Assert.False(await db.Users.AnyAsync(u => u.Email == h.World.AdvisorEmail));
            return 0;
        });
    }

    /// <summary>The pool's public figures, its quota ledger and the counts of engagements and days, as one comparable text.</summary>
    private Task<string> FiguresAsync(History h) => app.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        Statistics = await PoolStatistics.ComputeAsync(db, h.World.PoolId, "de", 2026),
        Ledger = await db.DayQuotaAccounts.AsNoTracking().Where(q => q.PoolId == h.World.PoolId).OrderBy(q => q.MunicipalityKey).ThenBy(q => q.Year).ToListAsync(),
        Engagements = await db.Engagements.CountAsync(e => e.PoolId == h.World.PoolId),
        Requests = await db.ConsultationRequests.CountAsync(r => r.PoolId == h.World.PoolId),
        Days = await db.Activities.Where(a => a.EngagementId == h.World.EngagementId).SumAsync(a => a.HalfDays),
        Advisors = await db.Advisors.CountAsync(a => a.PoolId == h.World.PoolId),
    }));

    private Task<string> StatementAsync(History h) => app.WithDbAsync(async db =>
    {
        var s = await db.FeeStatements.AsNoTracking().Include(x => x.TravelCosts).SingleAsync(x => x.Id == h.StatementId);
        var billed = await db.Activities.Where(a => a.FeeStatementId == s.Id).SumAsync(a => a.HalfDays);
        return JsonSerializer.Serialize(new
        {
            s.Year, s.Month, s.Status, s.DayRate, s.InvoiceNumber, s.PayeeAccountHolder, s.PayeeIbanProtected, s.PaidOn, billed,
            Travel = s.TravelCosts.Select(t => new { t.Amount, t.Description, t.Receipt }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    });

    /// <summary>
    /// Every text column and every binary column (uploads, photos) of every table the model maps — but the ones kept for
    /// tax law — read with plain SQL: where any of the traces still stands, or a column holds exactly <paramref name="exact"/>.
    /// </summary>
    private async Task<List<string>> TracesAsync(string[] traces, string exact)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var found = new List<string>();
        var columns = 0;
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (type.GetTableName() is not { } table || KeptTables.Contains(table)) continue;
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            foreach (var property in type.GetProperties().Where(p => p.ClrType == typeof(string) || p.ClrType == typeof(byte[])))
            {
                if (property.GetColumnName(store) is not { } column) continue;
                columns++;
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var value = reader.GetValue(0) is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : reader.GetValue(0).ToString() ?? "";
                    if (value == exact) found.Add($"{table}.{column} = {exact}");
                    foreach (var trace in traces.Where(t => value.Contains(t, StringComparison.OrdinalIgnoreCase)))
                        found.Add($"{table}.{column} contains '{trace}'");
                }
            }
        }
        Assert.True(columns > 100, $"Only {columns} columns scanned");
        // The outbox folder, too.
        if (Directory.Exists(app.OutboxFolder))
            foreach (var file in Directory.GetFiles(app.OutboxFolder))
                foreach (var trace in traces.Where(t => File.ReadAllText(file).Contains(t, StringComparison.OrdinalIgnoreCase)))
                    found.Add($"outbox {Path.GetFileName(file)} contains '{trace}'");
        return found;
    }
}
