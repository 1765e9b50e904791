using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Infrastructure;

public static class Axe
{
    /// <summary>
    /// Runs axe-core over the whole page (all rules, best practices included) and fails with a readable list:
    /// rule id, impact, what it means and where (the first three elements).
    /// </summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        if (await page.AxeViolationsAsync() is { } message) Assert.Fail(message);
    }

    /// <summary>The readable list of violations, or null when there are none: for tests that check many pages.</summary>
    public static async Task<string?> AxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length == 0) return null;

        var message = new StringBuilder($"{result.Violations.Length} axe violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            message.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(3))
                message.AppendLine().Append($"    at {node.Target}  {Shorten(node.Html)}");
            if (violation.Nodes.Length > 3) message.AppendLine().Append($"    … and {violation.Nodes.Length - 3} more");
        }
        return message.ToString();
    }

    private static string Shorten(string? html)
    {
        var flat = string.Join(' ', (html ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 120 ? flat : flat[..117] + "...";
    }
}
