using System.Globalization;
using System.Text;
using CsvHelper;
using Beraterpool.Web.Features.Municipalities;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>
/// Reads the Destatis register extract (GV-ISys Auszug as CSV) into entities, checking every row.
/// Pure: no database. See data/gemeindeverzeichnis-README.md for the format and its quirks.
/// </summary>
public sealed class GazetteerFile
{
    public static readonly string[] Columns =
    [
        "satzart", "textkennzeichen", "land", "rb", "kreis", "vb", "gemeinde", "gemeindename", "flaeche",
        "bevoelkerung", "maennlich", "weiblich", "jekm2", "postleitzahl", "laengengrad", "breitengrad",
        "schluessel", "bezeichnung", "verstaedterungschluessel", "verstaedterungbezeichnung",
    ];

    private const int SatzArt = 0, Text = 1, Land = 2, Rb = 3, Kreis = 4, Vb = 5, Gemeinde = 6, NameColumn = 7, Flaeche = 8,
        Bevoelkerung = 9, Maennlich = 10, Weiblich = 11, Plz = 13, Laenge = 14, Breite = 15;

    private const int MaxNameLength = 150;

    public List<State> States { get; } = [];
    public List<GovernmentDistrict> GovernmentDistricts { get; } = [];
    public List<MunicipalAssociation> Associations { get; } = [];
    /// <summary>Districts (record 40, with population and centroid computed from their municipalities).</summary>
    public List<Municipality> Districts { get; } = [];
    public List<Municipality> Municipalities { get; } = [];
    public List<GazetteerProblem> Problems { get; } = [];
    public int DataRows { get; private set; }
    public bool IsValid => Problems.Count == 0;

    /// <summary>Reads the register with commas (Destatis) or semicolons (what German Excel writes), told apart by the header line.</summary>
    public static GazetteerFile Read(TextReader text)
    {
        var content = text.ReadToEnd();
        var end = content.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? content.AsSpan() : content.AsSpan(0, end);
        var separator = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var file = new GazetteerFile();
        using var records = Records(new StringReader(content), separator).GetEnumerator();
        file.ReadAll(records);
        return file;
    }

    /// <summary>
    /// UTF-8 (with or without byte order mark) as Destatis ships it; a file that is not valid UTF-8 is read as
    /// Windows-1252, the encoding German Excel uses for "CSV (Trennzeichen-getrennt)".
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.AsSpan().StartsWith(preamble))
            // Declared UTF-8: invalid bytes become U+FFFD, so the row check can name the line.
            return new UTF8Encoding(false, false).GetString(bytes, preamble.Length, bytes.Length - preamble.Length);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    /// <summary>One CSV record with the line it starts on (as an editor shows it) and whether the file ended inside its quotes.</summary>
    public readonly record struct CsvRecord(string[] Fields, int Line, bool UnclosedQuote);

    /// <summary>
    /// RFC 4180 records through CsvHelper: fields in double quotes may hold commas, line breaks and doubled quotes;
    /// blank lines are skipped; a stray quote inside an unquoted field is kept as text (lenient, like spreadsheet programs).
    /// </summary>
    public static IEnumerable<CsvRecord> Records(TextReader text, char separator = ',')
    {
        long unclosedAtLine = 0;
        var options = new CsvReaderOptions
        {
            Separator = separator, HasHeader = false, SkipEmptyLines = true, TrackLineNumbers = true,
            OnMalformedRecord = r => { if (r.Reason == CsvMalformedReason.UnterminatedQuote) unclosedAtLine = r.LineNumber; },
        };
        using var csv = CsvReader.Create(text, options, true);
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i);
            var line = (int)csv.LineNumber;
            yield return new CsvRecord(fields, line, unclosedAtLine == line);
        }
    }

    private void ReadAll(IEnumerator<CsvRecord> csv)
    {
        var header = csv.MoveNext() ? csv.Current.Fields : null;
        if (header is null)
        {
            Problems.Add(new(null, null, "Die Datei ist leer."));
            return;
        }
        if (!IsRegisterHeader(header))
        {
            Problems.Add(new(null, null, "Die Datei ist kein Gemeindeverzeichnis: die Kopfzeile passt nicht. Erwartet werden die Spalten {0}.", string.Join(", ", Columns)));
            return;
        }

        var keys = new Dictionary<string, int>();
        while (csv.MoveNext())
        {
            var (fields, line, unclosedQuote) = csv.Current;
            DataRows++;
            var row = new Row(fields, line, Problems);
            if (unclosedQuote) { row.Fail(null, "Anführungszeichen nicht geschlossen"); continue; }
            if (fields.Length != Columns.Length) { row.Fail(null, "{0} Spalten statt {1}", fields.Length, Columns.Length); continue; }
            ReadRow(row, keys);
        }

        if (IsValid && Municipalities.Count == 0) Problems.Add(new(null, null, "Die Datei enthält keine Gemeinden (Satzart 60)."));
        if (IsValid) CheckStatesExist(keys);
        if (IsValid) LinkAndAggregate();
    }

    private static bool IsRegisterHeader(string[] header)
    {
        if (header.Length != Columns.Length) return false;
        for (var i = 0; i < Columns.Length; i++)
        {
            // The BOM is stripped by the reader; strip it here too in case a caller passes raw text.
            if (!string.Equals(header[i].Trim().TrimStart('\uFEFF'), Columns[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private void ReadRow(Row row, Dictionary<string, int> keys)
    {
        var kind = row.Raw(SatzArt).Trim();
        var land = row.Digits(Land, 2);
        var name = row.Name();
        switch (kind)
        {
            case "10":
                if (row.Ok && row.Unique(land, keys)) States.Add(new State { Code = land, Name = name });
                break;
            case "20":
            {
                var rb = row.Digits(Rb, 1);
                if (row.Ok && row.Unique(land + rb, keys)) GovernmentDistricts.Add(new GovernmentDistrict { Key = land + rb, Name = name, StateCode = land });
                break;
            }
            case "30":
            {
                // Baden-Württemberg's regions: the region's digit stands in the kreis column.
                var key = land + row.Digits(Rb, 1) + row.Digits(Kreis, 1);
                if (row.Ok && row.Unique(key, keys)) GovernmentDistricts.Add(new GovernmentDistrict { Key = key, Name = name, StateCode = land });
                break;
            }
            case "40":
            {
                var type = row.Digits(Text, 2);
                var rb = row.Digits(Rb, 1);
                var key = land + rb + row.Digits(Kreis, 2);
                if (row.Ok && row.Unique(key, keys))
                {
                    Districts.Add(new Municipality
                    {
                        OfficialKey = key, Level = MunicipalityLevel.District, Name = name, ShortName = MunicipalityNames.Short(name),
                        SearchName = MunicipalityNames.Fold(MunicipalityNames.Short(name)), TypeCode = type, StateCode = land,
                        GovernmentDistrictKey = land + rb, DistrictKey = key,
                    });
                }
                break;
            }
            case "50":
            {
                var type = row.Digits(Text, 2);
                var district = land + row.Digits(Rb, 1) + row.Digits(Kreis, 2);
                var key = district + row.Digits(Vb, 4);
                if (row.Ok && row.Unique(key, keys))
                {
                    Associations.Add(new MunicipalAssociation { Key = key, Name = name, TypeCode = type, DistrictKey = district });
                }
                break;
            }
            case "60":
                ReadMunicipality(row, land, name, keys);
                break;
            default:
                row.Fail(Columns[SatzArt], "unbekannte Satzart „{0}“ (erwartet 10, 20, 30, 40, 50 oder 60)", kind);
                break;
        }
    }

    private void ReadMunicipality(Row row, string land, string name, Dictionary<string, int> keys)
    {
        var type = row.Digits(Text, 2);
        var rb = row.Digits(Rb, 1);
        var district = land + rb + row.Digits(Kreis, 2);
        var association = district + row.Digits(Vb, 4);
        var key = district + row.Digits(Gemeinde, 3);
        var area = row.Decimal(Flaeche);
        var population = row.Count(Bevoelkerung);
        var male = row.Count(Maennlich);
        var female = row.Count(Weiblich);
        var postcode = row.Postcode(Plz);
        var longitude = row.Coordinate(Laenge, 5.5, 15.5);
        var latitude = row.Coordinate(Breite, 47.0, 55.5);
        if (!row.Ok || !row.Unique(key, keys)) return;
        var shortName = MunicipalityNames.Short(name);
        Municipalities.Add(new Municipality
        {
            OfficialKey = key, Level = MunicipalityLevel.Municipality, Name = name, ShortName = shortName,
            SearchName = MunicipalityNames.Fold(shortName), TypeCode = type, StateCode = land,
            GovernmentDistrictKey = land + rb, DistrictKey = district, AssociationKey = association,
            AreaKm2 = area, Population = population, PopulationMale = male, PopulationFemale = female,
            PostalCode = postcode,
            // The register marks a few areas without a place (e.g. the German-Luxembourg condominium) with 0/0.
            Latitude = latitude is 0 || longitude is 0 ? null : latitude,
            Longitude = latitude is 0 || longitude is 0 ? null : longitude,
        });
    }

    private void CheckStatesExist(Dictionary<string, int> keys)
    {
        var states = States.Select(s => s.Code).ToHashSet();
        var rows = GovernmentDistricts.Select(d => (d.StateCode, d.Key))
            .Concat(Districts.Concat(Municipalities).Select(m => (m.StateCode, Key: m.OfficialKey)));
        foreach (var (state, key) in rows)
        {
            if (!states.Contains(state)) Problems.Add(new(keys[key], Columns[Land], "Land {0} fehlt in der Datei (Satzart 10)", state));
        }
    }

    /// <summary>
    /// Keys of government districts exist only where a state has them (rb ≠ 0); districts get the population of their
    /// municipalities and its population-weighted centre, so distance matching also works for a Kreis.
    /// </summary>
    private void LinkAndAggregate()
    {
        var governmentDistricts = GovernmentDistricts.Select(d => d.Key).ToHashSet();
        foreach (var m in Districts.Concat(Municipalities))
        {
            if (m.GovernmentDistrictKey is { } g && !governmentDistricts.Contains(g)) m.GovernmentDistrictKey = null;
        }
        var byDistrict = Municipalities.ToLookup(m => m.DistrictKey);
        foreach (var district in Districts)
        {
            var members = byDistrict[district.OfficialKey].ToList();
            if (members.Count == 0) continue;
            district.Population = members.Sum(m => m.Population ?? 0);
            district.PopulationMale = members.Sum(m => m.PopulationMale ?? 0);
            district.PopulationFemale = members.Sum(m => m.PopulationFemale ?? 0);
            district.AreaKm2 = members.Sum(m => m.AreaKm2 ?? 0m);
            if (members.Count == 1) district.PostalCode = members[0].PostalCode;
            var placed = members
                .Where(m => m.Latitude.HasValue && m.Longitude.HasValue)
                .Select(m => (Lat: m.Latitude.GetValueOrDefault(), Lon: m.Longitude.GetValueOrDefault(), Weight: (double)(m.Population ?? 0)))
                .ToList();
            if (placed.Count == 0) continue;
            // Unpopulated districts (only unincorporated areas) fall back to the plain mean.
            if (placed.Sum(p => p.Weight) == 0) placed = placed.Select(p => p with { Weight = 1 }).ToList();
            var weight = placed.Sum(p => p.Weight);
            district.Latitude = Math.Round(placed.Sum(p => p.Lat * p.Weight) / weight, 6);
            district.Longitude = Math.Round(placed.Sum(p => p.Lon * p.Weight) / weight, 6);
        }
    }

    /// <summary>One data row being checked; each failed check adds a problem with line and column.</summary>
    private sealed class Row(string[] fields, int line, List<GazetteerProblem> problems)
    {
        public bool Ok { get; private set; } = true;

        public string Raw(int column) => fields[column];

        public void Fail(string? column, string message, params object[] args)
        {
            Ok = false;
            problems.Add(new GazetteerProblem(line, column, message, args));
        }

        public bool Unique(string key, Dictionary<string, int> keys)
        {
            if (keys.TryAdd(key, line)) return true;
            Fail(null, "Schlüssel {0} kommt doppelt vor (zuerst in Zeile {1})", key, keys[key]);
            return false;
        }

        /// <summary>The value, or "" after recording a problem (callers check <see cref="Ok"/>).</summary>
        public string Digits(int column, int length)
        {
            var value = fields[column].Trim();
            if (value.Length == length && value.All(char.IsAsciiDigit)) return value;
            Fail(Columns[column], value.Length == 0 ? "Pflichtfeld ist leer" : "erwartet {0} Ziffern, gefunden „{1}“", length, value);
            return "";
        }

        public string Name()
        {
            var value = fields[NameColumn].Trim();
            if (value.Length == 0) Fail(Columns[NameColumn], "Pflichtfeld ist leer");
            else if (value.Length > MaxNameLength) Fail(Columns[NameColumn], "Name zu lang (höchstens {0} Zeichen)", MaxNameLength);
            // Invalid UTF-8 bytes (e.g. a file saved as Windows-1252) arrive as U+FFFD.
            else if (value.Contains('\uFFFD')) Fail(Columns[NameColumn], "Zeichen nicht lesbar: die Datei ist nicht UTF-8-kodiert");
            else return value;
            return "";
        }

        /// <summary>A whole number with spaces as thousands separators (" 1 087 863"); empty means unknown.</summary>
        public int? Count(int column)
        {
            var value = fields[column];
            if (string.IsNullOrWhiteSpace(value)) return null;
            var digits = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
            if (digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            Fail(Columns[column], "keine Zahl");
            return null;
        }

        public decimal? Decimal(int column)
        {
            var value = fields[column].Trim();
            if (value.Length == 0) return null;
            if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d < 100_000_000m) return d;
            Fail(Columns[column], "keine Zahl");
            return null;
        }

        public string? Postcode(int column)
        {
            var value = fields[column].Trim();
            if (value.Length == 0) return null;
            if (value.Length == 5 && value.All(char.IsAsciiDigit)) return value;
            Fail(Columns[column], "Postleitzahl muss fünf Ziffern haben, gefunden „{0}“", value);
            return null;
        }

        /// <summary>Degrees with a decimal comma ("6,957068"); 0 stands for "no place".</summary>
        public double? Coordinate(int column, double min, double max)
        {
            var value = fields[column].Trim();
            if (value.Length == 0) return null;
            if (!double.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            {
                Fail(Columns[column], "keine Zahl");
                return null;
            }
            if (d == 0) return 0;
            if (d >= min && d <= max) return d;
            Fail(Columns[column], "Koordinate {0} liegt außerhalb Deutschlands", value);
            return null;
        }
    }
}
