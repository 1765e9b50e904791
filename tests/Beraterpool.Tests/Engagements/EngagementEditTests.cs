using Beraterpool.Web.Features.Shared;
using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>Changing action options and deleting documents: who may, the confirmation step, validation and the audit trail.</summary>
public sealed class EngagementEditTests(EngagementEditTests.App app) : IClassFixture<EngagementEditTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(int PoolId, int EngagementId, string Key, HttpClient Advisor, HttpClient Contact, HttpClient Coordinator,
        HttpClient Outsider, string AdvisorUserId, string ContactUserId);

    private async Task<Arranged> ArrangeAsync(string name, string key)
    {
        var coordinatorClient = await app.SignedInBrowserAsync($"{name}-koord@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, await UserIdAsync($"{name}-koord@example.org"));
        var advisorClient = await app.SignedInBrowserAsync($"{name}-berater@example.org", Roles.Advisor);
        var advisorUserId = await UserIdAsync($"{name}-berater@example.org");
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater", advisorUserId);
        var outsider = await app.SignedInBrowserAsync($"{name}-fremd@example.org", Roles.Advisor);
        await app.CreateAdvisorAsync(pool.Id, $"{name}-fremd", await UserIdAsync($"{name}-fremd@example.org"));
        var contactClient = await app.SignedInBrowserAsync($"{name}-kommune@example.org", Roles.MunicipalityContact);
        var contactUserId = await UserIdAsync($"{name}-kommune@example.org");
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id], contactUserId);
        return new Arranged(pool.Id, engagement.Id, key, advisorClient, contactClient, coordinatorClient, outsider, advisorUserId, contactUserId);
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> OptionAsync(int engagementId, string title) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var option = new ActionOption { EngagementId = engagementId, Title = title, Description = "Erste Idee", CreatedAt = now, UpdatedAt = now };
        db.ActionOptions.Add(option);
        await db.SaveChangesAsync();
        return option.Id;
    });

    private Task<int> DocumentAsync(int engagementId, string fileName, string uploaderUserId) => app.WithDbAsync(async db =>
    {
        var doc = new EngagementDocument
        {
            EngagementId = engagementId, FileName = fileName, ContentType = "application/pdf", Content = "%PDF-1.4\n%%EOF"u8.ToArray(), Size = 14,
            UploadedByUserId = uploaderUserId, UploadedByName = "Hochladende Person", UploadedAt = DateTimeOffset.UtcNow,
        };
        db.EngagementDocuments.Add(doc);
        await db.SaveChangesAsync();
        return doc.Id;
    });

    private static Task<HttpResponseMessage> EditOptionAsync(HttpClient client, int engagementId, int optionId, string title, string carriedOutBy = "Büro für Internationales",
        string status = "Agreed", string? due = null) =>
        client.PostFormAsync($"/engagements/{engagementId}/options/{optionId}",
            [new("Option.Title", title), new("Option.Description", "Ein Forum im Rathaus"), new("Option.CarriedOutBy", carriedOutBy),
             new("Option.Status", status), new("Option.DueDate", due ?? TimeProvider.System.LocalToday().AddDays(30).ToString("yyyy-MM-dd"))],
            formPageUrl: $"/engagements/{engagementId}");

    [Fact]
    public async Task Municipality_contact_changes_an_action_option_with_validation_and_audit()
    {
        var a = await ArrangeAsync("option", "05411000");
        var optionId = await OptionAsync(a.EngagementId, "Forum planen");
        Assert.Contains($"/engagements/{a.EngagementId}/options/{optionId}", await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        var form = Html.Text(await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}/options/{optionId}", Ct));
        Assert.Contains("Handlungsoption „Forum planen“ ändern", form);

        var invalid = await EditOptionAsync(a.Contact, a.EngagementId, optionId, "  ", carriedOutBy: "Integrationsrat");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte geben Sie einen Titel an.", Html.Text(html));
        Assert.Contains("value=\"Integrationsrat\"", html);
        var tooLong = await EditOptionAsync(a.Contact, a.EngagementId, optionId, new string('x', 201));
        Assert.Contains("Der Titel darf höchstens 200 Zeichen lang sein.", Html.Text(await tooLong.Content.ReadAsStringAsync(Ct)));
        Assert.Equal("Forum planen", await app.WithDbAsync(db => db.ActionOptions.Where(o => o.Id == optionId).Select(o => o.Title).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await EditOptionAsync(a.Contact, a.EngagementId, optionId, "Forum im Rathaus", status: "InImplementation")).StatusCode);
        var option = await app.WithDbAsync(db => db.ActionOptions.AsNoTracking().SingleAsync(o => o.Id == optionId));
        Assert.Equal(("Forum im Rathaus", "Ein Forum im Rathaus", "Büro für Internationales", ActionOptionStatus.InImplementation, TimeProvider.System.LocalToday().AddDays(30)),
            (option.Title, option.Description, option.CarriedOutBy, option.Status, option.DueDate));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == $"engagement:{a.EngagementId}" && e.Action == "engagement.option.changed"));
        Assert.Equal(a.ContactUserId, audit.UserId);
        Assert.Contains("title: Forum planen → Forum im Rathaus", audit.Details);

        Assert.Equal(HttpStatusCode.Redirect, (await EditOptionAsync(a.Advisor, a.EngagementId, optionId, "Forum im Rathaus", status: "Done")).StatusCode);
        Assert.Equal(ActionOptionStatus.Done, await app.WithDbAsync(db => db.ActionOptions.Where(o => o.Id == optionId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Outsiders_get_404_and_the_coordinator_403_when_changing_an_action_option()
    {
        var a = await ArrangeAsync("optionfremd", "05412000");
        var other = await ArrangeAsync("optionanders", "05413000");
        var optionId = await OptionAsync(a.EngagementId, "Forum planen");

        Assert.Equal(HttpStatusCode.NotFound, (await a.Outsider.GetAsync($"/engagements/{a.EngagementId}/options/{optionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/engagements/{a.EngagementId}/options/{optionId}", Ct)).StatusCode);
        // An option of another engagement, reached through one's own engagement, is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Advisor.GetAsync($"/engagements/{other.EngagementId}/options/{optionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EditOptionAsync(other.Advisor, other.EngagementId, optionId, "Gekapert")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.Coordinator.GetAsync($"/engagements/{a.EngagementId}/options/{optionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await EditOptionAsync(a.Coordinator, a.EngagementId, optionId, "Gekapert")).StatusCode);
        Assert.Equal("Forum planen", await app.WithDbAsync(db => db.ActionOptions.Where(o => o.Id == optionId).Select(o => o.Title).SingleAsync()));
    }

    [Fact]
    public async Task Uploader_deletes_a_document_after_a_confirmation_that_names_it_and_the_deletion_is_audited()
    {
        var a = await ArrangeAsync("loeschen", "05414000");
        var docId = await DocumentAsync(a.EngagementId, "Protokoll Forum.pdf", a.AdvisorUserId);
        var deletePage = $"/engagements/{a.EngagementId}/documents/{docId}/delete";
        Assert.Contains(deletePage, await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.DoesNotContain(deletePage, await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct));

        var confirm = Html.Text(await a.Advisor.GetStringAsync(deletePage, Ct));
        Assert.Contains("Dokument „Protokoll Forum.pdf“ löschen?", confirm);
        Assert.True(await app.WithDbAsync(db => db.EngagementDocuments.AnyAsync(d => d.Id == docId)));

        Assert.Equal(HttpStatusCode.Redirect, (await a.Advisor.PostFormAsync(deletePage, [])).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EngagementDocuments.AnyAsync(d => d.Id == docId)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == $"engagement:{a.EngagementId}" && e.Action == "engagement.document.deleted"));
        Assert.Equal(a.AdvisorUserId, audit.UserId);
        Assert.Contains("Protokoll Forum.pdf", audit.Details);
        Assert.Contains("Das Dokument „Protokoll Forum.pdf“ ist gelöscht.", Html.Text(await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct)));
    }

    [Fact]
    public async Task Only_the_uploader_or_a_coordinator_may_delete_a_document_and_outsiders_get_404()
    {
        var a = await ArrangeAsync("loeschrecht", "05415000");
        var other = await ArrangeAsync("loeschanders", "05416000");
        var docId = await DocumentAsync(a.EngagementId, "Einladung.pdf", a.ContactUserId);
        var deletePage = $"/engagements/{a.EngagementId}/documents/{docId}/delete";

        Assert.Equal(HttpStatusCode.Forbidden, (await a.Advisor.GetAsync(deletePage, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.Advisor.PostFormAsync(deletePage, [], formPageUrl: $"/engagements/{a.EngagementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Outsider.GetAsync(deletePage, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync(deletePage, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Advisor.GetAsync($"/engagements/{other.EngagementId}/documents/{docId}/delete", Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.EngagementDocuments.AnyAsync(d => d.Id == docId)));

        Assert.Equal(HttpStatusCode.Redirect, (await a.Coordinator.PostFormAsync(deletePage, [])).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EngagementDocuments.AnyAsync(d => d.Id == docId)));
    }
}
