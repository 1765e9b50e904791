using System.Diagnostics;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>
/// Imports a register file: checks every row first, then merges it into the database in one transaction.
/// Idempotent: rows are matched by key, changed rows are updated, nothing is duplicated. A file with any bad row,
/// or that is not a register file at all, changes nothing.
/// </summary>
public sealed class GazetteerImporter(TimeProvider time, AppDbContext db, DataVersions versions, ILogger<GazetteerImporter> log)
{
    public const string ImportedAction = "gazetteer.imported";
    public const string RejectedAction = "gazetteer.rejected";

    public async Task<GazetteerImportReport> ImportAsync(Stream stream, string source, string? userId, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        GazetteerFile file;
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            file = GazetteerFile.Read(new StringReader(GazetteerFile.Decode(buffer.ToArray())));
        }

        if (!file.IsValid)
        {
            var rejected = new GazetteerImportReport
            {
                Source = source, Imported = false, DataRows = file.DataRows, ProblemCount = file.Problems.Count,
                Problems = file.Problems.Take(GazetteerImportReport.MaxListedProblems).ToList(), Duration = clock.Elapsed,
            };
            db.Audit(RejectedAction, "gazetteer", userId, details: Truncate($"{source}: {file.Problems.Count} Fehler; {file.Problems[0].Format()}"));
            await db.SaveChangesAsync(ct);
            log.LogWarning("Gazetteer import of {Source} rejected with {Problems} problems", source, file.Problems.Count);
            return rejected;
        }

        var report = await MergeAsync(file, source, userId, clock, ct);
        log.LogInformation("Gazetteer import of {Source}: {Added} added, {Updated} updated, {Unchanged} unchanged in {Ms} ms",
            source, report.Total.Added, report.Total.Updated, report.Total.Unchanged, report.Duration.TotalMilliseconds);
        return report;
    }

    private async Task<GazetteerImportReport> MergeAsync(GazetteerFile file, string source, string? userId, Stopwatch clock, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        // 16k rows: no per-row change scans; one DetectChanges before saving finds exactly the rows we changed.
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // States and government districts first: municipalities refer to them.
            var states = await db.States.ToDictionaryAsync(s => s.Code, ct);
            var stateCounts = Merge(states, file.States, s => s.Code, CopyState, s => db.States.Add(s));
            var governmentDistricts = await db.GovernmentDistricts.ToDictionaryAsync(d => d.Key, ct);
            var governmentDistrictCounts = Merge(governmentDistricts, file.GovernmentDistricts, d => d.Key, CopyGovernmentDistrict, d => db.GovernmentDistricts.Add(d));
            tracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            // The thousands of new rows go in as multi-row inserts; changed rows are updated through the tracker.
            var newAssociations = new List<MunicipalAssociation>();
            var associations = await db.MunicipalAssociations.ToDictionaryAsync(a => a.Key, ct);
            var associationCounts = Merge(associations, file.Associations, a => a.Key, CopyAssociation, newAssociations.Add);

            var newMunicipalities = new List<Municipality>();
            var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.OfficialKey, ct);
            bool Copy(Municipality target, Municipality incoming)
            {
                if (!CopyMunicipality(target, incoming)) return false;
                target.ImportedAt = now;
                return true;
            }
            void Add(Municipality m)
            {
                m.ImportedAt = now;
                newMunicipalities.Add(m);
            }
            var districtCounts = Merge(municipalities, file.Districts, m => m.OfficialKey, Copy, Add);
            var municipalityCounts = Merge(municipalities, file.Municipalities, m => m.OfficialKey, Copy, Add);
            var inFile = file.Districts.Concat(file.Municipalities).Select(m => m.OfficialKey).ToHashSet();
            var notInFile = municipalities.Keys.Count(k => !inFile.Contains(k));
            var merged = clock.Elapsed;
            await db.InsertAsync(newAssociations, ct);
            await db.InsertAsync(newMunicipalities, ct);

            var total = stateCounts + governmentDistrictCounts + associationCounts + districtCounts + municipalityCounts;
            db.Audit(ImportedAction, "gazetteer", userId,
                details: Truncate($"{source}: {file.DataRows} Zeilen; {total.Added} neu, {total.Updated} geändert, {total.Unchanged} unverändert"));

            tracker.DetectChanges();
            // Directory and matching snapshots hold city names and coordinates from the register.
            var pools = await db.Pools.Select(p => p.Id).ToListAsync(ct);
            await versions.SaveChangesAsync(db, pools.Select(DataVersions.Pool), ct);
            await transaction.CommitAsync(ct);
            log.LogInformation("Gazetteer import phases: read and merge {MergeMs} ms, save {SaveMs} ms",
                (int)merged.TotalMilliseconds, (int)(clock.Elapsed - merged).TotalMilliseconds);
            return new GazetteerImportReport
            {
                Source = source, Imported = true, DataRows = file.DataRows, States = stateCounts,
                GovernmentDistricts = governmentDistrictCounts, Associations = associationCounts, Districts = districtCounts,
                Municipalities = municipalityCounts, NotInFile = notInFile, Duration = clock.Elapsed,
            };
        }
        finally
        {
            // 16k tracked rows are of no use to anyone after the import; free them.
            tracker.Clear();
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Adds what is new, copies what changed into the tracked row, counts what stayed the same.</summary>
    private static ImportCounts Merge<T>(Dictionary<string, T> existing, IEnumerable<T> incoming, Func<T, string> key, Func<T, T, bool> copyIfChanged, Action<T> add)
    {
        int added = 0, updated = 0, unchanged = 0;
        foreach (var item in incoming)
        {
            if (!existing.TryGetValue(key(item), out var current)) { add(item); added++; }
            else if (copyIfChanged(current, item)) updated++;
            else unchanged++;
        }
        return new ImportCounts(added, updated, unchanged);
    }

    private static bool CopyState(State t, State s)
    {
        if (t.Name == s.Name) return false;
        t.Name = s.Name;
        return true;
    }

    private static bool CopyGovernmentDistrict(GovernmentDistrict t, GovernmentDistrict s)
    {
        if (t.Name == s.Name && t.StateCode == s.StateCode) return false;
        (t.Name, t.StateCode) = (s.Name, s.StateCode);
        return true;
    }

    private static bool CopyAssociation(MunicipalAssociation t, MunicipalAssociation s)
    {
        if (t.Name == s.Name && t.TypeCode == s.TypeCode && t.DistrictKey == s.DistrictKey) return false;
        (t.Name, t.TypeCode, t.DistrictKey) = (s.Name, s.TypeCode, s.DistrictKey);
        return true;
    }

    private static bool CopyMunicipality(Municipality t, Municipality s)
    {
        if (t.Level == s.Level && t.Name == s.Name && t.ShortName == s.ShortName && t.SearchName == s.SearchName
            && t.TypeCode == s.TypeCode && t.StateCode == s.StateCode && t.GovernmentDistrictKey == s.GovernmentDistrictKey
            && t.DistrictKey == s.DistrictKey && t.AssociationKey == s.AssociationKey && t.AreaKm2 == s.AreaKm2
            && t.Population == s.Population && t.PopulationMale == s.PopulationMale && t.PopulationFemale == s.PopulationFemale
            && t.PostalCode == s.PostalCode && t.Latitude == s.Latitude && t.Longitude == s.Longitude)
        {
            return false;
        }
        t.Level = s.Level; t.Name = s.Name; t.ShortName = s.ShortName; t.SearchName = s.SearchName; t.TypeCode = s.TypeCode;
        t.StateCode = s.StateCode; t.GovernmentDistrictKey = s.GovernmentDistrictKey; t.DistrictKey = s.DistrictKey;
        t.AssociationKey = s.AssociationKey; t.AreaKm2 = s.AreaKm2; t.Population = s.Population;
        t.PopulationMale = s.PopulationMale; t.PopulationFemale = s.PopulationFemale; t.PostalCode = s.PostalCode;
        t.Latitude = s.Latitude; t.Longitude = s.Longitude;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}
