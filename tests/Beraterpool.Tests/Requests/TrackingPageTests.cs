using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

/// <summary>Defect 1 of issue 13: from the tracking page the municipality reaches its account and its engagement.</summary>
public sealed partial class TrackingPageTests(TrackingPageTests.App app) : IClassFixture<TrackingPageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<form[^>]*action=\"([^\"]*handler=Account[^\"]*)\"")]
    private static partial Regex AccountForm();

    [GeneratedRegex("href=\"([^\"]*/requests/track/[^\"]*/withdraw)\"")]
    private static partial Regex WithdrawLink();

    [GeneratedRegex("href=\"([^\"]*/engagement[^\"]*)\"")]
    private static partial Regex EngagementLink();

    /// <summary>A token with capitals, as most are: the generated URLs were lower-cased and no longer matched its hash.</summary>
    private async Task<(int Id, string Token)> MixedCaseRequestAsync(string email, RequestStatus status = RequestStatus.Submitted)
    {
        await app.SeedRegisterAsync();
        var pool = await app.WithDbAsync(db => db.Pools.Select(p => (int?)p.Id).FirstOrDefaultAsync()) ?? (await app.CreatePoolAsync("verfolgen")).Id;
        while (true)
        {
            var (id, token) = await app.CreateRequestAsync(pool, email: email, status: status);
            if (token != token.ToLowerInvariant()) return (id, token);
        }
    }

    [Fact]
    public async Task Defect1_TrackingPageAccountCreationKeepsTheTokenCase()
    {
        var (_, token) = await MixedCaseRequestAsync("defekt1-konto@koeln.example");
        var browser = app.Browser();
        var html = await browser.GetStringAsync($"/requests/track/{token}", Ct);

        var action = WebUtility.HtmlDecode(AccountForm().Match(html).Groups[1].Value);
        Assert.Contains(token, action);
        var response = await browser.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", Html.AntiforgeryToken(html))]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.Contains(token, back);
        var page = Html.Text(await browser.GetStringAsync(back, Ct));
        Assert.Contains("Wir haben Ihnen eine E-Mail an defekt1-konto@koeln.example geschickt", page);
    }

    [Fact]
    public async Task Defect1_TrackingPageWithdrawLinkKeepsTheTokenCase()
    {
        var (_, token) = await MixedCaseRequestAsync("defekt1-zurueck@koeln.example");
        var browser = app.Browser();
        var link = WithdrawLink().Match(await browser.GetStringAsync($"/requests/track/{token}", Ct)).Groups[1].Value;
        Assert.Contains(token, link);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link, Ct)).StatusCode);
    }

    [Fact]
    public async Task Defect1_TrackingPageEngagementLinkWorksWithoutAnAccount()
    {
        var (id, token) = await MixedCaseRequestAsync("defekt1-einsatz@koeln.example", RequestStatus.InProgress);
        var pool = await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.PoolId).SingleAsync());
        var advisor = await app.CreateAdvisorAsync(pool, $"defekt1-{Guid.NewGuid():N}"[..20]);
        await app.WithDbAsync(async db =>
        {
            var engagement = new Engagement { PoolId = pool, RequestId = id, MunicipalityKey = RequestArrange.Koeln, StartedAt = DateTimeOffset.UtcNow.AddDays(-10) };
            engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = DateTimeOffset.UtcNow.AddDays(-10) });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            db.ActionOptions.Add(new ActionOption { EngagementId = engagement.Id, Title = "Runder Tisch der Vereine", Status = ActionOptionStatus.Agreed });
            return await db.SaveChangesAsync();
        });
        var anonymous = app.Browser();
        var link = WebUtility.HtmlDecode(EngagementLink().Match(await anonymous.GetStringAsync($"/requests/track/{token}", Ct)).Groups[1].Value);
        Assert.NotEmpty(link);

        var response = await anonymous.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(advisor.LastName, page);
        Assert.Contains("Runder Tisch der Vereine", page);
        // A wrong secret shows nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link.Replace(token, token.ToLowerInvariant()), Ct)).StatusCode);
    }
}
