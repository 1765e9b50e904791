using System.Net;
using System.Text.Json;
using Beraterpool.Web.Data;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Advisors;

public sealed class ConsentWithdrawalTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly TestApp _app = new(importGazetteer: false);
    private int _poolId;
    private int _advisorId;

    public async ValueTask InitializeAsync() => await _app.WithDbAsync(async db =>
    {
        var pool = await DirectoryArrange.PoolAsync(db);
        var advisor = await DirectoryArrange.AdvisorAsync(db, pool, "Grace", "Wanjiru", DirectoryArrange.Koeln, ["fairer-handel"], ["sw"], ["KE"],
            bio: "Geboren in Nairobi.", birthYear: DateTime.Today.Year - 50);
        db.AdvisorPhotos.Add(new AdvisorPhoto { AdvisorId = advisor.Id, Content = Png, ContentType = "image/png", UploadedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        (_poolId, _advisorId) = (pool.Id, advisor.Id);
        return 0;
    });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task WithdrawAsync(ConsentField field)
    {
        await _app.WithDbAsync(db => db.AdvisorConsents.Where(c => c.AdvisorId == _advisorId && c.Field == field).ExecuteDeleteAsync());
        await _app.ChangedAsync(DataVersions.Pool(_poolId));
    }

    [Fact]
    public async Task Withdrawn_country_consent_vanishes_from_profile_directory_filter_and_api_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = _app.CreateClient();
        Assert.Contains("Kenia", Html.Text(await client.GetStringAsync("/advisors/grace-wanjiru", ct)));
        Assert.Contains("Grace Wanjiru", await client.GetStringAsync("/advisors?country=KE", ct));
        Assert.Contains("\"countries\"", await client.GetStringAsync("/api/advisors", ct));

        await WithdrawAsync(ConsentField.CountriesOfOrigin);

        Assert.DoesNotContain("Kenia", Html.Text(await client.GetStringAsync("/advisors/grace-wanjiru", ct)));
        Assert.DoesNotContain("Kenia", Html.Text(await client.GetStringAsync("/advisors", ct)));
        Assert.Contains("Keine Berater*innen gefunden", Html.Text(await client.GetStringAsync("/advisors?country=KE", ct)));
        var api = await client.GetStringAsync("/api/advisors", ct);
        using var doc = JsonDocument.Parse(api);
        var item = doc.RootElement.GetProperty("items")[0];
        Assert.False(item.TryGetProperty("countries", out _));
        Assert.DoesNotContain("KE", api);
        Assert.True(item.TryGetProperty("bio", out _), "other consented fields stay");
    }

    [Fact]
    public async Task Withdrawn_age_and_bio_consents_remove_those_fields()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = _app.CreateClient();
        Assert.Contains("50 Jahre", Html.Text(await client.GetStringAsync("/advisors/grace-wanjiru", ct)));

        await WithdrawAsync(ConsentField.Age);
        await WithdrawAsync(ConsentField.Bio);

        var text = Html.Text(await client.GetStringAsync("/advisors/grace-wanjiru", ct));
        Assert.DoesNotContain("50 Jahre", text);
        Assert.DoesNotContain("Nairobi", text);
        Assert.Contains("Keine Berater*innen gefunden", Html.Text(await client.GetStringAsync("/advisors?q=nairobi", ct)));
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/advisors", ct));
        var item = doc.RootElement.GetProperty("items")[0];
        Assert.False(item.TryGetProperty("age", out _));
        Assert.False(item.TryGetProperty("bio", out _));
    }

    [Fact]
    public async Task Photo_is_served_with_its_type_only_while_consented()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = _app.CreateClient();
        var photo = await client.GetAsync("/advisors/grace-wanjiru/photo", ct);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(photo.Headers.ETag);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("/advisors/grace-wanjiru/photo", await client.GetStringAsync("/advisors", ct));

        await WithdrawAsync(ConsentField.Photo);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/advisors/grace-wanjiru/photo", ct)).StatusCode);
        Assert.DoesNotContain("/photo", await client.GetStringAsync("/advisors", ct));
        Assert.DoesNotContain("photoUrl", await client.GetStringAsync("/api/advisors", ct));
    }

    [Fact]
    public async Task Paused_advisor_leaves_the_directory_after_the_change_signal()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = _app.CreateClient();
        Assert.Contains("Grace Wanjiru", await client.GetStringAsync("/advisors", ct));

        await _app.WithDbAsync(db => db.Advisors.Where(a => a.Id == _advisorId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AdvisorStatus.Paused)));
        await _app.ChangedAsync(DataVersions.Pool(_poolId));

        Assert.DoesNotContain("Grace Wanjiru", await client.GetStringAsync("/advisors", ct));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/advisors/grace-wanjiru", ct)).StatusCode);
        Assert.Contains("\"total\":0", await client.GetStringAsync("/api/advisors", ct));
    }
}
