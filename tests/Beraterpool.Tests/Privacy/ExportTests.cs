using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Privacy.Consents;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Privacy;

public sealed class ExportTests(ExportTests.App app) : IClassFixture<ExportTests.App>
{
    public sealed class App : TestApp;

    private sealed record Zip(JsonElement Data, string Html, string Readme, IReadOnlyDictionary<string, byte[]> Files);

    private static async Task<Zip> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var files = zip.Entries.ToDictionary(e => e.FullName, e => { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); });
        string Text(string name) => System.Text.Encoding.UTF8.GetString(files[name]);
        return new Zip(JsonDocument.Parse(files["daten.json"]).RootElement, Text("uebersicht.html"), Text("LIESMICH.txt"), files);
    }

    private static JsonElement[] Section(Zip zip, string name) => zip.Data.GetProperty(name).EnumerateArray().ToArray();

    [Fact]
    public async Task An_advisor_downloads_every_kind_of_record_held_about_her()
    {
        var h = await app.FullHistoryAsync("export");
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Advisors.Where(a => a.Id == h.World.AdvisorId).Select(a => a.UserId).SingleAsync();
            db.RecordAdvisorConsent(h.World.PoolId, h.World.AdvisorId, ConsentField.CountriesOfOrigin, ConsentAction.Withdrawn,
                ConsentWays.SelfService, userId, new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
            return await db.SaveChangesAsync();
        });
        var zip = await ReadAsync(await h.World.Advisor.PostFormAsync("/account/my-data", [], "/account/my-data"));

        Assert.Equal("beraterpool-auskunft", zip.Data.GetProperty("format").GetString());
        Assert.Equal(1, zip.Data.GetProperty("version").GetInt32());
        var account = zip.Data.GetProperty("account");
        Assert.Equal(h.World.AdvisorEmail, account.GetProperty("email").GetString());
        Assert.Contains("Advisor", account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(account.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Single(account.GetProperty("signIns").EnumerateArray());
        var raw = System.Text.Encoding.UTF8.GetString(zip.Files["daten.json"]);
        Assert.DoesNotContain("passwordHash", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", raw, StringComparison.OrdinalIgnoreCase);

        var profile = Assert.Single(Section(zip, "advisorProfiles"));
        Assert.Equal(h.LastName, profile.GetProperty("lastName").GetString());
        Assert.Equal("Faire Beschaffung", profile.GetProperty("expertise").GetString());
        Assert.Equal(1984, profile.GetProperty("birthYear").GetInt32());
        Assert.Equal("Côte d'Ivoire", Assert.Single(profile.GetProperty("countriesOfOrigin").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("Native", Assert.Single(profile.GetProperty("languages").EnumerateArray()).GetProperty("level").GetString());
        Assert.Single(profile.GetProperty("topics").EnumerateArray());
        Assert.Equal(4, profile.GetProperty("consents").GetArrayLength());
        Assert.Equal("Urlaub", Assert.Single(profile.GetProperty("blockedPeriods").EnumerateArray()).GetProperty("note").GetString());
        Assert.Equal(PrivacyArrange.Photo, zip.Files[profile.GetProperty("photo").GetString()!]);

        Assert.Equal("DE89370400440532013000", Assert.Single(Section(zip, "bankDetails")).GetProperty("iban").GetString());
        Assert.Equal("Accepted", Assert.Single(Section(zip, "invitations")).GetProperty("status").GetString());
        var engagement = Assert.Single(Section(zip, "engagements"));
        Assert.Equal("advisor", engagement.GetProperty("role").GetString());
        Assert.Equal("Ich habe viel über Vergaberecht gelernt.", engagement.GetProperty("reflection").GetString());
        Assert.Equal(2, Section(zip, "activities").Length);
        var days = Assert.Single(Section(zip, "days"));
        Assert.Equal((2026, 3, 2), (days.GetProperty("year").GetInt32(), days.GetProperty("halfDays").GetInt32(), days.GetProperty("approvedHalfDays").GetInt32()));
        Assert.Equal("Faire Kantine", Assert.Single(Section(zip, "actionOptions")).GetProperty("title").GetString());
        Assert.Equal("Vereine früh einbinden", Assert.Single(Section(zip, "learnings")).GetProperty("text").GetString());
        Assert.Equal("Termin steht", Assert.Single(Section(zip, "comments")).GetProperty("text").GetString());
        var document = Assert.Single(Section(zip, "documents"));
        Assert.Equal($"Protokoll von {h.FullName}", System.Text.Encoding.UTF8.GetString(zip.Files[document.GetProperty("file").GetString()!]));
        Assert.Equal("0171 5550101", Assert.Single(Section(zip, "contactShares")).GetProperty("phone").GetString());
        var statement = Assert.Single(Section(zip, "feeStatements"));
        Assert.Equal("2026-001", statement.GetProperty("invoiceNumber").GetString());
        var travel = Assert.Single(statement.GetProperty("travelCosts").EnumerateArray());
        Assert.Equal(23.40m, travel.GetProperty("amount").GetDecimal());
        Assert.Equal(PrivacyArrange.Receipt, zip.Files[travel.GetProperty("receipt").GetString()!]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(zip.Files[statement.GetProperty("pdf").GetString()!][..4]));
        var message = Assert.Single(Section(zip, "messages"));
        Assert.True(message.GetProperty("writtenByYou").GetBoolean());
        Assert.Equal("Bis Dienstag!", message.GetProperty("body").GetString());
        var audit = Section(zip, "auditEntries").Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("advisor.created", audit);
        Assert.Contains("advisor.profile.updated", audit);
        // Not hers: the office's internal notes and the request's contact data.
        Assert.Empty(Section(zip, "internalNotes"));
        Assert.Empty(Section(zip, "requests"));
        Assert.DoesNotContain(h.ContactEmail, raw);

        var withdrawn = Assert.Single(Section(zip, "consentHistory"), c => c.GetProperty("action").GetString() == "Withdrawn");
        Assert.Equal("publish.CountriesOfOrigin", withdrawn.GetProperty("purpose").GetString());
        Assert.True(withdrawn.GetProperty("byYou").GetBoolean());
        Assert.Contains("Art. 9 DSGVO", withdrawn.GetProperty("wording").GetString());
        // The outbox's mail to her is listed with its text, as it is still held (it could not be delivered).
        var mail = Assert.Single(Section(zip, "mails"));
        Assert.Equal(h.World.AdvisorEmail, mail.GetProperty("recipient").GetString(), ignoreCase: true);
        Assert.Equal(("Failed", "Ihre Abrechnung"), (mail.GetProperty("status").GetString(), mail.GetProperty("subject").GetString()));
        Assert.Contains(h.LastName, mail.GetProperty("text").GetString());

        Assert.Contains("Verlauf Ihrer Einwilligungen", zip.Html);
        Assert.Contains("Herkunftsländer", zip.Html);
        Assert.Contains(h.LastName, zip.Html);
        Assert.Contains("Vereine früh einbinden", zip.Html);
        Assert.Contains("advisorProfiles", zip.Readme);
    }

    [Fact]
    public async Task An_administrator_exports_a_municipality_contact_known_only_by_email_and_the_export_is_audited()
    {
        var h = await app.FullHistoryAsync("contact");
        var admin = await app.SignedInBrowserAsync("admin-export@example.org", Roles.Administrator);
        var found = await admin.GetStringAsync($"/manage/privacy?email={Uri.EscapeDataString(h.ContactEmail)}", TestContext.Current.CancellationToken);
        Assert.Contains("data-person-found=\"True\"", found);

        var zip = await ReadAsync(await admin.PostFormAsync("/manage/privacy?handler=Export", [new("email", h.ContactEmail)],
            $"/manage/privacy?email={Uri.EscapeDataString(h.ContactEmail)}"));
        Assert.Equal(JsonValueKind.Null, zip.Data.GetProperty("account").ValueKind);
        var request = Assert.Single(Section(zip, "requests"));
        Assert.Equal(h.ContactName, request.GetProperty("contactName").GetString());
        Assert.Equal("0228 7771234", request.GetProperty("contactPhone").GetString());
        Assert.Single(request.GetProperty("timeline").EnumerateArray());
        Assert.Equal("contact", Assert.Single(Section(zip, "engagements")).GetProperty("role").GetString());
        Assert.Contains(Section(zip, "messages"), m => m.GetProperty("body").GetString() == $"Grüße, {h.ContactName}");
        Assert.Equal(h.ContactEmail, Assert.Single(Section(zip, "contactShares")).GetProperty("email").GetString());
        Assert.Empty(Section(zip, "advisorProfiles"));
        Assert.Empty(Section(zip, "bankDetails"));

        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "privacy.exported").Select(e => e.Details).ToListAsync());
        Assert.Contains($"email={h.ContactEmail}", audited);
    }

    [Fact]
    public async Task A_coordinator_exports_the_internal_notes_they_wrote()
    {
        var h = await app.FullHistoryAsync("coord");
        var coordinator = await app.SignedInBrowserAsync("coord-coord@example.org");
        var zip = await ReadAsync(await coordinator.PostFormAsync("/account/my-data", [], "/account/my-data"));
        Assert.Equal($"Frau {h.LastName} hat zugesagt", Assert.Single(Section(zip, "internalNotes")).GetProperty("body").GetString());
        Assert.Empty(Section(zip, "advisorProfiles"));
    }

    [Fact]
    public async Task Only_administrators_export_others_and_a_person_exports_only_themself()
    {
        var h = await app.FullHistoryAsync("rights");
        var other = await app.FullHistoryAsync("rights2");
        foreach (var role in new[] { Roles.Coordinator, Roles.Advisor, Roles.MunicipalityContact, Roles.Reviewer, Roles.Mentor })
        {
            var client = await app.SignedInBrowserAsync($"{role.ToLowerInvariant()}-rights@example.org", role);
            var page = await client.GetAsync($"/manage/privacy?email={Uri.EscapeDataString(h.World.AdvisorEmail)}", TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
            var antiforgery = await client.GetStringAsync("/account/my-data", TestContext.Current.CancellationToken);
            var post = await client.PostAsync("/manage/privacy?handler=Export", new FormUrlEncodedContent(
                [new("email", h.World.AdvisorEmail), new("__RequestVerificationToken", Html.AntiforgeryToken(antiforgery))]), TestContext.Current.CancellationToken);
            Assert.NotEqual("application/zip", post.Content.Headers.ContentType?.MediaType);
        }
        Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/account/my-data", TestContext.Current.CancellationToken)).StatusCode);

        // Her own page takes no address: whatever she posts, she gets her own data.
        var response = await h.World.Advisor.PostFormAsync("/account/my-data", [new("email", other.World.AdvisorEmail)], "/account/my-data");
        var zip = await ReadAsync(response);
        Assert.Equal(h.World.AdvisorEmail, zip.Data.GetProperty("email").GetString());
        var raw = System.Text.Encoding.UTF8.GetString(zip.Files["daten.json"]);
        Assert.DoesNotContain(other.LastName, raw);
        Assert.DoesNotContain(other.World.AdvisorEmail, raw);
    }
}
