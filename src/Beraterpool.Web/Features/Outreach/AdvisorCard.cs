using Beraterpool.Web.Features.Advisors.Directory;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>
/// What a business card and a vCard say about an advisor: the name, and otherwise only what the public directory
/// publishes (<see cref="DirectoryAdvisor"/> holds a field only with the advisor's consent). The advisor has no
/// consented phone or e-mail, so the way to reach them is the public profile and the coordinating office.
/// </summary>
public sealed record AdvisorCard(string Slug, string FirstName, string LastName, string Brand, string PoolEmail, string? ProfileUrl,
    string? City, IReadOnlyList<DirectoryLanguage> Languages, IReadOnlyList<string> Topics, string? Expertise)
{
    private const string Culture = "de";

    public Pools.BrandColours Colours { get; init; } = Pools.BrandColours.Default;

    public string Name => $"{FirstName} {LastName}";
    public string Role => $"Berater*in im Beraterpool {Brand}";
    public IReadOnlyList<string> LanguageNames => Languages.Select(l => DirectoryAdvisor.LanguageName(l.Code, Culture)).ToArray();

    public static AdvisorCard Published(DirectoryAdvisor a, DirectoryIndex index, string brand, string poolEmail, string profileUrl) =>
        new(a.Slug, a.FirstName, a.LastName, brand, poolEmail, profileUrl, a.CityName, a.Languages ?? [],
            a.TopicIds?.Select(index.Topic).OfType<DirectoryTopic>().Select(t => t.Name(Culture)).ToArray() ?? [], a.Expertise);

    /// <summary>An advisor the directory does not show (not active, or nothing published yet): the name only.</summary>
    public static AdvisorCard NameOnly(string slug, string first, string last, string brand, string poolEmail) =>
        new(slug, first, last, brand, poolEmail, null, null, [], [], null);

    public VCard ToVCard()
    {
        var card = new VCard()
            .Raw("KIND", "individual")
            .Text("FN", Name)
            .Compound("N", LastName, FirstName, "", "", "")
            .Text("TITLE", Role)
            .Compound("ORG", Brand);
        // City is the place of residence: a home address with the locality only.
        if (City is not null) card.Compound("ADR;TYPE=home", "", "", "", City, "", "", "");
        var pref = 1;
        foreach (var l in Languages.Take(100)) card.Raw($"LANG;PREF={pref++}", l.Code);
        card.List("CATEGORIES", Topics)
            .Text("NOTE", string.Join("\n", new[] { Expertise, $"Kontakt über die Koordinierungsstelle: {PoolEmail}" }.OfType<string>()));
        if (ProfileUrl is not null) card.Raw("URL", ProfileUrl).Raw("SOURCE", ProfileUrl + ".vcf");
        return card;
    }
}
