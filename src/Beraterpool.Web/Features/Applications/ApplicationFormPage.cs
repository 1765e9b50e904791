using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// The application form, for a new application and for changes through the personal link. A form that comes back with
/// a message keeps every answer and the uploaded files (kept on the server, named by secrets in hidden fields); a
/// form sent after the deadline saves nothing and offers the answers as a text file.
/// </summary>
public abstract class ApplicationFormPage(AppDbContext db, ApplicationDesk desk, ProfileEditor places, TimeProvider time, IStringLocalizer text) : PageModel
{
    protected AppDbContext Db => db;
    protected ApplicationDesk Desk => desk;
    protected TimeProvider Time => time;

    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public Call Call { get; protected set; } = null!;
    public IReadOnlyList<CallQuestion> Questions { get; protected set; } = [];
    public IReadOnlyList<(int Id, string Name)> Topics { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label)> CityMatches { get; private set; } = [];
    public bool CitySearched { get; private set; }
    /// <summary>The pool's retention period for declined applications, which the form states.</summary>
    public int RetentionMonths { get; private set; } = 6;
    public string? CvName { get; protected set; }
    public Dictionary<int, string> FileNames { get; } = [];
    /// <summary>Set when the deadline passed while the person was typing: the answers as text, to download.</summary>
    public string? LateCopy { get; private set; }
    public bool IsOpen => Call.IsOpen(time.GetUtcNow());
    /// <summary>A new application needs a CV; changes keep the one already sent.</summary>
    protected abstract bool HasCv { get; }
    protected abstract int? ExistingId { get; }

    protected async Task LoadCallAsync(Call call, CancellationToken ct)
    {
        Call = call;
        Questions = call.Questions.OrderBy(q => q.Position).ToList();
        RetentionMonths = await db.Pools.Where(p => p.Id == call.PoolId).Select(p => p.ApplicationRetentionMonths).FirstOrDefaultAsync(ct);
        var culture = WebUi.CurrentCulture;
        Topics = (await db.Topics.AsNoTracking().Where(t => t.PoolId == call.PoolId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct))
            .Select(t => (t.Id, t.Name(culture))).ToList();
        foreach (var q in Questions.Where(q => !Input.Answers.Any(a => a.QuestionId == q.Id)))
            Input.Answers.Add(new AnswerInput { QuestionId = q.Id });
        Input.Answers = Questions.Select(q => Input.Answers.First(a => a.QuestionId == q.Id)).ToList();
        if (!string.IsNullOrEmpty(Input.CityKey) && CityMatches.Count == 0)
        {
            var key = Input.CityKey;
            var name = await db.Municipalities.Where(m => m.OfficialKey == key).Select(m => m.ShortName).FirstOrDefaultAsync(ct);
            if (name is not null) CityMatches = [(key, name)];
        }
    }

    /// <summary>Finds places for the typed city; everything else stays as typed.</summary>
    protected async Task SearchCityAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CityMatches = await places.SearchCitiesAsync(Input.CityQuery, ct);
        CitySearched = true;
        await KeepFilesAsync(ct);
    }

    /// <summary>Checks and saves. Returns the personal link's secret for a new application, "" for saved changes, null when the form comes back.</summary>
    protected async Task<string?> SubmitAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Website)) { ModelState.AddModelError("", text["Bitte versuchen Sie es noch einmal."]); return null; }
        await KeepFilesAsync(ct);
        if (!IsOpen) return Late();

        if (!Enum.IsDefined(Input.Gender)) ModelState.AddModelError("Input.Gender", text["Bitte wählen Sie eine Angabe aus der Liste."]);
        var year = time.GetUtcNow().Year;
        if (Input.BirthYear is { } by && (by < ProfileInput.EarliestBirthYear || by > year - ProfileInput.MinimumAge))
            ModelState.AddModelError("Input.BirthYear", text["Bitte geben Sie ein Geburtsjahr zwischen {0} und {1} an.", ProfileInput.EarliestBirthYear, year - ProfileInput.MinimumAge]);
        if (!string.IsNullOrEmpty(Input.CityKey) && !await db.Municipalities.AnyAsync(m => m.OfficialKey == Input.CityKey, ct))
            ModelState.AddModelError("Input.CityKey", text["Bitte wählen Sie einen Ort aus der Liste."]);
        if (Input.LanguageCodes.Any(c => Shared.Reference.Languages.All.All(l => l.Code != c)))
            ModelState.AddModelError("Input.LanguageCodes", text["Bitte wählen Sie Sprachen aus der Liste."]);
        if (Input.CountryCodes.Any(c => Shared.Reference.Countries.All.All(l => l.Code != c)))
            ModelState.AddModelError("Input.CountryCodes", text["Bitte wählen Sie Länder aus der Liste."]);
        else if (Input.CountryCodes.Count > 0 && !Input.CountriesConsent)
            ModelState.AddModelError("Input.CountriesConsent", text["Ihre Herkunftsländer speichern wir nur mit Ihrer ausdrücklichen Einwilligung. Bitte willigen Sie ein oder entfernen Sie die Auswahl."]);
        if (Input.TopicIds.Any(t => Topics.All(x => x.Id != t)))
            ModelState.AddModelError("Input.TopicIds", text["Bitte wählen Sie Themenfelder aus der Liste."]);
        if (!HasCv && CvName is null && !ModelState.ContainsKey("Input.Cv"))
            ModelState.AddModelError("Input.Cv", text["Bitte laden Sie Ihren Lebenslauf als PDF hoch."]);
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            var a = Input.Answers[i];
            var key = q.Kind == QuestionKind.FileUpload ? $"Input.Answers[{i}].File"
                : q.Kind == QuestionKind.MultipleChoice ? $"Input.Answers[{i}].Choices" : $"Input.Answers[{i}].Text";
            var answered = q.Kind == QuestionKind.FileUpload
                ? FileNames.ContainsKey(q.Id) || (ExistingId is { } id && await db.ApplicationFiles.AnyAsync(f => f.ApplicationId == id && f.QuestionId == q.Id, ct))
                : ApplicationDesk.AnswerValue(q, a) is not null;
            if (q.IsRequired && !answered && !ModelState.ContainsKey(key))
                ModelState.AddModelError(key, text["Bitte beantworten Sie diese Frage."]);
        }
        if (!Input.Consent)
            ModelState.AddModelError("Input.Consent", text["Bitte stimmen Sie zu, dass wir Ihre Angaben für das Auswahlverfahren verarbeiten."]);
        if (!ModelState.IsValid) return null;

        var saved = await desk.SaveAsync(Call, ExistingId, Input, Questions, WebUi.CurrentCulture, ct);
        return saved ?? Late();
    }

    private string? Late()
    {
        ModelState.Clear();
        ModelState.AddModelError("", text["Die Bewerbungsfrist ist am {0} Uhr abgelaufen, während Sie das Formular ausgefüllt haben. Ihre Angaben wurden nicht gespeichert; unten können Sie sie als Textdatei herunterladen.",
            ProgrammeTime.ToLocal(Call.ClosesAt).ToString("g")]);
        LateCopy = ApplicationDesk.Copy(Call, Input, Questions, s => text[s]);
        return null;
    }

    /// <summary>The applicant's own copy of what they typed, as a text file.</summary>
    public IActionResult OnPostCopy([FromForm] string? copy) =>
        File(System.Text.Encoding.UTF8.GetBytes((copy ?? "").Length > 100_000 ? copy![..100_000] : copy ?? ""), "text/plain; charset=utf-8", "bewerbung.txt");

    /// <summary>New uploads are checked and kept; earlier ones are named again so nothing is lost on re-display.</summary>
    private async Task KeepFilesAsync(CancellationToken ct)
    {
        if (Input.Cv is { } cv)
        {
            var (content, problem) = await ApplicationDesk.ReadPdfAsync(cv, ct);
            if (content is not null) Input.CvToken = await desk.KeepPendingAsync(content, cv.FileName, null, ct);
            else ModelState.AddModelError("Input.Cv", Problem(problem));
        }
        CvName = await desk.PendingNameAsync(Input.CvToken, ct) ?? CvName;
        if (CvName is null) Input.CvToken = null;
        for (var i = 0; i < Questions.Count; i++)
        {
            var (q, a) = (Questions[i], Input.Answers[i]);
            if (q.Kind != QuestionKind.FileUpload) continue;
            if (a.File is { } f)
            {
                var (content, problem) = await ApplicationDesk.ReadPdfAsync(f, ct);
                if (content is not null) a.FileToken = await desk.KeepPendingAsync(content, f.FileName, q.Id, ct);
                else ModelState.AddModelError($"Input.Answers[{i}].File", Problem(problem));
            }
            if (await desk.PendingNameAsync(a.FileToken, ct) is { } name) FileNames[q.Id] = name;
            else a.FileToken = null;
        }
    }

    private string Problem(ApplicationDesk.FileProblem p) => p switch
    {
        ApplicationDesk.FileProblem.Empty => text["Die Datei ist leer."],
        ApplicationDesk.FileProblem.TooLarge => text["Die Datei ist größer als 5 MB."],
        _ => text["Die Datei ist kein PDF. Bitte laden Sie eine PDF-Datei hoch (höchstens 5 MB)."],
    };
}
