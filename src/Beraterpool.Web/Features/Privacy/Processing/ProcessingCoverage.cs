namespace Beraterpool.Web.Features.Privacy.Processing;

/// <summary>Which stored record types no declaration covers, and which declared types are not stored (a renamed or removed table).</summary>
public static class ProcessingCoverage
{
    public static (IReadOnlyList<Type> Uncovered, IReadOnlyList<Type> Stale) Check(
        IEnumerable<Type> stored, IEnumerable<ProcessingActivity> activities, IEnumerable<Type> notPersonal)
    {
        var storedSet = stored.ToHashSet();
        var declared = activities.SelectMany(a => a.Entities).ToHashSet();
        var exempt = notPersonal.ToHashSet();
        var uncovered = storedSet.Where(t => !declared.Contains(t) && !exempt.Contains(t)).OrderBy(t => t.FullName).ToList();
        var stale = declared.Where(t => !storedSet.Contains(t)).OrderBy(t => t.FullName).ToList();
        return (uncovered, stale);
    }
}
