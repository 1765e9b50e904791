namespace Beraterpool.BrowserTests.Infrastructure;

/// <summary>The axe helper itself: a page test that passes must be able to fail.</summary>
public sealed class AxeTests(BrowserApp app)
{
    [Fact]
    public async Task Axe_check_fails_with_rule_impact_and_element()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"de\"><head><title>t</title></head><body><main><img src=\"data:,\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(page.AssertNoAxeViolationsAsync);

        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("img", failure.Message);
    }
}
