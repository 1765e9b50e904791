using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Events;

/// <summary>The check-in list as PDF for the door: the people with a place, sorted by name, with a tick and a signature column.</summary>
public sealed class CheckInListTests(EventRegistrationTests.App app) : IClassFixture<EventRegistrationTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_check_in_PDF_lists_the_people_with_a_place_sorted_by_name_with_organisation_and_signature_column()
    {
        var e = await app.CreateEventAsync(app.Pool, "Qualifizierungsforum Liste", new DateOnly(2026, 11, 24), capacity: 3);
        var office = await app.SignInAsync("koord-events@example.org");
        foreach (var (name, mail, org) in new[]
                 {
                     ("Zora Zander", "zora@example.org", "Stadt Münster"), ("Ömer Özdemir", "oemer@example.org", "LAG 21 NRW"),
                     ("anna Albers", "anna.a@example.org", "Eine Welt Netz NRW"), ("Wilma Warten", "wilma@example.org", "Kreis Lippe"),
                 })
        {
            var added = await office.PostFormAsync($"/manage/events/{e.Id}?handler=Add",
                [new("Input.Name", name), new("Input.Email", mail), new("Input.Organisation", org)], $"/manage/events/{e.Id}");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        Assert.Equal(RegistrationStatus.Waiting, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == "wilma@example.org").Select(r => r.Status).SingleAsync(Ct)));

        var response = await office.GetAsync($"/manage/events/{e.Id}?handler=CheckInPdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var page = pdf.GetPage(1);
        Assert.InRange(page.Width, 594, 596);
        var text = page.Text;
        Assert.Contains("Qualifizierungsforum Liste", text);
        Assert.Contains("Unterschrift", text);
        Assert.Contains("Organisation", text);
        Assert.Contains("Stadt Münster", text);
        Assert.DoesNotContain("Wilma", text); // waiting, no place
        // German order: a, Ö as O, Z; case ignored.
        var positions = new[] { "anna Albers", "Ömer Özdemir", "Zora Zander" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.participants.exported" && a.Subject == $"event:{e.Id}" && a.Details!.Contains("PDF"), Ct)));

        var stranger = await app.CreateUserAsync("koord-fremd-liste@example.org", Roles.Coordinator);
        await app.CreatePoolAsync("fremd-liste", stranger.Id);
        var strangerClient = await app.SignInAsync("koord-fremd-liste@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/manage/events/{e.Id}?handler=CheckInPdf", Ct)).StatusCode);
    }

    [Fact]
    public void Many_names_run_onto_further_pages_without_losing_one()
    {
        var e = new Event { Title = "Großes Forum", StartsAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2026, 11, 1, 11, 0, 0, TimeSpan.Zero) };
        var rows = Enumerable.Range(1, 60).Select(i => new CheckInListPdf.Row($"Person {i:00}", null, i % 2 == 0)).ToList();
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(CheckInListPdf.Render(e, rows));
        Assert.Equal(3, pdf.NumberOfPages);
        var all = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.All(rows, r => Assert.Contains(r.Name, all));
        Assert.Contains("Seite 3 von 3", all);
    }
}
