using System.Net;
using Beraterpool.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sending_more_requests_than_allowed_from_one_address_answers_429_with_the_friendly_page()
    {
        await using var app = new TestApp(importGazetteer: false).With("Requests:RateLimit:PermitLimit", "2");
        await app.SeedRegisterAsync();
        var pool = await app.CreatePoolAsync("limit");
        var client = app.Browser();
        List<KeyValuePair<string, string>> Answers(int i) =>
        [
            new("Input.MunicipalityKey", RequestArrange.Koeln), new("Input.ContactName", "Erika Beispiel"), new("Input.ContactEmail", $"limit{i}@koeln.example"),
            new("Input.Goal", "Ziel"), new("Input.Need", "Bedarf"), new("Input.Format", "Mixed"), new("Input.Consent", "true"),
        ];
        for (var i = 1; i <= 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/requests/new?handler=Submit", Answers(i), "/requests/new")).StatusCode);

        var refused = await client.PostFormAsync("/requests/new?handler=Submit", Answers(3), "/requests/new");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele Anfragen", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(2, await app.WithDbAsync(db => db.ConsultationRequests.CountAsync(r => r.PoolId == pool.Id)));
        // Searching and checking the answers are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/requests/new?handler=Review", Answers(4), "/requests/new")).StatusCode);
    }
}
