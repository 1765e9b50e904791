using System.Text;

namespace Beraterpool.Web.Features.Municipalities;

/// <summary>How register names become the names people type and search for.</summary>
public static class MunicipalityNames
{
    /// <summary>The name before the register's suffix: "Köln, Stadt" → "Köln", "Ebstorf,Klosterflecken" → "Ebstorf".</summary>
    public static string Short(string registerName)
    {
        var comma = registerName.IndexOf(',');
        var shortName = (comma > 0 ? registerName[..comma] : registerName).Trim();
        return shortName.Length > 0 ? shortName : registerName.Trim();
    }

    /// <summary>Lower case with umlauts folded (ä→ae, ö→oe, ü→ue, ß→ss), so "Köln", "köln" and "Koeln" meet.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': sb.Append("ae"); break;
                case 'ö': sb.Append("oe"); break;
                case 'ü': sb.Append("ue"); break;
                case 'ß': sb.Append("ss"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    // Folded words people put before or after a name; the register keeps them after a comma ("Köln, Stadt") or not at all ("Lippe").
    private static readonly (string Word, MunicipalityLevel Level)[] Kinds =
    [
        ("kreisfreie stadt", MunicipalityLevel.Municipality), ("grosse kreisstadt", MunicipalityLevel.Municipality),
        ("landkreis", MunicipalityLevel.District), ("stadtkreis", MunicipalityLevel.Municipality), ("kreis", MunicipalityLevel.District),
        ("lkr.", MunicipalityLevel.District), ("lk", MunicipalityLevel.District),
        ("hansestadt", MunicipalityLevel.Municipality), ("stadt", MunicipalityLevel.Municipality), ("gemeinde", MunicipalityLevel.Municipality),
    ];

    /// <summary>
    /// The folded name to search for and the level the words point to: "Kreis Lippe" → ("lippe", District),
    /// "Stadt Köln" and "Köln, Stadt" → ("koeln", Municipality), "Hamm" → ("hamm", none).
    /// </summary>
    public static (string Name, MunicipalityLevel? Level) ParseQuery(string query)
    {
        var folded = Fold(query);
        var comma = folded.IndexOf(',');
        string? suffix = null;
        if (comma > 0) (folded, suffix) = (folded[..comma].Trim(), folded[(comma + 1)..].Trim());
        MunicipalityLevel? level = null;
        foreach (var (word, kind) in Kinds)
        {
            if (folded.StartsWith(word + " ", StringComparison.Ordinal) && folded.Length > word.Length + 1)
            {
                (folded, level) = (folded[(word.Length + 1)..].Trim(), kind);
                break;
            }
            if (folded.EndsWith(" " + word, StringComparison.Ordinal) && folded.Length > word.Length + 1)
            {
                (folded, level) = (folded[..^(word.Length + 1)].Trim(), kind);
                break;
            }
        }
        if (level is null && suffix is not null)
        {
            foreach (var (word, kind) in Kinds)
            {
                if (!suffix.Contains(word, StringComparison.Ordinal)) continue;
                level = kind;
                break;
            }
        }
        return (folded, level);
    }
}
