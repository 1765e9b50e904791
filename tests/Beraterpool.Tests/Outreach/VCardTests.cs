using System.Net;
using System.Text;
using Beraterpool.Web.Features.Outreach;

namespace Beraterpool.Tests.Outreach;

/// <summary>The vCard 4.0 of a published advisor at /advisors/{slug}.vcf: consented fields only, by the RFC 6350 rules.</summary>
public sealed class VCardTests(OutreachApp app) : IClassFixture<OutreachApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Physical lines back to logical ones (RFC 6350 §3.2).</summary>
    private static string[] Unfold(string text) => text.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task The_vcard_carries_the_consented_fields_and_nothing_else()
    {
        var response = await app.CreateClient().GetAsync("/advisors/amara-okafor.vcf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("amara-okafor.vcf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync(Ct);
        var lines = Unfold(text);

        Assert.Equal(["BEGIN:VCARD", "VERSION:4.0"], lines[..2]);
        Assert.Equal("END:VCARD", lines[^1]);
        Assert.Contains("FN:Amara Okafor", lines);
        Assert.Contains("N:Okafor;Amara;;;", lines);
        Assert.Contains("TITLE:Berater*in im Beraterpool Marke outreach", lines);
        Assert.Contains("ADR;TYPE=home:;;;Köln;;;", lines);
        Assert.Contains("LANG;PREF=1:en", lines);
        Assert.Contains("LANG;PREF=2:fr", lines);
        Assert.Contains("CATEGORIES:Fairer Handel", lines);
        Assert.Contains(@"NOTE:Beschaffung\, Vergabe\; Recht\nKontakt über die Koordinierungsstelle: outreach@example.org", lines);
        Assert.Contains("URL:http://localhost/advisors/amara-okafor", lines);
        // Countries of origin are not consented; there is no consented phone or personal e-mail at all.
        Assert.DoesNotContain("NG", lines.Where(l => !l.StartsWith("N:", StringComparison.Ordinal)).SelectMany(l => l.Split(':', ';', ',')));
        Assert.DoesNotContain("Nigeria", text);
        Assert.DoesNotContain(lines, l => l.StartsWith("TEL", StringComparison.Ordinal) || l.StartsWith("EMAIL", StringComparison.Ordinal) || l.StartsWith("BDAY", StringComparison.Ordinal));
        Assert.DoesNotContain("privat.example.org", text);
    }

    [Fact]
    public async Task An_advisor_who_publishes_only_the_bio_has_no_city_languages_or_topics_in_the_vcard()
    {
        var text = await app.CreateClient().GetStringAsync("/advisors/jonas-berg.vcf", Ct);
        var lines = Unfold(text);
        Assert.Contains("FN:Jonas Berg", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("ADR", StringComparison.Ordinal) || l.StartsWith("LANG", StringComparison.Ordinal) || l.StartsWith("CATEGORIES", StringComparison.Ordinal));
        Assert.DoesNotContain("Köln", text);
        Assert.DoesNotContain("Agenda 2030", text);
    }

    [Theory]
    [InlineData("/advisors/lea-neu.vcf")] // an applicant: not in the directory
    [InlineData("/advisors/gibt-es-nicht.vcf")]
    [InlineData("/pool/zweiter/advisors/amara-okafor.vcf")] // another pool's address
    public async Task Advisors_the_directory_does_not_show_have_no_vcard(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_public_profile_links_the_vcard()
    {
        var html = await app.CreateClient().GetStringAsync("/advisors/amara-okafor", Ct);
        Assert.Contains("href=\"/advisors/amara-okafor.vcf\"", html);
    }

    [Fact]
    public void Lines_end_in_CRLF_and_are_folded_at_75_octets_without_splitting_a_character()
    {
        var note = string.Concat(Enumerable.Repeat("Größenäß, ", 30));
        var text = new VCard().Text("FN", "Ä").Text("NOTE", note).Write();

        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.EndsWith("END:VCARD\r\n", text);
        var physical = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.True(physical.Count(l => l.StartsWith(' ')) >= 4);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
        Assert.Contains("NOTE:" + VCard.Escape(note.Trim()), Unfold(text));
    }

    [Fact]
    public void Backslash_comma_semicolon_and_line_breaks_are_escaped()
    {
        Assert.Equal(@"a\\b\,c\;d\ne\nf", VCard.Escape("a\\b,c;d\ne\r\nf"));
        var lines = Unfold(new VCard().Compound("N", "Müller; Sohn", "Ana, Maria", "", "", "").Write());
        Assert.Contains(@"N:Müller\; Sohn;Ana\, Maria;;;", lines);
    }
}
