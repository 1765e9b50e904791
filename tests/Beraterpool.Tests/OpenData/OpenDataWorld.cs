using Beraterpool.Tests.Advisors;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.OpenData;

/// <summary>
/// The default pool (with a logo) and its open data: an advisor who publishes everything, including a title that tries to
/// end the script block; one who withholds city and countries; a winter, a summer and a cancelled online event; a
/// private event; two of the indicators published.
/// </summary>
public sealed class OpenDataWorld() : TestApp(importGazetteer: false)
{
    public const string Everything = "alle-angaben", NoCity = "ohne-wohnort";
    public const string Breakout = "Fairer Handel </script><script>alert(1)</script>";

    /// <summary>15 June 2026 in Berlin: the open data show 2026 so far and 2025.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
    public Pool Pool { get; private set; } = null!;
    public int Winter { get; private set; }
    public int Summer { get; private set; }
    public int Cancelled { get; private set; }
    public int Private { get; private set; }
    /// <summary>A pool that is not the default, reached by the /pool/{slug} prefix.</summary>
    public const string Second = "zweiter";

    public override async ValueTask InitializeAsync()
    {
        WithTime(Time);
        await base.InitializeAsync();
        await WithDbAsync(async db =>
        {
            Pool = await DirectoryArrange.PoolAsync(db);
            Pool.Logo = [1, 2, 3];
            Pool.LogoContentType = "image/png";
            await DirectoryArrange.AdvisorAsync(db, Pool, "Alle", "Angaben", city: DirectoryArrange.Koeln, topics: ["fairer-handel"],
                languages: ["de", "tr"], countries: ["TR"], expertise: Breakout, birthYear: 1980, gender: Gender.Female);
            await DirectoryArrange.AdvisorAsync(db, Pool, "Ohne", "Wohnort", city: DirectoryArrange.Bonn, languages: ["fr"], countries: ["SN"], expertise: "Kommunale Partnerschaften",
                birthYear: 1990, withheld: [ConsentField.City, ConsentField.CountriesOfOrigin, ConsentField.Age]);
            var winter = Event("Dialogforum im Winter", Local(2026, 1, 20, 18), place: "Rathaus Köln");
            var summer = Event("Dialogforum im Sommer", Local(2026, 7, 2, 18), place: "Stadthaus Bonn");
            var cancelled = Event("Abgesagte Online-Runde", Local(2026, 3, 3, 10), online: "https://video.example.org/geheimer-raum");
            cancelled.IsCancelled = true;
            var closed = Event("Nur auf Einladung", Local(2026, 5, 5, 10), place: "Büro");
            closed.IsPublic = false;
            db.Events.AddRange(winter, summer, cancelled, closed);
            db.PublishedIndicators.AddRange(new PublishedIndicator { PoolId = Pool.Id, Key = "veranstaltungen" },
                new PublishedIndicator { PoolId = Pool.Id, Key = "beratungstage" });
            await db.SaveChangesAsync();
            (Winter, Summer, Cancelled, Private) = (winter.Id, summer.Id, cancelled.Id, closed.Id);
            return 0;
        });
        await this.CreatePoolAsync(Second);
        await ChangedAsync(DataVersions.Catalogue, DataVersions.Pool(Pool.Id));
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        ProgrammeTime.FromLocal(new DateOnly(year, month, day), new TimeOnly(hour, 0))!.Value;

    private Event Event(string title, DateTimeOffset at, string? place = null, string? online = null) => new()
    {
        PoolId = Pool.Id, Title = title, Kind = EventKind.DialogueForum, StartsAt = at, EndsAt = at.AddHours(2), IsPublic = true,
        Place = place, OnlineUrl = online, CreatedAt = at.AddDays(-30), UpdatedAt = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero),
    };
}
