using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Pools.Manage;

/// <summary>A pool's topics (Themenfelder): add, rename in three languages, reorder, delete after confirmation.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class TopicsModel(AppDbContext db, PoolAccess access, DataVersions versions, IStringLocalizer<TopicsModel> text) : PageModel
{
    public sealed record Row(int Id, string Slug, string NameDe, string? NameEn, string? NameFr, int Advisors);

    [BindProperty] public TopicInput Input { get; set; } = new();
    public string PoolName { get; private set; } = "";
    public IReadOnlyList<Row> Topics { get; private set; } = [];
    /// <summary>The topic being renamed (?edit=), or null when the form adds a new one.</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    /// <summary>The topic awaiting delete confirmation (?delete=).</summary>
    [BindProperty(SupportsGet = true)] public int? Delete { get; set; }
    public Row? Deleting => Topics.FirstOrDefault(t => t.Id == Delete);

    public sealed class TopicInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den deutschen Namen an.")]
        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string NameDe { get; set; } = "";

        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string? NameEn { get; set; }

        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string? NameFr { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Topics.FirstOrDefault(t => t.Id == Edit) is { } editing)
            Input = new TopicInput { NameDe = editing.NameDe, NameEn = editing.NameEn, NameFr = editing.NameFr };
        else Edit = null;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var topic = Edit is null ? null : await db.Topics.FirstOrDefaultAsync(t => t.Id == Edit && t.PoolId == id, ct);
        if (Edit is not null && topic is null) return NotFound();
        var nameDe = Input.NameDe?.Trim() ?? "";
        if (ModelState.IsValid && await db.Topics.AnyAsync(t => t.PoolId == id && t.Id != (Edit ?? 0) && t.NameDe == nameDe, ct))
            ModelState.AddModelError("Input.NameDe", text["Dieses Themenfeld gibt es in diesem Pool schon."]);
        if (!ModelState.IsValid) return Page();

        if (topic is null)
        {
            var slug = await SlugText.UniqueAsync(nameDe, s => db.Topics.AnyAsync(t => t.PoolId == id && t.Slug == s, ct));
            var order = (await db.Topics.Where(t => t.PoolId == id).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10;
            topic = new Topic { PoolId = id, Slug = slug, NameDe = nameDe, SortOrder = order };
            db.Topics.Add(topic);
            db.Audit("pool.topic.added", $"pool:{id}", access.UserId, id, nameDe);
        }
        else if (topic.NameDe != nameDe || topic.NameEn != Clean(Input.NameEn) || topic.NameFr != Clean(Input.NameFr))
        {
            db.Audit("pool.topic.renamed", $"pool:{id}", access.UserId, id,
                $"{topic.NameDe} / {topic.NameEn} / {topic.NameFr} → {nameDe} / {Clean(Input.NameEn)} / {Clean(Input.NameFr)}");
        }
        topic.NameDe = nameDe;
        topic.NameEn = Clean(Input.NameEn);
        topic.NameFr = Clean(Input.NameFr);
        await versions.SaveChangesAsync(db, DataVersions.Pool(id), ct);
        TempData[StatusMessage.Key] = text["Das Themenfeld „{0}“ ist gespeichert.", nameDe].Value;
        return RedirectToPage(new { id, edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int topicId, bool up, CancellationToken ct)
    {
        if (!await access.CanManageAsync(id, ct)) return NotFound();
        var topics = await db.Topics.Where(t => t.PoolId == id).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var i = topics.FindIndex(t => t.Id == topicId);
        if (i < 0) return NotFound();
        var j = up ? i - 1 : i + 1;
        if (j >= 0 && j < topics.Count)
        {
            (topics[i], topics[j]) = (topics[j], topics[i]);
            for (var k = 0; k < topics.Count; k++) topics[k].SortOrder = (k + 1) * 10;
            db.Audit("pool.topic.moved", $"pool:{id}", access.UserId, id, $"{topics[j].NameDe} {(up ? "up" : "down")}");
            await versions.SaveChangesAsync(db, DataVersions.Pool(id), ct);
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int topicId, CancellationToken ct)
    {
        if (!await access.CanManageAsync(id, ct)) return NotFound();
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == topicId && t.PoolId == id, ct);
        if (topic is null) return NotFound();
        var affected = await db.AdvisorTopics.CountAsync(a => a.TopicId == topicId, ct);
        db.Topics.Remove(topic);
        db.Audit("pool.topic.deleted", $"pool:{id}", access.UserId, id, $"{topic.NameDe}; removed from {affected} advisor profiles");
        await versions.SaveChangesAsync(db, DataVersions.Pool(id), ct);
        TempData[StatusMessage.Key] = text["Das Themenfeld „{0}“ ist gelöscht.", topic.NameDe].Value;
        return RedirectToPage(new { id, delete = (int?)null });
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        // Another pool's topics answer 404: a coordinator must not even learn that the pool exists.
        if (!await access.CanManageAsync(id, ct)) return false;
        var name = await db.Pools.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        PoolName = name;
        Topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == id).OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new Row(t.Id, t.Slug, t.NameDe, t.NameEn, t.NameFr, db.AdvisorTopics.Count(a => a.TopicId == t.Id)))
            .ToListAsync(ct);
        return true;
    }
}
