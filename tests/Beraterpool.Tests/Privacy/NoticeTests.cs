using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Privacy;

/// <summary>Each pool publishes its own privacy notice and Impressum, written by its coordinators; every page and form links them.</summary>
public sealed class NoticeTests(NoticeTests.App app) : IClassFixture<NoticeTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Coordinator, int PoolId, string Slug)> ArrangeAsync(string name)
    {
        var coordinator = await app.CreateUserAsync($"coord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, coordinator.Id);
        return (await app.SignInAsync($"coord-{name}@example.org"), pool.Id, pool.Slug);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, int poolId, string privacy, string impressum)
    {
        var url = $"/manage/pools/{poolId}/notices";
        var form = FormFields.Of(await client.GetStringAsync(url, Ct), "method=\"post\"")
            .Set("Input.PrivacyNotice", privacy).Set("Input.Impressum", impressum);
        return await client.PostFormAsync(url, form, url);
    }

    [Fact]
    public async Task Without_a_text_the_pages_say_so_and_name_the_contact()
    {
        var (_, _, slug) = await ArrangeAsync("hinweis-leer");
        var visitor = app.CreateClient();
        var privacy = await visitor.GetAsync($"/pool/{slug}/datenschutz", Ct);
        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
        var text = Html.Text(await privacy.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"Pool {slug} hat noch keine Datenschutzerklärung veröffentlicht.", text);
        Assert.Contains($"{slug}@example.org", text);
        Assert.Contains($"Pool {slug} hat noch kein Impressum veröffentlicht.", Html.Text(await visitor.GetStringAsync($"/pool/{slug}/impressum", Ct)));
    }

    [Fact]
    public async Task Coordinator_publishes_the_pools_texts_as_safe_markdown_and_the_change_is_audited()
    {
        var (coordinator, poolId, slug) = await ArrangeAsync("hinweis-text");
        var (_, _, otherSlug) = await ArrangeAsync("hinweis-anderer");
        var markdown = "## Verantwortliche Stelle\n\nDie **Koordinierungsstelle**.\n\n<script>alert('x')</script>\n\n<b>fett?</b>\n\n[Klick](javascript:alert(1)) und [Aufsicht](https://www.ldi.nrw.de)";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(coordinator, poolId, markdown, "Musterstraße 1, 12345 Musterstadt")).StatusCode);

        var html = await app.CreateClient().GetStringAsync($"/pool/{slug}/datenschutz", Ct);
        Assert.Matches("<h2[^>]*>Verantwortliche Stelle</h2>", html);
        Assert.Contains("<strong>Koordinierungsstelle</strong>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>fett?</b>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("href=\"https://www.ldi.nrw.de\"", html);
        Assert.Contains("Musterstraße 1", Html.Text(await app.CreateClient().GetStringAsync($"/pool/{slug}/impressum", Ct)));
        // Another pool's page is its own.
        Assert.Contains("hat noch keine Datenschutzerklärung veröffentlicht", Html.Text(await app.CreateClient().GetStringAsync($"/pool/{otherSlug}/datenschutz", Ct)));

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.PoolId == poolId && e.Action.StartsWith("pool.")).Select(e => e.Action).ToListAsync());
        Assert.Contains("pool.privacy-notice.updated", audit);
        Assert.Contains("pool.impressum.updated", audit);
    }

    [Fact]
    public async Task Only_the_pools_own_coordinators_may_edit()
    {
        var (_, poolId, _) = await ArrangeAsync("hinweis-fremd");
        var (stranger, _, _) = await ArrangeAsync("hinweis-eigen");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/manage/pools/{poolId}/notices", Ct)).StatusCode);
        var form = new List<KeyValuePair<string, string>> { new("Input.PrivacyNotice", "Übernommen"), new("Input.Impressum", "") };
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync($"/manage/pools/{poolId}/notices", form, "/manage")).StatusCode);
        var advisor = await app.SignedInAsync("hinweis-berater@example.org", Roles.Advisor);
        Assert.NotEqual(HttpStatusCode.OK, (await advisor.GetAsync($"/manage/pools/{poolId}/notices", Ct)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PoolNotices.AnyAsync(n => n.PoolId == poolId)));
    }

    [Fact]
    public async Task Footer_and_forms_that_collect_personal_data_link_the_pools_notice()
    {
        var (_, _, slug) = await ArrangeAsync("hinweis-links");
        var visitor = app.CreateClient();
        foreach (var path in new[] { "/", "/advisors", "/statistics", "/account/login" })
        {
            var html = await visitor.GetStringAsync($"/pool/{slug}{path}", Ct);
            Assert.Contains($"href=\"/pool/{slug}/datenschutz\"", html);
            Assert.Contains($"href=\"/pool/{slug}/impressum\"", html);
        }
        var form = await visitor.GetStringAsync($"/pool/{slug}/requests/new", Ct);
        Assert.Contains("data-testid=\"privacy-notice-link\"", form);

        var user = await app.CreateUserAsync("hinweis-profil@example.org", Roles.Advisor);
        var pool = await app.WithDbAsync(db => db.Pools.SingleAsync(p => p.Slug == slug));
        await app.CreateAdvisorAsync(pool.Id, "hinweis-profil", user.Id);
        var advisor = await app.SignInAsync("hinweis-profil@example.org");
        Assert.Contains("data-testid=\"privacy-notice-link\"", await advisor.GetStringAsync("/me/profile", Ct));
    }

    /// <summary>The forms that collect personal data, by view: each shows the link (the HTTP test above checks two of them rendered).</summary>
    [Theory]
    [InlineData("Requests/New.cshtml")]
    [InlineData("Advisors/Editor/_ProfileEditor.cshtml")]
    [InlineData("Advisors/Manage/New.cshtml")]
    [InlineData("Accounts/Invitation.cshtml")]
    [InlineData("Messages/_Conversation.cshtml")]
    [InlineData("MunicipalityAccounts/Colleagues.cshtml")]
    [InlineData("MunicipalityAccounts/EmailLink.cshtml")]
    [InlineData("Fees/BankDetails.cshtml")]
    public void Form_view_links_the_privacy_notice(string view)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Beraterpool.slnx"))) root = Path.GetDirectoryName(root)!;
        var source = File.ReadAllText(Path.Combine(root, "src", "Beraterpool.Web", "Features", view));
        Assert.Contains("/Features/Privacy/Notices/_NoticeLink.cshtml", source);
    }
}

/// <summary>In demo mode the pools come with example texts, marked as such on the page.</summary>
public sealed class DemoNoticeTests(DemoApp app)
{
    [Fact]
    public async Task Demo_pools_show_example_texts_clearly_marked()
    {
        var ct = TestContext.Current.CancellationToken;
        var text = Html.Text(await app.CreateClient().GetStringAsync("/datenschutz", ct));
        Assert.Contains("Beispieltext – vor dem Betrieb ersetzen", text);
        Assert.Contains("Verantwortliche Stelle", text);
        Assert.Contains("Beispieltext – vor dem Betrieb ersetzen", Html.Text(await app.CreateClient().GetStringAsync("/pool/bw/impressum", ct)));
    }
}
