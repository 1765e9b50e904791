using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Handbooks;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Site;

/// <summary>The public site pages coordinators write (about, offer, process, FAQ, contact): draft, publish, versions, restore.</summary>
public sealed class SitePageTests(SitePageTests.App app) : IClassFixture<SitePageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Coordinator, int PoolId, string Slug)> ArrangeAsync(string name)
    {
        var coordinator = await app.CreateUserAsync($"coord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, coordinator.Id);
        return (await app.SignInAsync($"coord-{name}@example.org"), pool.Id, pool.Slug);
    }

    private static async Task SaveChapterAsync(HttpClient client, string url, string markdown)
    {
        var form = FormFields.Of(await client.GetStringAsync(url, Ct), "novalidate");
        form.Set("Input.Markdown", markdown);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, form, url)).StatusCode);
    }

    [Fact]
    public async Task A_draft_page_stays_hidden_until_published_then_shows_in_every_footer_with_its_latest_version()
    {
        var (coordinator, poolId, slug) = await ArrangeAsync("seiten");
        var manage = $"/manage/pools/{poolId}/handbooks";
        var created = await coordinator.PostFormAsync(manage,
            [new("Input.Title", "So läuft eine Beratung ab"), new("Input.Kind", "SitePage"), new("Input.Slug", "ablauf"), new("Input.Visibility", "Coordinators")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await app.WithDbAsync(db => db.Handbooks.AsNoTracking().Include(h => h.Chapters).SingleAsync(h => h.PoolId == poolId));
        Assert.Equal(HandbookKind.SitePage, page.Kind);
        var chapterUrl = $"{manage}/{page.Id}/chapters/{page.Chapters.Single().Id}";
        await SaveChapterAsync(coordinator, chapterUrl, "1. Die Kommune setzt Ziel und Bedarf.\n\n2. Zuerst das Gespräch.");

        var visitor = app.CreateClient();
        var url = $"/pool/{slug}/info/ablauf";
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url, Ct)).StatusCode);
        var preview = Html.Text(await coordinator.GetStringAsync(url, Ct));
        Assert.Contains("Entwurf", preview);
        Assert.Contains("Zuerst das Gespräch.", preview);
        Assert.DoesNotContain("So läuft eine Beratung ab", Html.Text(await visitor.GetStringAsync($"/pool/{slug}/", Ct)));

        var edit = $"{manage}/{page.Id}";
        var settings = FormFields.Of(await coordinator.GetStringAsync(edit, Ct), "Settings");
        settings.Set("Input.Visibility", "Public");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"{edit}?handler=Settings", settings, edit)).StatusCode);
        await SaveChapterAsync(coordinator, chapterUrl, "1. Die Kommune setzt Ziel und Bedarf.\n\n2. Zuerst das Gespräch.\n\n3. Kostenlos, bis zu 10 Tage im Jahr.");

        var published = await visitor.GetStringAsync(url, Ct);
        Assert.Contains("Kostenlos, bis zu 10 Tage im Jahr.", Html.Text(published));
        Assert.DoesNotContain("Entwurf", Html.Text(published));
        var home = await visitor.GetStringAsync($"/pool/{slug}/impressum", Ct);
        Assert.Contains($"href=\"/pool/{slug}/info/ablauf\"", home);
        // Not a handbook for readers: the handbook list leaves it out, and its handbook address leads to the page.
        Assert.DoesNotContain("/handbooks/ablauf", await visitor.GetStringAsync($"/pool/{slug}/handbooks", Ct));
        var old = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/pool/{slug}/handbooks/ablauf", Ct);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal(url, old.Headers.Location?.OriginalString);

        // Versions: created, saved, published, saved; restoring the first save brings the two-step text back publicly.
        var versions = await app.WithDbAsync(db => db.HandbookVersions.Where(v => v.HandbookId == page.Id).OrderBy(v => v.Number).Select(v => v.Change).ToListAsync());
        Assert.Equal([HandbookChange.Created, HandbookChange.ChapterSaved, HandbookChange.SettingsChanged, HandbookChange.ChapterSaved], versions);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"{edit}/versions?handler=Restore", [new("number", "3")], $"{edit}/versions")).StatusCode);
        var restored = Html.Text(await visitor.GetStringAsync(url, Ct));
        Assert.Contains("Zuerst das Gespräch.", restored);
        Assert.DoesNotContain("Kostenlos, bis zu 10 Tage im Jahr.", restored);
    }

    [Fact]
    public async Task Another_pools_page_is_not_found_on_this_pool()
    {
        var (_, poolId, _) = await ArrangeAsync("seiten-a");
        var (_, _, otherSlug) = await ArrangeAsync("seiten-b");
        await app.WithDbAsync(async db =>
        {
            db.Handbooks.Add(new Handbook
            {
                PoolId = poolId, Slug = "kontakt", Title = "Kontakt A", Kind = HandbookKind.SitePage, Visibility = HandbookVisibility.Public,
                Chapters = [new HandbookChapter { Position = 1, Title = "Kontakt", Markdown = "Schreiben Sie uns." }],
            });
            return await db.SaveChangesAsync();
        });
        var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/pool/{otherSlug}/info/kontakt", Ct)).StatusCode);
        Assert.DoesNotContain("Kontakt A", await visitor.GetStringAsync($"/pool/{otherSlug}/impressum", Ct));
    }
}
