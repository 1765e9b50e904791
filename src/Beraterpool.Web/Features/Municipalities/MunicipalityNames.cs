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
}
