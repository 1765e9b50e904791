using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Privacy.Consents;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Advisors.Editor;

/// <summary>
/// Loads and saves an advisor's <see cref="ProfileInput"/>: the one place that knows how the form maps to
/// the advisor and its join rows, consents included. Who may edit which advisor is decided by the page.
/// </summary>
public sealed class ProfileEditor(TimeProvider time, AppDbContext db, DataVersions versions, IStringLocalizer<ProfileEditor> text)
{
    public const long MaxPhotoBytes = 2 * 1024 * 1024;
    public const int MaxCityMatches = 20;
    private const int BlankPeriodRows = 2;

    public async Task<ProfileInput?> LoadAsync(int advisorId, CancellationToken ct = default)
    {
        var a = await db.Advisors.AsNoTracking().AsSplitQuery()
            .Include(x => x.Countries).Include(x => x.Languages).Include(x => x.Topics).Include(x => x.BlockedPeriods)
            .FirstOrDefaultAsync(x => x.Id == advisorId, ct);
        if (a is null) return null;
        var input = new ProfileInput
        {
            FirstName = a.FirstName, LastName = a.LastName, Gender = a.Gender, GenderSelfDescription = a.GenderSelfDescription,
            BirthYear = a.BirthYear, CityKey = a.CityKey, Expertise = a.Expertise, Bio = a.Bio, DaysPerMonth = a.DaysPerMonth,
            CountryCodes = a.Countries.Select(c => c.CountryCode).Order().ToList(),
            Languages = a.Languages.OrderByDescending(l => l.Level).ThenBy(l => l.LanguageCode)
                .Select(l => new ProfileInput.LanguageRow { Code = l.LanguageCode, Level = l.Level }).ToList(),
            TopicIds = a.Topics.Select(t => t.TopicId).ToList(),
            BlockedPeriods = a.BlockedPeriods.OrderBy(p => p.From)
                .Select(p => new ProfileInput.PeriodRow { Id = p.Id, From = p.From, To = p.To, Note = p.Note }).ToList(),
            Consents = await db.AdvisorConsents.Where(c => c.AdvisorId == advisorId).Select(c => c.Field).ToListAsync(ct),
        };
        if (a.CityKey is not null)
            input.CityQuery = await db.Municipalities.Where(m => m.OfficialKey == a.CityKey).Select(m => m.ShortName).FirstOrDefaultAsync(ct);
        input.EmployerKey = a.EmployerKey;
        if (a.EmployerKey is not null)
            input.EmployerQuery = await db.Municipalities.Where(m => m.OfficialKey == a.EmployerKey).Select(m => m.ShortName).FirstOrDefaultAsync(ct);
        return input;
    }

    /// <summary>Fills what the form shows besides the posted values; call before every render.</summary>
    public async Task PrepareAsync(int advisorId, ProfileInput input, bool forCoordinator, string photoUrl, CancellationToken ct = default)
    {
        var a = await db.Advisors.AsNoTracking().Where(x => x.Id == advisorId).Select(x => new { x.PoolId, x.Email }).FirstAsync(ct);
        var culture = WebUi.CurrentCulture;
        var topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == a.PoolId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var o = input.Options;
        o.ForCoordinator = forCoordinator;
        o.Email = a.Email;
        o.Topics = topics.Select(t => (t.Id, t.Name(culture))).ToList();
        var consents = await db.AdvisorConsents.AsNoTracking().Where(c => c.AdvisorId == advisorId).ToListAsync(ct);
        o.GrantedAt = consents.ToDictionary(c => c.Field, c => c.GrantedAt);
        o.GrantedVia = consents.Where(c => c.GrantedVia is not null).ToDictionary(c => c.Field, c => c.GrantedVia!);
        o.HasPhoto = await db.AdvisorPhotos.AnyAsync(p => p.AdvisorId == advisorId, ct);
        o.PhotoUrl = photoUrl;
        if (o.CityMatches.Count == 0 && !string.IsNullOrEmpty(input.CityKey))
            o.CityMatches = await LabelsAsync(db.Municipalities.Where(m => m.OfficialKey == input.CityKey), ct);
        if (forCoordinator && o.EmployerMatches.Count == 0 && !string.IsNullOrEmpty(input.EmployerKey))
            o.EmployerMatches = await LabelsAsync(db.Municipalities.Where(m => m.OfficialKey == input.EmployerKey), ct);

        // Rows to fill in without JavaScript: at least five language rows, two empty period rows.
        while (input.Languages.Count < ProfileInput.MinLanguageRows || !string.IsNullOrEmpty(input.Languages[^1].Code))
            input.Languages.Add(new ProfileInput.LanguageRow());
        var blanks = input.BlockedPeriods.Count(p => p.Id is null && p.IsBlank);
        for (var i = blanks; i < BlankPeriodRows; i++) input.BlockedPeriods.Add(new ProfileInput.PeriodRow());
    }

    /// <summary>Up to 20 municipalities whose name starts with the text, or whose postcode or key starts with the digits.</summary>
    public async Task<IReadOnlyList<(string Key, string Label)>> SearchCitiesAsync(string? query, CancellationToken ct = default) =>
        await SearchPlacesAsync(query, withDistricts: false, ct);

    /// <summary>As <see cref="SearchCitiesAsync"/>, with districts too: an advisor may work for a district (Kreis).</summary>
    public async Task<IReadOnlyList<(string Key, string Label)>> SearchEmployersAsync(string? query, CancellationToken ct = default) =>
        await SearchPlacesAsync(query, withDistricts: true, ct);

    private async Task<IReadOnlyList<(string Key, string Label)>> SearchPlacesAsync(string? query, bool withDistricts, CancellationToken ct)
    {
        var q = (query ?? "").Trim();
        // No place name is longer; SQLite refuses LIKE patterns of many thousand characters.
        if (q.Length is < 2 or > 100) return [];
        IQueryable<Municipality> matches = db.Municipalities.Where(m => m.Level == MunicipalityLevel.Municipality
                                                                        || (withDistricts && m.Level == MunicipalityLevel.District));
        if (q.All(char.IsAsciiDigit))
            matches = matches.Where(m => (m.PostalCode != null && m.PostalCode.StartsWith(q)) || m.OfficialKey.StartsWith(q));
        else
        {
            var (folded, plain) = Fold(q);
            matches = matches.Where(m => m.SearchName.StartsWith(folded) || m.SearchName.StartsWith(plain) || m.ShortName.StartsWith(q));
        }
        return await LabelsAsync(matches.OrderByDescending(m => m.Population).ThenBy(m => m.ShortName).Take(MaxCityMatches), ct);
    }

    private static async Task<IReadOnlyList<(string Key, string Label)>> LabelsAsync(IQueryable<Municipality> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Select(m => new { m.OfficialKey, m.ShortName, m.PostalCode, m.StateCode }).ToListAsync(ct);
        var states = Pools.Manage.FederalStates.Static.ToDictionary(s => s.Code, s => s.Name);
        return rows.Select(m => (m.OfficialKey,
            $"{m.ShortName} ({(m.PostalCode is null ? "" : m.PostalCode + ", ")}{(states.TryGetValue(m.StateCode, out var s) ? s : m.StateCode)})")).ToList();
    }

    // The register's search name is lower-case with umlauts folded; accept either folding (ä→ae or ä→a).
    private static (string Folded, string Plain) Fold(string s)
    {
        var lower = s.ToLowerInvariant();
        var folded = lower.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var plain = lower.Replace("ä", "a").Replace("ö", "o").Replace("ü", "u").Replace("ß", "ss");
        return (folded, plain);
    }

    /// <summary>
    /// Checks what needs the database (city, topics, photo), then writes the profile, its join rows and its
    /// consents (each grant or withdrawal audited) in one transaction. Returns false with field messages in
    /// <paramref name="modelState"/> under <paramref name="prefix"/> when something is wrong.
    /// </summary>
    public async Task<bool> SaveAsync(int advisorId, ProfileInput input, ModelStateDictionary modelState, string prefix, string? actingUserId,
        CancellationToken ct = default, bool forCoordinator = false)
    {
        var advisor = await db.Advisors.AsSplitQuery()
            .Include(x => x.Countries).Include(x => x.Languages).Include(x => x.Topics).Include(x => x.Consents).Include(x => x.BlockedPeriods)
            .FirstAsync(x => x.Id == advisorId, ct);
        string Key(string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";

        var cityKey = await ResolveCityAsync(input, modelState, Key(nameof(ProfileInput.CityQuery)), ct);
        // The employer only comes from a coordinator's form; the advisor's own form neither shows nor changes it.
        var employerKey = forCoordinator ? await ResolveEmployerAsync(input, modelState, Key(nameof(ProfileInput.EmployerQuery)), ct) : advisor.EmployerKey;
        var poolTopics = await db.Topics.Where(t => t.PoolId == advisor.PoolId).Select(t => t.Id).ToListAsync(ct);
        if (input.TopicIds.Any(t => !poolTopics.Contains(t)))
            modelState.AddModelError(Key(nameof(ProfileInput.TopicIds)), text["Bitte wählen Sie nur Themenfelder aus der Liste."]);
        byte[]? photo = null;
        string? photoType = null;
        if (input.Photo is not null)
        {
            var read = await ImageUpload.ReadAsync(input.Photo, MaxPhotoBytes, ct);
            switch (read.Problem)
            {
                case ImageUpload.Problem.TooLarge: modelState.AddModelError(Key(nameof(ProfileInput.Photo)), text["Das Foto darf höchstens 2 MB groß sein."]); break;
                case ImageUpload.Problem.NotAnImage: modelState.AddModelError(Key(nameof(ProfileInput.Photo)), text["Das Foto muss ein JPEG-, PNG- oder WebP-Bild sein. Andere Dateien (auch umbenannte) nehmen wir nicht an."]); break;
                case ImageUpload.Problem.None: (photo, photoType) = (read.Content, read.ContentType); break;
            }
        }
        if (!modelState.IsValid) return false;

        var now = time.GetUtcNow();
        var subject = $"advisor:{advisor.Id}";
        advisor.FirstName = input.FirstName.Trim();
        advisor.LastName = input.LastName.Trim();
        advisor.Gender = input.Gender;
        advisor.GenderSelfDescription = Clean(input.GenderSelfDescription);
        advisor.BirthYear = input.BirthYear;
        advisor.CityKey = cityKey;
        if (advisor.EmployerKey != employerKey)
            db.Audit("advisor.employer.changed", subject, actingUserId, advisor.PoolId, $"{advisor.EmployerKey ?? "–"} → {employerKey ?? "–"}");
        advisor.EmployerKey = employerKey;
        advisor.Expertise = Clean(input.Expertise);
        advisor.Bio = Clean(input.Bio);
        advisor.DaysPerMonth = input.DaysPerMonth;
        advisor.UpdatedAt = now;

        // Join rows by difference: removing and re-adding the same key in one unit of work would collide.
        var countries = input.CountryCodes.Select(c => c.ToUpperInvariant()).Distinct().ToHashSet();
        advisor.Countries.RemoveAll(c => !countries.Contains(c.CountryCode));
        foreach (var c in countries.Where(c => advisor.Countries.All(x => x.CountryCode != c)))
            advisor.Countries.Add(new AdvisorCountry { AdvisorId = advisor.Id, CountryCode = c });

        var languages = input.Languages.Where(l => !string.IsNullOrEmpty(l.Code)).GroupBy(l => l.Code!).ToDictionary(g => g.Key, g => g.First().Level);
        advisor.Languages.RemoveAll(l => !languages.ContainsKey(l.LanguageCode));
        foreach (var (code, level) in languages)
        {
            var existing = advisor.Languages.FirstOrDefault(l => l.LanguageCode == code);
            if (existing is null) advisor.Languages.Add(new AdvisorLanguage { AdvisorId = advisor.Id, LanguageCode = code, Level = level });
            else existing.Level = level;
        }

        var topics = input.TopicIds.ToHashSet();
        advisor.Topics.RemoveAll(t => !topics.Contains(t.TopicId));
        foreach (var t in topics.Where(t => advisor.Topics.All(x => x.TopicId != t)))
            advisor.Topics.Add(new AdvisorTopic { AdvisorId = advisor.Id, TopicId = t });

        foreach (var row in input.BlockedPeriods)
        {
            var existing = row.Id is null ? null : advisor.BlockedPeriods.FirstOrDefault(p => p.Id == row.Id);
            if (existing is not null && (row.Remove || row.IsBlank)) advisor.BlockedPeriods.Remove(existing);
            else if (existing is not null) (existing.From, existing.To, existing.Note) = (row.From!.Value, row.To!.Value, Clean(row.Note));
            else if (row.Id is null && !row.Remove && !row.IsBlank)
                advisor.BlockedPeriods.Add(new BlockedPeriod { AdvisorId = advisor.Id, From = row.From!.Value, To = row.To!.Value, Note = Clean(row.Note) });
        }

        // A consent row is the current state: a grant keeps its first date, way and person, a withdrawal deletes it;
        // every grant and withdrawal is also kept in the consent history, saved together with the change.
        var wanted = input.Consents.Where(Enum.IsDefined).ToHashSet();
        // Art. 9 data (countries of origin) needs the person's own explicit consent: only the advisor's form gives or
        // withdraws it; whatever a coordinator's form posts, it stays as it is.
        if (forCoordinator)
        {
            wanted.Remove(ConsentField.CountriesOfOrigin);
            if (advisor.Consents.Any(c => c.Field == ConsentField.CountriesOfOrigin)) wanted.Add(ConsentField.CountriesOfOrigin);
        }
        var via = forCoordinator ? ConsentWays.Office : ConsentWays.SelfService;
        foreach (var withdrawn in advisor.Consents.Where(c => !wanted.Contains(c.Field)).ToList())
        {
            advisor.Consents.Remove(withdrawn);
            db.RecordAdvisorConsent(advisor.PoolId, advisor.Id, withdrawn.Field, ConsentAction.Withdrawn, via, actingUserId, now);
            db.Audit("advisor.consent.withdrawn", subject, actingUserId, advisor.PoolId,
                $"{withdrawn.Field}; granted {withdrawn.GrantedAt.ToString("O", CultureInfo.InvariantCulture)}");
        }
        foreach (var granted in wanted.Where(f => advisor.Consents.All(c => c.Field != f)))
        {
            advisor.Consents.Add(new AdvisorConsent { AdvisorId = advisor.Id, Field = granted, GrantedAt = now, GrantedVia = via, GrantedByUserId = actingUserId });
            db.RecordAdvisorConsent(advisor.PoolId, advisor.Id, granted, ConsentAction.Granted, via, actingUserId, now);
            db.Audit("advisor.consent.granted", subject, actingUserId, advisor.PoolId, $"{granted}; via={via}");
        }

        var existingPhoto = await db.AdvisorPhotos.FirstOrDefaultAsync(p => p.AdvisorId == advisor.Id, ct);
        if (photo is not null)
        {
            if (existingPhoto is null) db.AdvisorPhotos.Add(new AdvisorPhoto { AdvisorId = advisor.Id, Content = photo, ContentType = photoType!, UploadedAt = now });
            else (existingPhoto.Content, existingPhoto.ContentType, existingPhoto.UploadedAt) = (photo, photoType!, now);
            db.Audit("advisor.photo.changed", subject, actingUserId, advisor.PoolId, $"{photoType}, {photo.Length} bytes");
        }
        else if (input.RemovePhoto && existingPhoto is not null)
        {
            db.AdvisorPhotos.Remove(existingPhoto);
            db.Audit("advisor.photo.removed", subject, actingUserId, advisor.PoolId);
        }

        db.Audit("advisor.profile.updated", subject, actingUserId, advisor.PoolId);
        await versions.SaveChangesAsync(db, DataVersions.Pool(advisor.PoolId), ct);
        return true;
    }

    /// <summary>
    /// The chosen key when it still fits the typed text; otherwise the single match of the text.
    /// Several or no matches leave a message and the matches to choose from.
    /// </summary>
    private async Task<string?> ResolveCityAsync(ProfileInput input, ModelStateDictionary modelState, string key, CancellationToken ct)
    {
        var (chosen, matches, searched) = await ResolvePlaceAsync(input.CityQuery, input.CityKey, withDistricts: false, modelState, key, ct);
        if (searched) (input.Options.CityMatches, input.Options.CitySearched) = (matches, true);
        input.CityKey = chosen;
        return chosen;
    }

    private async Task<string?> ResolveEmployerAsync(ProfileInput input, ModelStateDictionary modelState, string key, CancellationToken ct)
    {
        var (chosen, matches, searched) = await ResolvePlaceAsync(input.EmployerQuery, input.EmployerKey, withDistricts: true, modelState, key, ct);
        if (searched) (input.Options.EmployerMatches, input.Options.EmployerSearched) = (matches, true);
        input.EmployerKey = chosen;
        return chosen;
    }

    private async Task<(string? Key, IReadOnlyList<(string Key, string Label)> Matches, bool Searched)> ResolvePlaceAsync(
        string? query, string? chosenKey, bool withDistricts, ModelStateDictionary modelState, string key, CancellationToken ct)
    {
        var q = query?.Trim() ?? "";
        if (!string.IsNullOrEmpty(chosenKey))
        {
            var chosen = await db.Municipalities.Where(m => m.OfficialKey == chosenKey)
                .Select(m => new { m.ShortName, m.SearchName, m.PostalCode }).FirstOrDefaultAsync(ct);
            if (chosen is not null)
            {
                var (folded, plain) = Fold(q);
                var fits = q.Length == 0 || chosen.SearchName.StartsWith(folded) || chosen.SearchName.StartsWith(plain)
                           || chosen.ShortName.StartsWith(q, StringComparison.CurrentCultureIgnoreCase)
                           || (chosen.PostalCode?.StartsWith(q) ?? false) || chosenKey.StartsWith(q);
                if (fits) return (chosenKey, [], false);
            }
            else if (q.Length == 0)
            {
                modelState.AddModelError(key, text["Bitte wählen Sie einen Ort aus der Liste."]);
                return (null, [], false);
            }
        }
        if (q.Length == 0) return (null, [], false);
        var matches = await SearchPlacesAsync(q, withDistricts, ct);
        if (matches.Count == 1) return (matches[0].Key, matches, true);
        modelState.AddModelError(key, matches.Count == 0
            ? text["Zu „{0}“ haben wir keinen Ort gefunden. Bitte prüfen Sie die Schreibweise oder geben Sie die Postleitzahl ein.", q]
            : text["Zu „{0}“ passen mehrere Orte. Bitte wählen Sie Ihren Ort aus der Liste.", q]);
        return (null, matches, true);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
