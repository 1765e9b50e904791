using Beraterpool.Web.Features.Shared;
using System.Net;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Quota;

/// <summary>The municipality contact sees the year's days on their dashboard and on the engagement record.</summary>
public sealed class QuotaVisibilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Municipality_contact_sees_used_and_remaining_days_on_the_dashboard_and_the_record()
    {
        await using var app = new TestApp(importGazetteer: false);
        var pool = await app.CreatePoolAsync("sichtbar");
        var advisorClient = await app.SignedInBrowserAsync("sichtbar-berater@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, "sichtbar-berater",
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == "sichtbar-berater@example.org").Select(u => u.Id).SingleAsync()));
        var contact = await app.SignedInBrowserAsync("sichtbar-kommune@example.org", Roles.MunicipalityContact);
        var contactId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "sichtbar-kommune@example.org").Select(u => u.Id).SingleAsync());
        await app.MunicipalityAsync("05511000", "Stadt sichtbar");
        var engagement = await app.EngagementAsync(pool.Id, "05511000", [advisor.Id], contactId);

        // A day today and half a day yesterday (one day per date at most), in an engagement that started last week.
        await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagement.Id).ExecuteUpdateAsync(x => x.SetProperty(e => e.StartedAt, DateTimeOffset.UtcNow.AddDays(-7))));
        foreach (var (daysBack, halfDays) in new[] { (0, "2"), (1, "1") })
        {
            var log = await advisorClient.PostFormAsync($"/engagements/{engagement.Id}?handler=Log",
                [new("Log.Date", TimeProvider.System.LocalToday().AddDays(-daysBack).ToString("yyyy-MM-dd")), new("Log.Kind", "Workshop"), new("Log.HalfDays", halfDays)],
                formPageUrl: $"/engagements/{engagement.Id}");
            Assert.Equal(HttpStatusCode.Redirect, log.StatusCode);
        }

        var dashboard = Html.Text(await contact.GetStringAsync("/municipality", Ct));
        Assert.Contains("8,5", dashboard);
        Assert.Contains("Beratungstage übrig in diesem Jahr für Stadt sichtbar (1,5 von 10 genutzt, Pool sichtbar)", dashboard);

        var record = Html.Text(await contact.GetStringAsync($"/engagements/{engagement.Id}", Ct));
        Assert.Contains($"Beratungstage {TimeProvider.System.LocalYear()} für Stadt sichtbar", record);
        Assert.Contains("1,5 Tage genutzt", record);
        Assert.Contains("8,5 Tage übrig", record);
        Assert.Contains("10 Tage Kontingent", record);
    }
}
