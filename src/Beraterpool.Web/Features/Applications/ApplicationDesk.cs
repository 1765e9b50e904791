using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Applications;

/// <summary>Receives applications, keeps uploads of a form not yet sent, and finds an application by its personal link.</summary>
public sealed class ApplicationDesk(AppDbContext db, TimeProvider time, Mailer mailer, PoolCatalog pools)
{
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromDays(1);

    public static string NewToken() => ConsultationRequests.NewTrackingToken();
    public static string Hash(string token) => ConsultationRequests.HashToken(token);

    public enum FileProblem { None, Empty, TooLarge, NotPdf }

    /// <summary>A PDF of at most 5 MB, decided by its content (<c>%PDF-</c>), not by its name.</summary>
    public static async Task<(byte[]? Content, FileProblem Problem)> ReadPdfAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0) return (null, FileProblem.Empty);
        if (file.Length > ApplicationFile.MaxBytes) return (null, FileProblem.TooLarge);
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        return bytes.AsSpan().StartsWith("%PDF-"u8) ? (bytes, FileProblem.None) : (null, FileProblem.NotPdf);
    }

    /// <summary>Keeps an upload of a form that is not yet sent; returns the secret the form carries.</summary>
    public async Task<string> KeepPendingAsync(byte[] content, string fileName, int? questionId, CancellationToken ct)
    {
        var token = NewToken();
        db.ApplicationFiles.Add(new ApplicationFile
        {
            QuestionId = questionId, PendingTokenHash = Hash(token), FileName = Engagements.DocumentUpload.SafeName(fileName),
            ContentType = "application/pdf", Size = content.Length, Content = content, UploadedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The name of a pending upload, or null when the secret names none (or it expired).</summary>
    public async Task<string?> PendingNameAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        return await db.ApplicationFiles.AsNoTracking().Where(f => f.PendingTokenHash == hash && f.ApplicationId == null)
            .Select(f => f.FileName).FirstOrDefaultAsync(ct);
    }

    public async Task<Application?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        return await db.Applications.AsNoTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.TokenHash == hash, ct);
    }

    /// <summary>
    /// Saves a new application, or the changes to one (<paramref name="existingId"/>), if the call is still open at this
    /// moment; attaches the pending uploads. Returns the personal link's secret (new applications) or "" (changes), or
    /// null when the deadline passed.
    /// </summary>
    public async Task<string?> SaveAsync(Call call, int? existingId, ApplicationInput input, IReadOnlyList<CallQuestion> questions, string culture, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!call.IsOpen(now)) return null;
        Application a;
        string? token = null;
        if (existingId is { } id)
            a = await db.Applications.Include(x => x.Answers).SingleAsync(x => x.Id == id, ct);
        else
        {
            token = NewToken();
            a = new Application
            {
                CallId = call.Id, PoolId = call.PoolId, FirstName = "", LastName = "", Email = "", Motivation = "", TokenHash = Hash(token),
                SubmittedAt = now, Culture = culture,
            };
            db.Applications.Add(a);
        }
        a.FirstName = input.FirstName!.Trim();
        a.LastName = input.LastName!.Trim();
        a.Email = input.Email!.Trim();
        a.Phone = Clean(input.Phone);
        a.CityKey = Clean(input.CityKey);
        a.Gender = input.Gender;
        a.BirthYear = input.BirthYear;
        a.Languages = Join(input.LanguageCodes);
        a.CountryCodes = input.CountriesConsent ? Join(input.CountryCodes) : null;
        a.CountriesConsentAt = input.CountriesConsent && input.CountryCodes.Count > 0 ? a.CountriesConsentAt ?? now : null;
        a.TopicIds = Join(input.TopicIds.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        a.Motivation = input.Motivation!.Trim();
        a.Experience = Clean(input.Experience);
        a.UpdatedAt = now;
        foreach (var q in questions.Where(q => q.Kind != QuestionKind.FileUpload))
        {
            var value = AnswerValue(q, input.Answers.FirstOrDefault(x => x.QuestionId == q.Id));
            var existing = a.Answers.FirstOrDefault(x => x.QuestionId == q.Id);
            if (existing is null) a.Answers.Add(new ApplicationAnswer { QuestionId = q.Id, Value = value });
            else existing.Value = value;
        }
        await db.SaveChangesAsync(ct);

        await AttachAsync(a.Id, null, input.CvToken, ct);
        foreach (var q in questions.Where(q => q.Kind == QuestionKind.FileUpload))
            await AttachAsync(a.Id, q.Id, input.Answers.FirstOrDefault(x => x.QuestionId == q.Id)?.FileToken, ct);

        if (token is not null)
        {
            var pool = await pools.FindAsync(call.PoolId, ct);
            await mailer.SendAsync(ApplicationMails.Received, new MailRecipient(a.Email, a.FullName, culture),
                new ApplicationMailModel(a.FullName, call.Title, call.ClosesAt, pool?.Name ?? "", token), pool);
        }
        return token ?? "";
    }

    /// <summary>A pending upload replaces the application's file for the same question (or CV).</summary>
    private async Task AttachAsync(int applicationId, int? questionId, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return;
        var hash = Hash(token);
        var pending = await db.ApplicationFiles.FirstOrDefaultAsync(f => f.PendingTokenHash == hash && f.ApplicationId == null, ct);
        if (pending is null) return;
        await db.ApplicationFiles.Where(f => f.ApplicationId == applicationId && f.QuestionId == questionId).ExecuteDeleteAsync(ct);
        (pending.ApplicationId, pending.QuestionId, pending.PendingTokenHash) = (applicationId, questionId, null);
        await db.SaveChangesAsync(ct);
    }

    public static string? AnswerValue(CallQuestion q, AnswerInput? answer) => q.Kind switch
    {
        QuestionKind.MultipleChoice => Clean(string.Join('\n', (answer?.Choices ?? []).Where(c => q.OptionList.Contains(c)))),
        QuestionKind.SingleChoice => q.OptionList.Contains(answer?.Text ?? "") ? answer!.Text : null,
        QuestionKind.YesNo => answer?.Text is "ja" or "nein" ? answer.Text : null,
        _ => Clean(answer?.Text),
    };

    /// <summary>The answers as plain text, for the applicant's own copy when the deadline passed while they were typing.</summary>
    public static string Copy(Call call, ApplicationInput input, IReadOnlyList<CallQuestion> questions, Func<string, string> t)
    {
        var s = new StringBuilder();
        s.AppendLine(call.Title).AppendLine();
        void Line(string label, string? value) { if (!string.IsNullOrWhiteSpace(value)) s.AppendLine($"{t(label)}: {value.Trim()}"); }
        Line("Vorname", input.FirstName);
        Line("Nachname", input.LastName);
        Line("E-Mail-Adresse", input.Email);
        Line("Telefon", input.Phone);
        Line("Wohnort", input.CityQuery);
        Line("Sprachen", string.Join(", ", input.LanguageCodes.Select(c => Shared.Reference.Languages.All.FirstOrDefault(l => l.Code == c)?.De ?? c)));
        s.AppendLine().AppendLine(t("Motivation")).AppendLine(input.Motivation?.Trim()).AppendLine();
        if (!string.IsNullOrWhiteSpace(input.Experience)) s.AppendLine(t("Erfahrung")).AppendLine(input.Experience.Trim()).AppendLine();
        foreach (var q in questions.Where(q => q.Kind != QuestionKind.FileUpload))
        {
            var value = AnswerValue(q, input.Answers.FirstOrDefault(x => x.QuestionId == q.Id));
            if (value is not null) s.AppendLine(q.Prompt).AppendLine(value).AppendLine();
        }
        return s.ToString();
    }

    /// <summary>Removes uploads of forms that were never sent.</summary>
    public async Task<int> PurgePendingAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - PendingLifetime;
        return await db.ApplicationFiles.Where(f => f.ApplicationId == null && f.UploadedAt < before).ExecuteDeleteAsync(ct);
    }

    private static string? Join(IEnumerable<string> values)
    {
        var list = values.Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 10).Distinct().Take(30).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
