using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Security;

/// <summary>
/// The matrix tries ids in the address; these forms carry the record or pool in the body. Pool B's coordinator posts
/// pool A's ids into them: nothing of pool A may change.
/// </summary>
public sealed class BodyIdTests(BodyIdTests.App app) : IClassFixture<BodyIdTests.App>
{
    public sealed class App : SecurityApp;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PostAsync(string role, string url, params (string Name, string Value)[] fields)
    {
        var caller = app.World.Callers[role];
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", caller.RequestToken), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };
        request.Headers.Add("Cookie", caller.Cookies);
        return await app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request, Ct);
    }

    [Fact]
    public async Task Another_pools_coordinator_cannot_approve_its_activities()
    {
        var a1 = app.World.Set("a1");
        // The token of the row as the approval list shows it, so that only the pool decides.
        var shown = await app.WithDbAsync(db => db.Activities.Where(a => a.Id == a1.ActivityId)
            .Select(a => new { a.Date, a.Kind, a.HalfDays, a.Participants, a.Notes }).SingleAsync(Ct));
        var token = ($"shown[{a1.ActivityId}]", Beraterpool.Web.Features.Engagements.Manage.ActivityApprovals.Token(shown.Date, shown.Kind, shown.HalfDays, shown.Participants, shown.Notes));
        var response = await PostAsync("coordinator-b", "/manage/engagements?handler=Approve", ("activityIds", a1.ActivityId.ToString()), token);
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        Assert.Null(await app.WithDbAsync(db => db.Activities.Where(a => a.Id == a1.ActivityId).Select(a => a.ApprovedAt).SingleAsync(Ct)));

        // The same post by pool A's coordinator does approve: the post itself is right.
        await PostAsync("coordinator-a", "/manage/engagements?handler=Approve", ("activityIds", a1.ActivityId.ToString()), token);
        Assert.NotNull(await app.WithDbAsync(db => db.Activities.Where(a => a.Id == a1.ActivityId).Select(a => a.ApprovedAt).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Another_pools_coordinator_cannot_add_an_advisor_to_it()
    {
        var a1 = app.World.Set("a1");
        var response = await PostAsync("coordinator-b", "/manage/advisors/new", ("Input.PoolId", a1.PoolId.ToString()), ("Input.FirstName", "Fremd"),
            ("Input.LastName", "Eingeschleust"), ("Input.Email", "fremd@example.org"), ("Input.Status", "Active"), ("Input.SendInvitation", "false"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with its message at the pool field
        Assert.False(await app.WithDbAsync(db => db.Advisors.AnyAsync(a => a.LastName == "Eingeschleust", Ct)));
    }

    [Fact]
    public async Task Another_pools_coordinator_cannot_set_its_quota()
    {
        var a1 = app.World.Set("a1");
        var response = await PostAsync("coordinator-b", $"/manage/quota?pool={a1.PoolId}", ("Input.MunicipalityKey", a1.MunicipalityKey), ("Input.Year", "2026"),
            ("Input.Days", "40"), ("Input.Reason", "Fremder Pool"));
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        Assert.False(await app.WithDbAsync(db => db.DayQuotaAccounts.AnyAsync(q => q.PoolId == a1.PoolId && q.QuotaHalfDays == 80, Ct)));
    }
}
