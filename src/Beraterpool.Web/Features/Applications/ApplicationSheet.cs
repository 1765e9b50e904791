using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>An application as a list of labelled answers and its files, as the office or a reviewer reads it.</summary>
public sealed record ApplicationSheetView(IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<(string Label, int FileId, string Name)> Files, bool Blind);

/// <summary>
/// Writes an application for reading. For a blind review it leaves out everything the programme hides from reviewers
/// (name, contact data that names the person, age, gender, countries of origin) and the files, which may show them.
/// </summary>
public sealed class ApplicationSheet(AppDbContext db, IStringLocalizer<ApplicationSheet> text)
{
    public async Task<ApplicationSheetView> BuildAsync(Application a, IReadOnlyList<CallQuestion> questions, bool blind, CancellationToken ct)
    {
        var culture = WebUi.CurrentCulture;
        var facts = new List<(string, string)>();
        void Add(string label, string? value) { if (!string.IsNullOrWhiteSpace(value)) facts.Add((text[label], value)); }
        if (!blind)
        {
            Add("Name", a.FullName);
            Add("E-Mail-Adresse", a.Email);
            Add("Telefon", a.Phone);
            Add("Geschlecht", a.Gender switch { Gender.Female => text["weiblich"].Value, Gender.Male => text["männlich"].Value, Gender.Diverse => text["divers"].Value, _ => null });
            Add("Geburtsjahr", a.BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("Herkunftsländer", string.Join(", ", Application.Split(a.CountryCodes).Select(c => Countries.All.FirstOrDefault(x => x.Code == c)?.Name(culture) ?? c)));
        }
        if (a.CityKey is { } key)
            Add("Wohnort", await db.Municipalities.Where(m => m.OfficialKey == key).Select(m => m.ShortName).FirstOrDefaultAsync(ct));
        Add("Sprachen", string.Join(", ", Application.Split(a.Languages).Select(c => Languages.All.FirstOrDefault(x => x.Code == c)?.Name(culture) ?? c)));
        var topicIds = Application.Split(a.TopicIds).Select(t => int.TryParse(t, out var n) ? n : 0).ToList();
        if (topicIds.Count > 0)
        {
            var topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == a.PoolId && topicIds.Contains(t.Id)).OrderBy(t => t.SortOrder).ToListAsync(ct);
            Add("Themenfelder", string.Join(", ", topics.Select(t => t.Name(culture))));
        }
        Add("Motivation", a.Motivation);
        Add("Erfahrung", a.Experience);
        foreach (var q in questions.Where(q => q.Kind != QuestionKind.FileUpload))
        {
            var value = a.Answers.FirstOrDefault(x => x.QuestionId == q.Id)?.Value;
            facts.Add((q.Prompt, q.Kind == QuestionKind.YesNo ? value switch { "ja" => text["Ja"], "nein" => text["Nein"], _ => "–" } : value ?? "–"));
        }
        IReadOnlyList<(string, int, string)> files = [];
        if (!blind)
        {
            var rows = await db.ApplicationFiles.AsNoTracking().Where(f => f.ApplicationId == a.Id).OrderBy(f => f.QuestionId).ThenBy(f => f.Id)
                .Select(f => new { f.Id, f.QuestionId, f.FileName }).ToListAsync(ct);
            files = rows.Select(f => (f.QuestionId is { } qid ? questions.FirstOrDefault(q => q.Id == qid)?.Prompt ?? text["Datei"] : text["Lebenslauf"].Value, f.Id, f.FileName)).ToList();
        }
        return new ApplicationSheetView(facts, files, blind);
    }

    /// <summary>A file of the application, for a reader who may see it.</summary>
    public Task<ApplicationFile?> FileAsync(int applicationId, int fileId, CancellationToken ct) =>
        db.ApplicationFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == applicationId, ct);
}
