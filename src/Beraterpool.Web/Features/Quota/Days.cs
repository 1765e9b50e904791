using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Quota;

/// <summary>Advisor days are stored in half days and shown as days: 3 → "1,5" (de-DE), "1.5" (en).</summary>
public static class Days
{
    public static string Number(int halfDays) => (halfDays / 2m).ToString("0.#", CultureInfo.CurrentCulture);
}

/// <summary>Half days in words with the unit: "1 Tag", "1,5 Tage", "0,5 Tage".</summary>
public sealed class DayFormat(IStringLocalizer<DayFormat> text)
{
    public string Text(int halfDays) => halfDays == 2 ? text["1 Tag"] : text["{0} Tage", Days.Number(halfDays)];
}
