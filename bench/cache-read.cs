#:project ../src/Beraterpool.Web/Beraterpool.Web.csproj
#:property TreatWarningsAsErrors=false
// CPU cost of one warm read of a VersionedCache against the slot check it replaced (docs/performance.md, issue 9):
//   dotnet run -c Release bench/cache-read.cs
using System.Diagnostics;
using Beraterpool.Web.Data;

var cache = new VersionedCache<int, string>((_, _) => Task.FromResult(1L), _ => { }, TimeProvider.System, DataVersions.Pool, (_, _) => Task.FromResult("x"));
await cache.GetAsync(1);
var catalogue = new VersionedCache<string, string>((_, _) => Task.FromResult(1L), _ => { }, TimeProvider.System, k => k, (_, _) => Task.FromResult("x"));
await catalogue.GetAsync(DataVersions.Catalogue);
var old = new System.Collections.Concurrent.ConcurrentDictionary<int, Box>();
old[1] = new Box { Value = "x" };
static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalNanoseconds;
for (var round = 0; round < 3; round++)
{
    const int n = 20_000_000;
    var t = Cpu();
    for (var i = 0; i < n; i++) await cache.GetAsync(1);
    var pool = (Cpu() - t) / n;
    t = Cpu();
    for (var i = 0; i < n; i++) await catalogue.GetAsync(DataVersions.Catalogue);
    var cat = (Cpu() - t) / n;
    t = Cpu();
    for (var i = 0; i < n; i++) await OldAsync(old, 1);
    var before = (Cpu() - t) / n;
    Console.WriteLine($"CPU per warm read: pool key {pool:F1} ns, catalogue key {cat:F1} ns, old slot check {before:F1} ns");
}
static async ValueTask<string> OldAsync(System.Collections.Concurrent.ConcurrentDictionary<int, Box> d, int key)
{
    var slot = d.GetOrAdd(key, _ => new Box());
    if (slot.Value is { } v && slot.Built == Interlocked.Read(ref slot.Version)) return v;
    await Task.Yield();
    return "";
}
sealed class Box { public long Version; public long Built; public volatile string? Value; }
