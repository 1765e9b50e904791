using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Infrastructure;

public static class PageErrors
{
    /// <summary>
    /// Collects what the browser reports as errors from now on: console errors (Chromium reports blocked
    /// inline script or style — CSP violations — and failed asset loads there) and uncaught script errors.
    /// </summary>
    public static List<string> RecordErrors(this IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
