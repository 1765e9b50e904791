using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Interviews.Manage;

public sealed record FilterChoice(string Value, string Label);

/// <summary>Every question of a guide version with the answers of its finished interviews side by side, filtered by state, district or size class; CSV/XLSX.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class CompareModel(AppDbContext db, PoolAccess access, InterviewComparison comparison, IStringLocalizer<CompareModel> text) : PageModel
{
    public InterviewGuide Guide { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public SizeClass? Size { get; set; }
    public IReadOnlyList<FilterChoice> States { get; private set; } = [];
    public IReadOnlyList<FilterChoice> Districts { get; private set; } = [];
    public IReadOnlyList<ComparedInterview> Interviews { get; private set; } = [];
    public IReadOnlyList<QuestionComparison> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var guide = await db.InterviewGuides.AsNoTracking().Include(g => g.Questions).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (guide is null || !await access.CanManageAsync(guide.PoolId, ct)) return NotFound();
        guide.Questions = guide.Questions.OrderBy(q => q.Position).ToList();
        Guide = guide;
        if (Size is { } s && !Enum.IsDefined(s)) Size = null;
        var all = await comparison.InterviewsAsync(id, new ComparisonFilter(), ct);
        States = all.Select(i => new FilterChoice(i.StateCode, i.State)).Distinct().OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        Districts = all.Where(i => string.IsNullOrEmpty(State) || i.StateCode == State)
            .Select(i => new FilterChoice(i.DistrictKey, i.District)).Distinct().OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        Interviews = await comparison.InterviewsAsync(id, new ComparisonFilter(State, District, Size), ct);
        Questions = InterviewComparison.Compare(guide.Questions, Interviews);
        return format switch
        {
            "csv" => File(TableExport.Csv(Headers(), Rows()), TableExport.CsvType, FileName("csv")),
            "xlsx" => File(TableExport.Xlsx("Interviews", Headers(), Rows()), TableExport.XlsxType, FileName("xlsx")),
            _ => Page(),
        };
    }

    public Chart ChartOf(QuestionComparison q) => new($"chart-{q.Question.Id}", $"{q.Question.Position}. {q.Question.Text}",
        text["{0} von {1} Interviews haben geantwortet; am häufigsten: {2}.", q.Answered, Interviews.Count,
            q.Counts.Count == 0 || q.Counts.Max(c => c.Count) == 0 ? "–" : string.Join(", ", q.Counts.Where(c => c.Count == q.Counts.Max(x => x.Count)).Select(c => c.Option))].Value,
        q.Counts.Select(c => new ChartBar(c.Option, c.Count)).ToList(), text["Nennungen"].Value);

    private string FileName(string ext) => $"interviews-{Guide.Id}-v{Guide.Version}.{ext}";

    private List<string> Headers() =>
        ["Kommune", "Gemeindeschlüssel", "Bundesland", "Kreis", "Größenklasse", "Datum", "Funktion der befragten Person",
            .. Guide.Questions.Select(q => $"{q.Position}. {q.Text}")];

    private IEnumerable<IReadOnlyList<ExportCell>> Rows() => Interviews.Select(i => (IReadOnlyList<ExportCell>)
    [
        i.Municipality, i.MunicipalityKey, i.State, i.District, SizeClasses.Of(i.Population) is { } c ? SizeClasses.German(c) : "",
        i.HeldOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), i.IntervieweeFunction,
        .. Guide.Questions.Select(q => (ExportCell)(i.Answers.TryGetValue(q.Id, out var v) ? v.Replace("\n", "; ") : "")),
    ]);
}
