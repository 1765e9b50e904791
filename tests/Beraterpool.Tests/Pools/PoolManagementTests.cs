using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Pools;

public sealed class PoolManagementTests(PoolManagementTests.App app) : IClassFixture<PoolManagementTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static List<KeyValuePair<string, string>> PoolForm(string slug, string dayRate = "250,00", string quota = "10") =>
    [
        new("Input.Name", $"MiGlobe {slug}"), new("Input.Slug", slug), new("Input.BrandName", "MiGlobe"),
        new("Input.Claim", "Neue Chancen für die kommunale Entwicklungspolitik"), new("Input.StateCodes", "05"), new("Input.StateCodes", "08"),
        new("Input.ContactEmail", $"{slug}@example.org"), new("Input.DayRate", dayRate), new("Input.AnnualDayQuota", quota),
    ];

    [Fact]
    public async Task Administrator_creates_a_pool_with_a_German_day_rate_and_it_starts_with_the_standard_topics()
    {
        var admin = await app.SignedInAsync("admin-create@example.org", Roles.Administrator);
        var response = await admin.PostFormAsync("/manage/pools/new", PoolForm("neu-nrw"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var pool = await app.WithDbAsync(db => db.Pools.Include(p => p.Topics).SingleAsync(p => p.Slug == "neu-nrw"));
        Assert.Equal(250.00m, pool.DayRate);
        Assert.Equal(["05", "08"], pool.StateCodes);
        Assert.Equal(7, pool.Topics.Count);
        Assert.Contains(pool.Topics, t => t.NameDe == "Faire Beschaffung");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "pool.created" && e.PoolId == pool.Id)));
        // The in-memory catalogue knows the new pool at once: its prefix answers.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/pool/neu-nrw/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Administrator_edits_a_pool_and_the_change_is_audited_and_visible()
    {
        var admin = await app.SignedInAsync("admin-edit@example.org", Roles.Administrator);
        var pool = await app.CreatePoolAsync("edit-me");
        var form = FormFields.Of(await admin.GetStringAsync($"/manage/pools/{pool.Id}/edit", Ct), "multipart");
        Assert.Contains(form, f => f.Key == "Input.DayRate" && f.Value == "250,00");
        form.Set("Input.BrandName", "Neue Marke").Set("Input.DayRate", "312,50").Set("Input.AnnualDayQuota", "12");
        var response = await admin.PostAsync($"/manage/pools/{pool.Id}/edit", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await app.WithDbAsync(db => db.Pools.AsNoTracking().SingleAsync(p => p.Id == pool.Id));
        Assert.Equal(("Neue Marke", 312.50m, 12), (saved.BrandName, saved.DayRate, saved.AnnualDayQuota));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "pool.updated" && e.PoolId == pool.Id));
        Assert.Contains("brand=Neue Marke", audit.Details);
        Assert.Equal("Neue Marke", (await app.Services.GetRequiredService<PoolCatalog>().FindAsync(pool.Id, Ct))!.BrandName);
    }

    [Fact]
    public async Task Administrator_sets_invoice_recipient_paying_account_and_four_eyes_payments()
    {
        var admin = await app.SignedInAsync("admin-billing@example.org", Roles.Administrator);
        var pool = await app.CreatePoolAsync("billing");
        var form = FormFields.Of(await admin.GetStringAsync($"/manage/pools/{pool.Id}/edit", Ct), "multipart");
        form.Set("Input.InvoiceRecipient", "Engagement Global gGmbH").Set("Input.InvoiceStreet", "Friedrich-Ebert-Allee 40")
            .Set("Input.InvoicePostalCode", "53113").Set("Input.InvoiceCity", "Bonn").Set("Input.DebtorName", "Engagement Global gGmbH")
            .Set("Input.DebtorIban", "DE12 5001 0517 0648 4898 91").Set("Input.DebtorBic", "INGDDEFF").Set("Input.FourEyesPayments", "true");

        var wrong = await admin.PostAsync($"/manage/pools/{pool.Id}/edit", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte prüfen Sie die IBAN", Html.Text(html));
        Assert.Contains("value=\"Engagement Global gGmbH\"", html);

        form.Set("Input.DebtorIban", "DE12 5001 0517 0648 4898 90");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/manage/pools/{pool.Id}/edit", form.Multipart(), Ct)).StatusCode);

        var saved = await app.WithDbAsync(db => db.Pools.AsNoTracking().SingleAsync(p => p.Id == pool.Id));
        Assert.Equal(("Engagement Global gGmbH", "53113", "DE12500105170648489890", "INGDDEFF", true),
            (saved.InvoiceRecipient, saved.InvoicePostalCode, saved.DebtorIban, saved.DebtorBic, saved.FourEyesPayments));
        Assert.Contains("fourEyes=True", (await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "pool.updated" && e.PoolId == pool.Id))).Details);
    }

    [Theory]
    [InlineData("zweihundert", "10", "Bitte geben Sie einen Betrag")]
    [InlineData("250,00", "0", "zwischen 1 und 50 Tagen")]
    [InlineData("250,00", "viele", "Der Wert „viele“ ist ungültig.")]
    public async Task Invalid_pool_input_is_redisplayed_with_a_German_message(string dayRate, string quota, string message)
    {
        var admin = await app.SignedInAsync($"admin-invalid-{Guid.NewGuid():N}@example.org", Roles.Administrator);
        var response = await admin.PostFormAsync("/manage/pools/new", PoolForm("ungueltig", dayRate, quota));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(message, Html.Text(html));
        Assert.Contains($"value=\"{dayRate}\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task Defect4_an_empty_short_address_is_a_field_message_when_creating_and_editing()
    {
        var admin = await app.SignedInAsync("admin-empty-slug@example.org", Roles.Administrator);
        var created = await admin.PostFormAsync("/manage/pools/new", PoolForm("leer").Set("Input.Slug", ""));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Bitte geben Sie eine Kurzadresse an.", Html.Text(await created.Content.ReadAsStringAsync(Ct)));

        var pool = await app.CreatePoolAsync("slug-bleibt");
        var form = FormFields.Of(await admin.GetStringAsync($"/manage/pools/{pool.Id}/edit", Ct), "multipart");
        form.Set("Input.Slug", "");
        var edited = await admin.PostAsync($"/manage/pools/{pool.Id}/edit", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("Bitte geben Sie eine Kurzadresse an.", Html.Text(await edited.Content.ReadAsStringAsync(Ct)));
        Assert.Equal("slug-bleibt", await app.WithDbAsync(db => db.Pools.Where(p => p.Id == pool.Id).Select(p => p.Slug).SingleAsync()));
    }

    [Fact]
    public async Task Coordinator_cannot_create_or_edit_pools()
    {
        var coordinator = await app.SignedInAsync("coord-no-pools@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync("not-yours");
        foreach (var url in new[] { "/manage/pools", "/manage/pools/new", $"/manage/pools/{pool.Id}/edit" })
        {
            var response = await coordinator.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
        }
        var token = Html.AntiforgeryToken(await coordinator.GetStringAsync("/manage", Ct));
        var post = await coordinator.PostAsync("/manage/pools/new", new FormUrlEncodedContent([.. PoolForm("sneaky"), new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Pools.AnyAsync(p => p.Slug == "sneaky")));
    }

    [Fact]
    public async Task Logo_is_checked_by_content_and_served_with_its_type()
    {
        var admin = await app.SignedInAsync("admin-logo@example.org", Roles.Administrator);
        var pool = await app.CreatePoolAsync("logo-pool");
        var form = FormFields.Of(await admin.GetStringAsync($"/manage/pools/{pool.Id}/edit", Ct), "multipart");

        var refused = await admin.PostAsync($"/manage/pools/{pool.Id}/edit", form.Multipart("Logo", "<svg onload=alert(1)>"u8.ToArray(), "logo.png", "image/png"), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Das Logo muss ein PNG-, JPEG- oder WebP-Bild sein.", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));

        var accepted = await admin.PostAsync($"/manage/pools/{pool.Id}/edit", form.Multipart("Logo", Png, "logo.bin"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var logo = await app.CreateClient().GetAsync("/pools/logo-pool/logo", Ct);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Defect16_making_an_advisor_coordinator_of_a_pool_asks_for_confirmation_first()
    {
        var admin = await app.SignedInAsync("admin-warn@example.org", Roles.Administrator);
        var home = await app.CreatePoolAsync("warn-home");
        var other = await app.CreatePoolAsync("warn-other");
        var advisor = await app.CreateAdvisorAsync(home.Id, "warn-beraterin");
        var url = $"/manage/pools/{other.Id}/coordinators";

        var warned = await admin.PostFormAsync(url + "?handler=Add", [new("Input.Email", advisor.Email.ToUpperInvariant())], formPageUrl: url);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = Html.Text(await warned.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"ist Berater*in im Pool {home.Name}", page);
        Assert.Contains("Bitte bestätigen Sie, dass diese Berater*in den Pool koordinieren soll.", page);
        Assert.False(await app.WithDbAsync(db => db.PoolCoordinators.AnyAsync(c => c.PoolId == other.Id)));

        var confirmed = await admin.PostFormAsync(url + "?handler=Add",
            [new("Input.Email", advisor.Email), new("Input.AdvisorConfirmed", "true")], formPageUrl: url);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.PoolCoordinators.AnyAsync(c => c.PoolId == other.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "pool.coordinator.added" && e.PoolId == other.Id && e.Details!.Contains("confirmed"))));
    }

    [Fact]
    public async Task Assigning_an_unknown_address_creates_a_coordinator_account_and_sends_an_invitation()
    {
        var admin = await app.SignedInAsync("admin-coord@example.org", Roles.Administrator);
        var pool = await app.CreatePoolAsync("coord-pool");
        var mails = app.MailCount();
        var response = await admin.PostFormAsync($"/manage/pools/{pool.Id}/coordinators?handler=Add",
            [new("Input.Email", "neue.koordination@example.org"), new("Input.DisplayName", "Neue Koordination")], formPageUrl: $"/manage/pools/{pool.Id}/coordinators");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(mails + 1, app.MailCount());
        Assert.Contains("neue.koordination@example.org", app.LatestMail());
        Assert.True(await app.WithDbAsync(db => db.PoolCoordinators.AnyAsync(c => c.PoolId == pool.Id && db.Users.Any(u => u.Id == c.UserId && u.Email == "neue.koordination@example.org"))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "pool.coordinator.added" && e.PoolId == pool.Id)));
    }

    [Fact]
    public async Task Coordinator_manages_the_topics_of_their_pool_only_and_is_told_who_loses_a_topic()
    {
        var user = await app.CreateUserAsync("coord-topics@example.org", Roles.Coordinator);
        var own = await app.CreatePoolAsync("topics-own", user.Id);
        var other = await app.CreatePoolAsync("topics-other");
        var advisor = await app.CreateAdvisorAsync(own.Id, "topic-user");
        var topicId = await app.WithDbAsync(async db =>
        {
            var topic = await db.Topics.FirstAsync(t => t.PoolId == own.Id && t.Slug == "fairer-handel");
            db.AdvisorTopics.Add(new Beraterpool.Web.Features.Advisors.AdvisorTopic { AdvisorId = advisor.Id, TopicId = topic.Id });
            await db.SaveChangesAsync();
            return topic.Id;
        });
        var client = await app.SignInAsync("coord-topics@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/pools/{other.Id}/topics", Ct)).StatusCode);

        var added = await client.PostFormAsync($"/manage/pools/{own.Id}/topics?handler=Save",
            [new("Input.NameDe", "Klimapartnerschaften"), new("Input.NameEn", "Climate partnerships")], formPageUrl: $"/manage/pools/{own.Id}/topics");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Topics.AnyAsync(t => t.PoolId == own.Id && t.Slug == "klimapartnerschaften" && t.NameEn == "Climate partnerships")));

        var confirm = Html.Text(await client.GetStringAsync($"/manage/pools/{own.Id}/topics?delete={topicId}", Ct));
        Assert.Contains("1 Berater*innen haben dieses Themenfeld im Profil", confirm);
        var deleted = await client.PostFormAsync($"/manage/pools/{own.Id}/topics?handler=Delete&topicId={topicId}", [], formPageUrl: $"/manage/pools/{own.Id}/topics");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AdvisorTopics.AnyAsync(t => t.TopicId == topicId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "pool.topic.deleted" && e.PoolId == own.Id)));

        var otherTopic = await app.WithDbAsync(db => db.Topics.FirstAsync(t => t.PoolId == other.Id));
        var foreign = await client.PostFormAsync($"/manage/pools/{other.Id}/topics?handler=Delete&topicId={otherTopic.Id}", [], formPageUrl: $"/manage/pools/{own.Id}/topics");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
