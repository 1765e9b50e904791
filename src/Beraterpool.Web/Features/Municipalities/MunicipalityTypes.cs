namespace Beraterpool.Web.Features.Municipalities;

/// <summary>
/// The register's text codes (Textkennzeichen) in words. The German words are resource keys
/// (Municipalities.en/fr.resx); inject <c>IStringLocalizer&lt;MunicipalityTypes&gt;</c> to show them.
/// </summary>
public sealed class MunicipalityTypes
{
    public static string Describe(MunicipalityLevel level, string typeCode) => (level, typeCode) switch
    {
        (MunicipalityLevel.District, "41") => "Kreisfreie Stadt",
        (MunicipalityLevel.District, "42") => "Stadtkreis",
        (MunicipalityLevel.District, "43") => "Kreis",
        (MunicipalityLevel.District, "44") => "Landkreis",
        (MunicipalityLevel.District, "45") => "Regionalverband",
        (MunicipalityLevel.District, _) => "Kreis",
        (_, "60") => "Markt",
        (_, "61") => "Kreisfreie Stadt",
        (_, "62") => "Stadtkreis",
        (_, "63") => "Stadt",
        (_, "64") => "Gemeinde (kreisangehörig)",
        (_, "65") => "Gemeindefreies Gebiet (bewohnt)",
        (_, "66") => "Gemeindefreies Gebiet (unbewohnt)",
        (_, "67") => "Große Kreisstadt",
        _ => "Gemeinde",
    };

    /// <summary>The kind of a municipal association; null for code 50 (a municipality that belongs to none).</summary>
    public static string? DescribeAssociation(string typeCode) => typeCode switch
    {
        "50" => null,
        "51" => "Amt",
        "52" => "Samtgemeinde",
        "53" => "Verbandsgemeinde",
        "54" => "Verwaltungsgemeinschaft",
        "55" => "Kirchspielslandgemeinde",
        "56" => "Verwaltungsverband",
        "57" => "Verwaltungsgemeinschaft",
        "58" => "Erfüllende Gemeinde",
        _ => "Gemeindeverband",
    };
}
