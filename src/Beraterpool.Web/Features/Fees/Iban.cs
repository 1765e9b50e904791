using System.Text;

namespace Beraterpool.Web.Features.Fees;

/// <summary>
/// IBAN checks of ISO 13616: the country's length and the mod-97 check digits. Spaces are allowed (people copy
/// IBANs in groups of four); lower case is accepted and stored upper case.
/// </summary>
public static class Iban
{
    public enum Problem { None, Empty, InvalidCharacters, UnknownCountry, WrongLength, WrongChecksum }

    /// <summary>IBAN lengths by country (SWIFT IBAN registry).</summary>
    public static readonly IReadOnlyDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    };

    /// <summary>Upper case without spaces: the form in which an IBAN is checked and stored.</summary>
    public static string Normalize(string? input) =>
        new((input ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    public static Problem Check(string? input) => Check(input, out _);

    /// <summary>Checks an IBAN; <paramref name="expectedLength"/> is the country's length when the country is known.</summary>
    public static Problem Check(string? input, out int expectedLength)
    {
        expectedLength = 0;
        var iban = Normalize(input);
        if (iban.Length == 0) return Problem.Empty;
        if (!iban.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9')) return Problem.InvalidCharacters;
        if (iban.Length < 4 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !Lengths.TryGetValue(iban[..2], out expectedLength))
            return Problem.UnknownCountry;
        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return Problem.WrongChecksum;
        if (iban.Length != expectedLength) return Problem.WrongLength;
        return Mod97(iban) == 1 ? Problem.None : Problem.WrongChecksum;
    }

    /// <summary>ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters as 10–35.</summary>
    private static int Mod97(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = c <= '9' ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }

    /// <summary>Groups of four, as printed on bank cards and statements.</summary>
    public static string Format(string iban)
    {
        var plain = Normalize(iban);
        var sb = new StringBuilder(plain.Length + plain.Length / 4);
        for (var i = 0; i < plain.Length; i++)
        {
            if (i > 0 && i % 4 == 0) sb.Append(' ');
            sb.Append(plain[i]);
        }
        return sb.ToString();
    }

    /// <summary>Only the country and the last four characters readable: "DE•• •••• •••• •••• ••12 34".</summary>
    public static string Mask(string iban)
    {
        var plain = Normalize(iban);
        if (plain.Length <= 6) return Format(plain);
        var masked = plain[..2] + new string('•', plain.Length - 6) + plain[^4..];
        return Format(masked);
    }

    /// <summary>A BIC without spaces, upper case; null when empty.</summary>
    public static string? NormalizeBic(string? bic) =>
        string.IsNullOrWhiteSpace(bic) ? null : new string(bic.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>ISO 9362: bank (4 letters), country (2 letters), location (2), optionally branch (3) — 8 or 11 characters.</summary>
    public static bool IsBic(string bic) => System.Text.RegularExpressions.Regex.IsMatch(bic, "^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$");
}
