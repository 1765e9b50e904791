using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Gazetteer;
using Beraterpool.Web.Features.Municipalities;

namespace Beraterpool.Tests.Gazetteer;

/// <summary>Reading the real register file, without a database.</summary>
public sealed class GazetteerFileTests
{
    private static readonly Lazy<GazetteerFile> Real = new(() =>
    {
        using var reader = new StreamReader(RegisterFile.Path);
        return GazetteerFile.Read(reader);
    });

    private static GazetteerFile ReadText(string text) => GazetteerFile.Read(new StringReader(text));

    [Fact]
    public void Real_register_reads_without_problems()
    {
        Assert.Empty(Real.Value.Problems);
        Assert.Equal(16_068, Real.Value.DataRows);
    }

    [Fact]
    public void Defect16_the_register_saved_by_German_Excel_with_semicolons_in_Windows_1252_reads_the_same()
    {
        // What "Speichern unter → CSV (Trennzeichen-getrennt)" in a German Excel writes: semicolons, Windows-1252, no BOM.
        string Field(string f) => f.Contains(';') || f.Contains('"') || f.Contains('\n') ? "\"" + f.Replace("\"", "\"\"") + "\"" : f;
        var lines = GazetteerFile.Records(new StreamReader(RegisterFile.Path)).Select(r => string.Join(';', r.Fields.Select(Field)));
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(string.Join("\r\n", lines) + "\r\n");

        var excel = GazetteerFile.Read(new StringReader(GazetteerFile.Decode(bytes)));
        Assert.Empty(excel.Problems);
        Assert.Equal(11_004, excel.Municipalities.Count);
        var koeln = excel.Municipalities.Single(m => m.OfficialKey == "05315000");
        Assert.Equal("Köln", koeln.ShortName);
        Assert.Equal(Real.Value.Municipalities.Single(m => m.OfficialKey == "05315000").Population, koeln.Population);
        Assert.Contains(excel.Municipalities, m => m.ShortName == "Düsseldorf");
    }

    [Fact]
    public void A_UTF8_file_with_byte_order_mark_keeps_its_umlauts()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("Köln;Müller")).ToArray();
        Assert.Equal("Köln;Müller", GazetteerFile.Decode(bytes));
        Assert.Equal("Köln;Müller", GazetteerFile.Decode(System.Text.Encoding.UTF8.GetBytes("Köln;Müller")));
    }

    [Fact]
    public void Real_register_holds_11004_municipalities_396_of_them_in_NRW()
    {
        Assert.Equal(11_004, Real.Value.Municipalities.Count);
        Assert.Equal(396, Real.Value.Municipalities.Count(m => m.StateCode == "05"));
        Assert.Equal(1_103, Real.Value.Municipalities.Count(m => m.StateCode == "08"));
        Assert.All(Real.Value.Municipalities, m => Assert.Equal(8, m.OfficialKey.Length));
    }

    [Fact]
    public void NRW_has_53_districts_with_five_digit_keys()
    {
        var districts = Real.Value.Districts.Where(d => d.StateCode == "05").ToList();
        Assert.Equal(53, districts.Count);
        Assert.All(districts, d => Assert.Equal(5, d.OfficialKey.Length));
        Assert.All(districts, d => Assert.Equal(MunicipalityLevel.District, d.Level));
    }

    [Fact]
    public void Koeln_has_its_key_population_coordinates_and_short_name()
    {
        var koeln = Real.Value.Municipalities.Single(m => m.OfficialKey == "05315000");
        Assert.Equal("Köln, Stadt", koeln.Name);
        Assert.Equal("Köln", koeln.ShortName);
        Assert.Equal("koeln", koeln.SearchName);
        Assert.Equal(1_087_863, koeln.Population);
        Assert.Equal(50.938107, koeln.Latitude!.Value, 6);
        Assert.Equal(6.957068, koeln.Longitude!.Value, 6);
        Assert.Equal(405.01m, koeln.AreaKm2);
        Assert.Equal("50667", koeln.PostalCode);
        Assert.Equal("61", koeln.TypeCode);
        Assert.Equal("05315", koeln.DistrictKey);
        Assert.Equal("053", koeln.GovernmentDistrictKey);
    }

    [Fact]
    public void District_gets_the_population_sum_and_weighted_centre_of_its_municipalities()
    {
        var members = Real.Value.Municipalities.Where(m => m.DistrictKey == "05362").ToList(); // Rhein-Erft-Kreis
        var district = Real.Value.Districts.Single(d => d.OfficialKey == "05362");
        Assert.Equal(members.Sum(m => m.Population), district.Population);
        var weight = (double)members.Sum(m => m.Population ?? 0);
        Assert.Equal(members.Sum(m => m.Latitude!.Value * m.Population!.Value) / weight, district.Latitude!.Value, 5);
        Assert.Equal(members.Sum(m => m.Longitude!.Value * m.Population!.Value) / weight, district.Longitude!.Value, 5);
        Assert.Equal("Rhein-Erft-Kreis", district.ShortName);
    }

    [Fact]
    public void Region_without_a_place_keeps_no_coordinates()
    {
        // The register marks the German-Luxembourg condominium with 0/0.
        var condominium = Real.Value.Municipalities.Single(m => m.OfficialKey == "07000999");
        Assert.Null(condominium.Latitude);
        Assert.Null(condominium.Longitude);
    }

    [Theory]
    [InlineData("Köln, Stadt", "Köln")]
    [InlineData("Mülheim an der Ruhr, Stadt", "Mülheim an der Ruhr")]
    [InlineData("Ebstorf,Klosterflecken", "Ebstorf")]
    [InlineData("Rhein-Erft-Kreis", "Rhein-Erft-Kreis")]
    public void Short_name_drops_the_register_suffix(string name, string expected) =>
        Assert.Equal(expected, MunicipalityNames.Short(name));

    [Theory]
    [InlineData("Mülheim an der Ruhr", "muelheim an der ruhr")]
    [InlineData("Großröhrsdorf", "grossroehrsdorf")]
    [InlineData("  Äschersleben ", "aeschersleben")]
    public void Search_name_is_lower_case_with_umlauts_folded(string name, string expected) =>
        Assert.Equal(expected, MunicipalityNames.Fold(name));

    [Fact]
    public void Bad_population_is_reported_with_line_and_column()
    {
        var lines = RegisterFile.Lines();
        Assert.StartsWith("60,61,05,3,15,0000,000,\"Köln, Stadt\"", lines[2910]);
        lines[2910] = lines[2910].Replace("1 087 863", "abc");
        var file = ReadText(string.Join("\n", lines));
        var problem = Assert.Single(file.Problems);
        Assert.Equal(2911, problem.Line);
        Assert.Equal("bevoelkerung", problem.Column);
        Assert.Equal("Zeile 2911, Spalte bevoelkerung: keine Zahl", problem.Format());
    }

    [Fact]
    public void Each_bad_row_is_reported_with_its_own_line()
    {
        var lines = RegisterFile.Lines();
        lines[4] = lines[4].Replace("\"9,43751\"", "\"99,1\"");   // line 5: Flensburg's longitude
        lines[9] = "60,64,01";                                      // line 10: too few columns
        lines[19] = "70" + lines[19][2..];                          // line 20: unknown record type
        var file = ReadText(string.Join("\r\n", lines));
        Assert.Equal(new[] { 5, 10, 20 }, file.Problems.Select(p => p.Line ?? 0));
        Assert.Contains("laengengrad", file.Problems[0].Format());
        Assert.Contains("3 Spalten statt 20", file.Problems[1].Format());
        Assert.Contains("Satzart", file.Problems[2].Format());
    }

    [Fact]
    public void Duplicate_key_names_both_lines()
    {
        var lines = RegisterFile.Lines().ToList();
        lines.Add(lines[2910]);
        var problem = Assert.Single(ReadText(string.Join("\n", lines)).Problems);
        Assert.Equal(lines.Count, problem.Line);
        Assert.Contains("05315000 kommt doppelt vor (zuerst in Zeile 2911)", problem.Format());
    }

    [Fact]
    public void File_with_another_header_is_not_a_register()
    {
        var file = ReadText("name,email\nAda,ada@example.org\n");
        var problem = Assert.Single(file.Problems);
        Assert.Null(problem.Line);
        Assert.StartsWith("Die Datei ist kein Gemeindeverzeichnis", problem.Format());
        Assert.Empty(file.Municipalities);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        Assert.Equal("Die Datei ist leer.", Assert.Single(ReadText("").Problems).Format());
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_records_know_their_first_line()
    {
        var records = GazetteerFile.Records(new StringReader("a,\"b, c\",\"d \"\"e\"\"\"\r\n\"multi\nline\",x\n\nlast,")).ToList();

        Assert.Equal(
            [(new[] { "a", "b, c", "d \"e\"" }, 1, false), (new[] { "multi\nline", "x" }, 2, false), (new[] { "last", "" }, 5, false)],
            records.Select(r => (r.Fields, r.Line, r.UnclosedQuote)));
        var unclosed = Assert.Single(GazetteerFile.Records(new StringReader("a,\"open\nrest")));
        Assert.Equal((1, true), (unclosed.Line, unclosed.UnclosedQuote));
    }
}
