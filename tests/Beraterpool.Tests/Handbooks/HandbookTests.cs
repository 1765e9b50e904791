using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Handbooks;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Handbooks;

/// <summary>A pool's handbooks: who reads which, editing with versions, comparison, restore, search and export.</summary>
public sealed class HandbookTests(HandbookTests.App app) : IClassFixture<HandbookTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(HttpClient Coordinator, int PoolId, string Slug);

    private async Task<World> ArrangeAsync(string name)
    {
        var coordinator = await app.CreateUserAsync($"coord-{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, coordinator.Id);
        return new World(await app.SignInAsync($"coord-{name}@example.org"), pool.Id, pool.Slug);
    }

    private async Task<HttpClient> AdvisorOfAsync(World world, string name)
    {
        var user = await app.CreateUserAsync($"{name}@example.org", Roles.Advisor);
        await app.CreateAdvisorAsync(world.PoolId, name, user.Id);
        return await app.SignInAsync($"{name}@example.org");
    }

    /// <summary>A handbook straight into the database, with one version.</summary>
    private Task<Handbook> HandbookAsync(int poolId, string slug, HandbookVisibility visibility, params (string Title, string Markdown)[] chapters) =>
        app.WithDbAsync(async db =>
        {
            var handbook = new Handbook
            {
                PoolId = poolId, Slug = slug, Title = $"Handbuch {slug}", Kind = HandbookKind.Other, Visibility = visibility, Revision = 1, UpdatedAt = DateTimeOffset.UtcNow,
                Chapters = chapters.Select((c, i) => new HandbookChapter { Position = i + 1, Title = c.Title, Markdown = c.Markdown }).ToList(),
            };
            var snapshot = HandbookSnapshot.Of(handbook);
            handbook.Versions.Add(new HandbookVersion { Number = 1, CreatedAt = DateTimeOffset.UtcNow, Change = HandbookChange.Created, Title = snapshot.Title, ChaptersJson = snapshot.ChaptersJson() });
            db.Handbooks.Add(handbook);
            await db.SaveChangesAsync();
            return handbook;
        });

    private Task<int> ChapterIdAsync(int handbookId, int position) =>
        app.WithDbAsync(db => db.HandbookChapters.Where(c => c.HandbookId == handbookId && c.Position == position).Select(c => c.Id).SingleAsync());

    private static async Task<HttpResponseMessage> SaveChapterAsync(HttpClient client, string url, string? title = null, string? markdown = null, int? baseRevision = null)
    {
        var form = FormFields.Of(await client.GetStringAsync(url, Ct), "novalidate");
        if (title is not null) form.Set("Input.Title", title);
        if (markdown is not null) form.Set("Input.Markdown", markdown);
        if (baseRevision is not null) form.Set("Input.BaseRevision", baseRevision.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await client.PostFormAsync(url, form, url);
    }

    [Fact]
    public async Task Visitors_see_public_handbooks_advisors_also_theirs_and_coordinators_all()
    {
        var world = await ArrangeAsync("hb-sicht");
        await HandbookAsync(world.PoolId, "oeffentlich", HandbookVisibility.Public, ("Kapitel", "Für alle"));
        await HandbookAsync(world.PoolId, "beratende", HandbookVisibility.Advisors, ("Kapitel", "Für Berater*innen"));
        await HandbookAsync(world.PoolId, "intern", HandbookVisibility.Coordinators, ("Kapitel", "Nur intern"));
        var prefix = $"/pool/{world.Slug}/handbooks";

        var anonymous = app.CreateClient();
        var list = Html.Text(await anonymous.GetStringAsync(prefix, Ct));
        Assert.Contains("Handbuch oeffentlich", list);
        Assert.DoesNotContain("Handbuch beratende", list);
        Assert.DoesNotContain("Handbuch intern", list);
        Assert.Contains("Für alle", Html.Text(await anonymous.GetStringAsync($"{prefix}/oeffentlich", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{prefix}/beratende", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{prefix}/beratende?handler=Pdf", Ct)).StatusCode);

        var advisor = await AdvisorOfAsync(world, "hb-sicht-beraterin");
        list = Html.Text(await advisor.GetStringAsync(prefix, Ct));
        Assert.Contains("Handbuch oeffentlich", list);
        Assert.Contains("Handbuch beratende", list);
        Assert.DoesNotContain("Handbuch intern", list);
        Assert.Contains("Für Berater*innen", Html.Text(await advisor.GetStringAsync($"{prefix}/beratende", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"{prefix}/intern", Ct)).StatusCode);

        // An advisor of another pool is a visitor here.
        var other = await ArrangeAsync("hb-sicht-anderer");
        var stranger = await AdvisorOfAsync(other, "hb-sicht-fremde");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{prefix}/beratende", Ct)).StatusCode);

        list = Html.Text(await world.Coordinator.GetStringAsync(prefix, Ct));
        Assert.Contains("Handbuch intern", list);
        Assert.Contains("Nur intern", Html.Text(await world.Coordinator.GetStringAsync($"{prefix}/intern", Ct)));
    }

    [Fact]
    public async Task Another_pools_coordinator_and_advisors_get_no_management_page()
    {
        var world = await ArrangeAsync("hb-fremd");
        var handbook = await HandbookAsync(world.PoolId, "fremd", HandbookVisibility.Public, ("Kapitel", "Text"));
        var chapterId = await ChapterIdAsync(handbook.Id, 1);
        var stranger = (await ArrangeAsync("hb-fremd-anderer")).Coordinator;
        var manage = $"/manage/pools/{world.PoolId}/handbooks";
        foreach (var url in new[] { manage, $"{manage}/{handbook.Id}", $"{manage}/{handbook.Id}/chapters/{chapterId}", $"{manage}/{handbook.Id}/versions", $"{manage}/{handbook.Id}/versions?handler=Pdf&number=1" })
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url, Ct)).StatusCode);
        var form = new List<KeyValuePair<string, string>> { new("Input.Title", "Übernommen"), new("Input.Markdown", "Übernommen"), new("Input.BaseRevision", "1") };
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync($"{manage}/{handbook.Id}/chapters/{chapterId}", form, "/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync($"{manage}/{handbook.Id}/versions?handler=Restore", [new("number", "1")], "/manage")).StatusCode);
        var advisor = await AdvisorOfAsync(world, "hb-fremd-berater");
        Assert.NotEqual(HttpStatusCode.OK, (await advisor.GetAsync($"{manage}/{handbook.Id}", Ct)).StatusCode);
        Assert.Equal("Text", await app.WithDbAsync(db => db.HandbookChapters.Where(c => c.Id == chapterId).Select(c => c.Markdown).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.HandbookVersions.CountAsync(v => v.HandbookId == handbook.Id)));
    }

    [Fact]
    public async Task Saving_a_chapter_makes_a_version_and_the_comparison_shows_the_changed_line_then_restore_brings_it_back()
    {
        var world = await ArrangeAsync("hb-version");
        var manage = $"/manage/pools/{world.PoolId}/handbooks";
        var created = await world.Coordinator.PostFormAsync(manage,
            [new("Input.Title", "Teilnehmendenhandbuch"), new("Input.Kind", "Participant"), new("Input.Slug", ""), new("Input.Visibility", "Advisors")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var handbook = await app.WithDbAsync(db => db.Handbooks.AsNoTracking().SingleAsync(h => h.PoolId == world.PoolId));
        Assert.Equal("teilnehmendenhandbuch", handbook.Slug);
        Assert.Equal(HandbookVisibility.Advisors, handbook.Visibility);
        var chapterUrl = $"{manage}/{handbook.Id}/chapters/{await ChapterIdAsync(handbook.Id, 1)}";

        Assert.Equal(HttpStatusCode.Redirect, (await SaveChapterAsync(world.Coordinator, chapterUrl, "Tagessätze", "Erste Zeile\n\nDer Tagessatz beträgt 200 €.\n\nLetzte Zeile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveChapterAsync(world.Coordinator, chapterUrl, "Tagessätze", "Erste Zeile\n\nDer Tagessatz beträgt 250 €.\n\nLetzte Zeile")).StatusCode);

        var versions = await app.WithDbAsync(db => db.HandbookVersions.AsNoTracking().Where(v => v.HandbookId == handbook.Id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal([HandbookChange.Created, HandbookChange.ChapterSaved, HandbookChange.ChapterSaved], versions.Select(v => v.Change));
        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "coord-hb-version@example.org").Select(u => u.Id).SingleAsync());
        Assert.All(versions, v => Assert.Equal(coordinatorId, v.AuthorUserId));

        var history = await world.Coordinator.GetStringAsync($"{manage}/{handbook.Id}/versions?from=2&to=3", Ct);
        Assert.Contains("<del><span class=\"visually-hidden\">entfernt: </span>Der Tagessatz beträgt 200 €.</del>", history);
        Assert.Contains("<ins><span class=\"visually-hidden\">hinzugefügt: </span>Der Tagessatz beträgt 250 €.</ins>", history);
        Assert.Contains("1 Zeilen hinzugefügt, 1 Zeilen entfernt", Html.Text(history));
        Assert.Contains("coord-hb-version@example.org", history);

        var restored = await world.Coordinator.PostFormAsync($"{manage}/{handbook.Id}/versions?handler=Restore", [new("number", "2")], $"{manage}/{handbook.Id}/versions");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Erste Zeile\n\nDer Tagessatz beträgt 200 €.\n\nLetzte Zeile",
            await app.WithDbAsync(db => db.HandbookChapters.Where(c => c.HandbookId == handbook.Id).Select(c => c.Markdown).SingleAsync()));
        var last = await app.WithDbAsync(db => db.HandbookVersions.AsNoTracking().Where(v => v.HandbookId == handbook.Id).OrderByDescending(v => v.Number).FirstAsync());
        Assert.Equal((4, HandbookChange.Restored, "2"), (last.Number, last.Change, last.Subject));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.PoolId == world.PoolId && e.Action.StartsWith("handbook.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["handbook.created", "handbook.chapter.saved", "handbook.chapter.saved", "handbook.restored"], audit);
    }

    [Fact]
    public async Task Chapters_are_added_reordered_and_removed_each_as_a_version()
    {
        var world = await ArrangeAsync("hb-kapitel");
        var handbook = await HandbookAsync(world.PoolId, "kapitel", HandbookVisibility.Public, ("Eins", "a"), ("Zwei", "b"));
        var edit = $"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await world.Coordinator.PostFormAsync($"{edit}?handler=AddChapter", [new("NewChapter.Title", "Drei")], edit)).StatusCode);
        var three = await ChapterIdAsync(handbook.Id, 3);
        Assert.Equal(HttpStatusCode.Redirect, (await world.Coordinator.PostFormAsync($"{edit}?handler=Move", [new("chapterId", three.ToString()), new("up", "true")], edit)).StatusCode);
        var one = await ChapterIdAsync(handbook.Id, 1);
        Assert.Contains("Kapitel „Eins“ entfernen?", Html.Text(await world.Coordinator.GetStringAsync($"{edit}?remove={one}", Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await world.Coordinator.PostFormAsync($"{edit}?handler=Remove", [new("chapterId", one.ToString())], edit)).StatusCode);

        var titles = await app.WithDbAsync(db => db.HandbookChapters.Where(c => c.HandbookId == handbook.Id).OrderBy(c => c.Position).Select(c => c.Title).ToListAsync());
        Assert.Equal(["Drei", "Zwei"], titles);
        var changes = await app.WithDbAsync(db => db.HandbookVersions.Where(v => v.HandbookId == handbook.Id).OrderBy(v => v.Number).Select(v => v.Change).ToListAsync());
        Assert.Equal([HandbookChange.Created, HandbookChange.ChapterAdded, HandbookChange.ChapterMoved, HandbookChange.ChapterRemoved], changes);
        // An empty title is refused with the German message, at the field.
        var refused = await world.Coordinator.PostFormAsync($"{edit}?handler=AddChapter", [new("NewChapter.Title", " ")], edit);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte geben Sie einen Titel für das neue Kapitel ein.", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Moves_posted_at_the_same_time_each_save_or_ask_to_reload_and_the_versions_stay_consecutive()
    {
        var world = await ArrangeAsync("hb-gleichzeitig");
        var handbook = await HandbookAsync(world.PoolId, "gleichzeitig", HandbookVisibility.Public, ("Eins", "a"), ("Zwei", "b"), ("Drei", "c"));
        var edit = $"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}";
        var two = await ChapterIdAsync(handbook.Id, 2);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            world.Coordinator.PostFormAsync($"{edit}?handler=Move", [new("chapterId", two.ToString()), new("up", i % 2 == 0 ? "true" : "false")], edit)));

        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.Redirect) continue;
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("Gleichzeitig hat jemand anderes dieses Handbuch geändert.", Html.Text(await answer.Content.ReadAsStringAsync(Ct)));
        }
        var (revision, numbers) = await app.WithDbAsync(async db => (
            await db.Handbooks.Where(h => h.Id == handbook.Id).Select(h => h.Revision).SingleAsync(),
            await db.HandbookVersions.Where(v => v.HandbookId == handbook.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync()));
        Assert.Equal(Enumerable.Range(1, revision), numbers);
        // A redirect is either a saved move or "nothing changed" (the chapter already first or last).
        Assert.InRange(revision - 1, 1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
    }

    [Fact]
    public async Task Search_finds_a_chapter_by_a_word_but_not_in_a_handbook_the_reader_may_not_see()
    {
        var world = await ArrangeAsync("hb-suche");
        await HandbookAsync(world.PoolId, "suche-offen", HandbookVisibility.Public, ("Einleitung", "Nichts"), ("Abrechnung", "Die Reisekostenpauschale gilt ab Januar."));
        await HandbookAsync(world.PoolId, "suche-intern", HandbookVisibility.Coordinators, ("Intern", "Auch hier steht Reisekostenpauschale."));
        var other = await ArrangeAsync("hb-suche-anderer");
        await HandbookAsync(other.PoolId, "suche-fremd", HandbookVisibility.Public, ("Fremd", "Reisekostenpauschale im anderen Pool."));

        var html = await app.CreateClient().GetStringAsync($"/pool/{world.Slug}/handbooks?q=reisekostenpauschale", Ct);
        var text = Html.Text(html);
        Assert.Contains("1 Kapitel gefunden", text);
        Assert.Contains("Handbuch suche-offen: Abrechnung", text);
        Assert.Contains("Die Reisekostenpauschale gilt ab Januar.", text);
        Assert.Contains("/handbooks/suche-offen#kapitel-2", html);
        Assert.DoesNotContain("Intern", text);
        Assert.DoesNotContain("anderen Pool", text);

        Assert.Contains("2 Kapitel gefunden", Html.Text(await world.Coordinator.GetStringAsync($"/pool/{world.Slug}/handbooks?q=Reisekostenpauschale", Ct)));
        // Wildcards and quotes are text, not SQL.
        Assert.Contains("0 Kapitel gefunden", Html.Text(await app.CreateClient().GetStringAsync($"/pool/{world.Slug}/handbooks?q=%25'%20OR%201=1--", Ct)));
    }

    [Fact]
    public async Task Pdf_of_a_version_has_a_title_page_contents_and_the_chapters_in_order_and_html_export_the_same()
    {
        var world = await ArrangeAsync("hb-pdf");
        var handbook = await HandbookAsync(world.PoolId, "pdf", HandbookVisibility.Public,
            ("Rolle als Berater*in", "Sie begleiten Kommunen.\n\n- Erfahrung einbringen\n- Zuhören"),
            ("Ablauf einer Beratung", "1. Anfrage\n2. Erstgespräch"),
            ("Tagessätze und Abrechnung", "Der Tagessatz beträgt 250 €."));
        var response = await world.Coordinator.GetAsync($"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}/versions?handler=Pdf&number=1", Ct);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(5, pdf.NumberOfPages);
        var title = pdf.GetPage(1).Text;
        Assert.Contains("Handbuch pdf", title);
        Assert.Contains("Pool hb-pdf", title);
        Assert.Contains("Version 1", title);
        var contents = pdf.GetPage(2).Text;
        Assert.Contains("Inhalt", contents);
        Assert.True(contents.IndexOf("1. Rolle als Berater*in", StringComparison.Ordinal) < contents.IndexOf("2. Ablauf einer Beratung", StringComparison.Ordinal));
        Assert.Matches(@"3\. Tagessätze und Abrechnung\s*5", contents);
        var body = string.Join("\n", pdf.GetPages().Skip(2).Select(p => p.Text));
        var order = new[] { "Sie begleiten Kommunen.", "Erfahrung einbringen", "Anfrage", "Erstgespräch", "Der Tagessatz beträgt 250 €." }
            .Select(s => body.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, body));
        Assert.Equal(order.Order(), order);
        Assert.Contains("Der Tagessatz beträgt 250 €.", pdf.GetPage(5).Text);

        var html = await (await world.Coordinator.GetAsync($"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}/versions?handler=Html&number=1", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>Handbuch pdf</h1>", html);
        Assert.Contains("<a href=\"#kapitel-2\">Ablauf einer Beratung</a>", html);
        Assert.Contains("<li>Erstgespräch</li>", html);
        // The readers' download of the current version.
        var current = await app.CreateClient().GetAsync($"/pool/{world.Slug}/handbooks/pdf?handler=Pdf", Ct);
        Assert.Equal("application/pdf", current.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pdf-version-1.pdf", current.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Markdown_with_script_and_html_is_shown_as_text_not_run()
    {
        var world = await ArrangeAsync("hb-xss");
        var handbook = await HandbookAsync(world.PoolId, "xss", HandbookVisibility.Public, ("Kapitel", "x"));
        var chapterUrl = $"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}/chapters/{await ChapterIdAsync(handbook.Id, 1)}";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveChapterAsync(world.Coordinator, chapterUrl, "<b>Titel</b>", "**fett**\n\n<script>alert('x')</script>\n\n[Klick](javascript:alert(1))")).StatusCode);

        var html = await app.CreateClient().GetStringAsync($"/pool/{world.Slug}/handbooks/xss", Ct);
        Assert.Contains("<strong>fett</strong>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<b>Titel</b>", html);
        var export = await world.Coordinator.GetStringAsync($"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}/versions?handler=Html&number=2", Ct);
        Assert.DoesNotContain("<script>alert", export);
        Assert.DoesNotContain("<b>Titel</b>", export);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var world = await ArrangeAsync("hb-token");
        var handbook = await HandbookAsync(world.PoolId, "token", HandbookVisibility.Public, ("Kapitel", "Alt"));
        var chapterUrl = $"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}/chapters/{await ChapterIdAsync(handbook.Id, 1)}";
        var response = await world.Coordinator.PostAsync(chapterUrl, new FormUrlEncodedContent(
            [new("Input.Title", "Kapitel"), new("Input.Markdown", "Neu"), new("Input.BaseRevision", "1")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Alt", await app.WithDbAsync(db => db.HandbookChapters.Where(c => c.HandbookId == handbook.Id).Select(c => c.Markdown).SingleAsync()));
    }

    [Fact]
    public async Task Invalid_or_stale_input_keeps_the_users_text_with_a_German_message()
    {
        var world = await ArrangeAsync("hb-fehler");
        var handbook = await HandbookAsync(world.PoolId, "fehler", HandbookVisibility.Public, ("Kapitel", "Gespeichert"));
        var chapterUrl = $"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}/chapters/{await ChapterIdAsync(handbook.Id, 1)}";

        var missing = await SaveChapterAsync(world.Coordinator, chapterUrl, "", "Mein langer neuer Text");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte geben Sie einen Titel für das Kapitel ein.", Html.Text(html));
        Assert.Contains("Mein langer neuer Text</textarea>", html);
        Assert.Contains("aria-invalid=\"true\"", html);

        // Someone else saved since the form was opened (version 1 → 2): the text typed here is kept, nothing is overwritten.
        var stale = await SaveChapterAsync(world.Coordinator, chapterUrl, "Kapitel", "Mein veralteter Text", baseRevision: 0);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        html = await stale.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Inzwischen hat jemand anderes das Handbuch geändert", Html.Text(html));
        Assert.Contains("Mein veralteter Text</textarea>", html);
        Assert.Equal("Gespeichert", await app.WithDbAsync(db => db.HandbookChapters.Where(c => c.HandbookId == handbook.Id).Select(c => c.Markdown).SingleAsync()));

        var taken = await world.Coordinator.PostFormAsync($"/manage/pools/{world.PoolId}/handbooks",
            [new("Input.Title", "Zweites"), new("Input.Kind", "Other"), new("Input.Slug", "fehler"), new("Input.Visibility", "Public")]);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        html = await taken.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Die Adresse „fehler“ ist in diesem Pool schon vergeben.", Html.Text(html));
        Assert.Contains("value=\"Zweites\"", html);
    }

    [Fact]
    public async Task Forms_posted_empty_show_the_messages_and_change_nothing()
    {
        var world = await ArrangeAsync("hb-leer");
        var handbook = await HandbookAsync(world.PoolId, "leer", HandbookVisibility.Public, ("Kapitel", "Text"));
        var edit = $"/manage/pools/{world.PoolId}/handbooks/{handbook.Id}";
        foreach (var url in new[] { $"{edit}?handler=AddChapter", $"{edit}?handler=Settings", $"{edit}?handler=Move", $"{edit}?handler=Remove",
                     $"/manage/pools/{world.PoolId}/handbooks", $"{edit}/chapters/{await ChapterIdAsync(handbook.Id, 1)}", $"{edit}/versions?handler=Restore" })
        {
            var response = await world.Coordinator.PostFormAsync(url, [], edit);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.HandbookVersions.CountAsync(v => v.HandbookId == handbook.Id)));
    }

    [Fact]
    public async Task The_pools_self_description_is_a_public_handbook_shown_on_the_home_page()
    {
        var world = await ArrangeAsync("hb-profil");
        var created = await world.Coordinator.PostFormAsync($"/manage/pools/{world.PoolId}/handbooks",
            [new("Input.Title", "Wer wir sind"), new("Input.Kind", "Profile"), new("Input.Slug", ""), new("Input.Visibility", "Coordinators")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var profile = await app.WithDbAsync(db => db.Handbooks.AsNoTracking().SingleAsync(h => h.PoolId == world.PoolId));
        Assert.Equal((Handbook.ProfileSlug, HandbookVisibility.Public), (profile.Slug, profile.Visibility));
        var chapterUrl = $"/manage/pools/{world.PoolId}/handbooks/{profile.Id}/chapters/{await ChapterIdAsync(profile.Id, 1)}";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveChapterAsync(world.Coordinator, chapterUrl, markdown: "Wir beraten **Kommunen** im Dialog.")).StatusCode);

        var home = await app.CreateClient().GetStringAsync($"/pool/{world.Slug}/", Ct);
        Assert.Contains("Wer sind wir, was genau bieten wir an?", Html.Text(home));
        Assert.Contains("Wir beraten <strong>Kommunen</strong> im Dialog.", home);
        Assert.Contains("Wir beraten Kommunen im Dialog.", Html.Text(await app.CreateClient().GetStringAsync($"/pool/{world.Slug}/handbooks/profil", Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.HandbookVersions.CountAsync(v => v.HandbookId == profile.Id)));
    }
}

/// <summary>The line diff on its own.</summary>
public sealed class HandbookDiffTests
{
    [Fact]
    public void Changed_line_shows_as_removed_and_added_with_context_and_gaps()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"Zeile {i}"));
        var after = before.Replace("Zeile 10", "Zeile zehn", StringComparison.Ordinal);
        var diff = HandbookDiff.Compare(before, after, context: 1);
        Assert.Equal(
        [
            new DiffLine(DiffKind.Gap, "", 8), new DiffLine(DiffKind.Same, "Zeile 9"), new DiffLine(DiffKind.Removed, "Zeile 10"),
            new DiffLine(DiffKind.Added, "Zeile zehn"), new DiffLine(DiffKind.Same, "Zeile 11"), new DiffLine(DiffKind.Gap, "", 9),
        ], diff);
    }

    [Fact]
    public void Same_text_has_no_lines() => Assert.Empty(HandbookDiff.Compare("a\nb", "a\nb"));
}

/// <summary>The demo's first pool ships its handbooks.</summary>
public sealed class DemoHandbookTests(DemoApp app)
{
    [Fact]
    public async Task Demo_pool_has_a_public_transfer_handbook_an_advisors_participant_handbook_with_two_versions_and_a_profile()
    {
        var ct = TestContext.Current.CancellationToken;
        var list = Html.Text(await app.CreateClient().GetStringAsync("/handbooks", ct));
        Assert.Contains("Transferhandbuch", list);
        Assert.DoesNotContain("Teilnehmendenhandbuch", list);
        Assert.Contains("Wer sind wir, was genau bieten wir an?", Html.Text(await app.CreateClient().GetStringAsync("/", ct)));
        var participant = await app.WithDbAsync(db => db.Handbooks.AsNoTracking().Include(h => h.Chapters).Include(h => h.Versions)
            .SingleAsync(h => h.Slug == "teilnehmendenhandbuch"));
        Assert.Equal(HandbookVisibility.Advisors, participant.Visibility);
        Assert.InRange(participant.Chapters.Count, 3, 5);
        Assert.Equal(2, participant.Versions.Count);
        Assert.Contains(HandbookDiff.Compare(HandbookSnapshot.Of(participant.Versions.Single(v => v.Number == 1)).ToText(),
            HandbookSnapshot.Of(participant.Versions.Single(v => v.Number == 2)).ToText()), l => l.Kind == DiffKind.Added);
    }
}
