using Beraterpool.Web.Features.Shared.Forms;

namespace Beraterpool.Tests.Shared;

public sealed class SlugTextTests
{
    // One name from each of the pool's 16 countries of origin, written as the advisor writes it.
    [Theory]
    [InlineData("አበበ ቢቂላ", "abebe-bikila")]                      // Ethiopia, Ge'ez script
    [InlineData("মুহাম্মদ ইউনূস", "muhammd-iunus")]             // Bangladesh, Bengali script
    [InlineData("Aïcha Kouassi-N'Guessan", "aicha-kouassi-nguessan")] // Côte d'Ivoire
    [InlineData("Ɛsi Ɔwusu", "esi-owusu")]                         // Ghana, Akan letters
    [InlineData("Mamadou Çissé", "mamadou-cisse")]                 // Guinea
    [InlineData("João Gonçalves", "joao-goncalves")]               // Guinea-Bissau
    [InlineData("अमिताभ शर्मा", "amitabh-srma")]                 // India, Devanagari
    [InlineData("Marie-Noëlle Ŋgono", "marie-noelle-nggono")]       // Cameroon
    [InlineData("Wangarĩ Maathai", "wangari-maathai")]             // Kenya
    [InlineData("Félix Tshisekedi", "felix-tshisekedi")]           // Congo
    [InlineData("فاطمة", "ftmh")]                                  // Morocco, Arabic script (short vowels are not written)
    [InlineData("Ọlálékan Adébáyọ̀", "olalekan-adebayo")]          // Nigeria, Yoruba
    [InlineData("Uwimana Ngabo", "uwimana-ngabo")]                 // Rwanda
    [InlineData("Ndèye Fatou Ndiaye", "ndeye-fatou-ndiaye")]       // Senegal
    [InlineData("Zoë van der Merwe", "zoe-van-der-merwe")]         // South Africa
    [InlineData("Đặng Thị Hồng", "dang-thi-hong")]                 // Vietnam
    public void Name_from_each_country_becomes_a_readable_slug(string name, string slug) =>
        Assert.Equal(slug, SlugText.From(name));

    [Theory]
    [InlineData("Łukasz Wałęsa", "lukasz-walesa")]
    [InlineData("Søren Ærø", "soren-aero")]
    [InlineData("Jürgen Großmann", "juergen-grossmann")]
    [InlineData("Özlem Äbi", "oezlem-aebi")]
    [InlineData("François Renée", "francois-renee")]
    public void Letters_without_a_decomposition_are_transliterated_not_dropped(string name, string slug) =>
        Assert.Equal(slug, SlugText.From(name));

    [Theory]
    [InlineData("Işıl Çağlar", "isil-caglar")]
    [InlineData("Barış Güneş", "baris-guenes")]
    [InlineData("IŞIK Öztürk", "isik-oeztuerk")]
    public void Defect16_Turkish_letters_are_transliterated_not_turned_into_hyphens(string name, string slug) =>
        Assert.Equal(slug, SlugText.From(name));

    [Fact]
    public void Text_without_letters_gives_a_placeholder() => Assert.Equal("x", SlugText.From("!!!"));

    [Fact]
    public void Long_names_are_cut_at_a_word_boundary_dash() =>
        Assert.Equal("aaaa-bbbb", SlugText.From("aaaa bbbb cccc", maxLength: 10));
}
