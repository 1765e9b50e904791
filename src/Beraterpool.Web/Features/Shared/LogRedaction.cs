using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// Secrets that travel in a path — the personal request-tracking link — never reach the log. ASP.NET Core puts the
/// raw path into every event of a request (its log scope and the request line), so the path is rewritten on each event
/// before any sink sees it. Query strings (reset and invitation codes) are not logged at all. E-mail addresses in
/// any property keep only their first letter and domain ("m***@stadt-koeln.example"): enough to follow a case, not
/// a list of people.
/// </summary>
public sealed partial class LogRedaction : ILogEventEnricher
{
    [GeneratedRegex("(?<=/requests/track/)[^/?#]+", RegexOptions.IgnoreCase)]
    private static partial Regex TrackingToken();

    [GeneratedRegex(@"(?<first>[^\s@<>""',;:]?)[^\s@<>""',;:]*@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})")]
    private static partial Regex EmailAddress();

    public static string Path(string path) => TrackingToken().Replace(path, "***");

    public static string Mask(string text) => EmailAddress().Replace(text, m => $"{m.Groups["first"].Value}***@{m.Groups["domain"].Value}");

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is not ScalarValue { Value: string text }) continue;
            var redacted = Mask(name is "RequestPath" or "Path" ? Path(text) : text);
            if (redacted != text) logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
        }
    }
}
