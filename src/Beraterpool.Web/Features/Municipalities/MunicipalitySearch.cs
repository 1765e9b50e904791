using Beraterpool.Web.Data;

namespace Beraterpool.Web.Features.Municipalities;

/// <summary>One line of a municipality list.</summary>
public sealed record MunicipalityListItem(
    string Key, MunicipalityLevel Level, string Name, string ShortName, string TypeCode,
    string DistrictKey, string? DistrictName, string StateCode, string? StateName, int? Population, string? PostalCode);

/// <summary>
/// Search over the register: digits look up the official key (prefix) and the postcode; text matches the folded name,
/// exact matches first, then names that start with the text, then names that contain it; larger places first.
/// "Kreis Lippe", "Landkreis München" and "Stadt Köln" are found by the name without the word, districts or towns first.
/// A district-free city is both a district (record 40, text code 41/42) and a municipality in the register; only the
/// municipality is listed, so nobody has to guess which of two identical lines to pick.
/// </summary>
public static class MunicipalitySearch
{
    public static IQueryable<Municipality> Matching(this IQueryable<Municipality> source, string? query, string? stateCode)
    {
        if (!string.IsNullOrEmpty(stateCode)) source = source.Where(m => m.StateCode == stateCode);
        source = source.Where(m => m.Level != MunicipalityLevel.District || (m.TypeCode != "41" && m.TypeCode != "42"));
        var q = (query ?? "").Trim();
        if (q.Length == 0) return source.OrderBy(m => m.OfficialKey);
        if (q.All(char.IsAsciiDigit))
        {
            return source
                .Where(m => m.OfficialKey.StartsWith(q) || (m.PostalCode != null && m.PostalCode.StartsWith(q)))
                .OrderBy(m => m.OfficialKey == q ? 0 : m.PostalCode == q ? 1 : 2)
                .ThenBy(m => m.OfficialKey.Length)
                .ThenBy(m => m.OfficialKey);
        }
        var (folded, level) = MunicipalityNames.ParseQuery(q);
        return source
            .Where(m => m.SearchName.Contains(folded))
            .OrderBy(m => level == null || m.Level == level ? 0 : 1)
            .ThenBy(m => m.SearchName == folded ? 0 : m.SearchName.StartsWith(folded) ? 1 : 2)
            .ThenByDescending(m => m.Population)
            .ThenBy(m => m.Level)
            .ThenBy(m => m.ShortName)
            .ThenBy(m => m.OfficialKey);
    }

    /// <summary>Projects to list items, with the names of district and state (no graph loading).</summary>
    public static IQueryable<MunicipalityListItem> ToListItems(this IQueryable<Municipality> source, AppDbContext db) =>
        source.Select(m => new MunicipalityListItem(
            m.OfficialKey, m.Level, m.Name, m.ShortName, m.TypeCode, m.DistrictKey,
            db.Municipalities.Where(d => d.OfficialKey == m.DistrictKey).Select(d => d.Name).FirstOrDefault(),
            m.StateCode,
            db.States.Where(s => s.Code == m.StateCode).Select(s => s.Name).FirstOrDefault(),
            m.Population, m.PostalCode));
}
