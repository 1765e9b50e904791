using System.Globalization;
using System.Text.Json.Nodes;
using Beraterpool.Web.Features.Advisors.Directory;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.OpenData;

/// <summary>
/// schema.org descriptions of the public pages, for search engines and portals. The site address is always the
/// pool's configured address (<see cref="Email.PublicLinks.Pool"/>), never the request's host.
/// </summary>
public static class SchemaOrg
{
    private const string Context = "https://schema.org";

    public static JsonObject Organization(PoolInfo pool, string site) => JsonLd.Object(
        ("@context", Context), ("@type", "Organization"), ("@id", site + "/#organization"),
        ("name", pool.Name), ("alternateName", pool.BrandName == pool.Name ? null : pool.BrandName),
        ("url", site + "/"), ("email", pool.ContactEmail),
        ("logo", pool.HasLogo ? $"{site}/pools/{Uri.EscapeDataString(pool.Slug)}/logo" : null));

    /// <summary>
    /// Exactly what the directory publishes (<see cref="DirectoryAdvisor"/> holds consented fields only), and less: no gender,
    /// age or countries of origin, which schema.org has no honest property for (origin is not nationality).
    /// </summary>
    public static JsonObject Person(DirectoryAdvisor a, IEnumerable<DirectoryTopic> topics, PoolInfo pool, string site, string jobTitle, string culture) => JsonLd.Object(
        ("@context", Context), ("@type", "Person"),
        ("@id", $"{site}/advisors/{Uri.EscapeDataString(a.Slug)}#person"),
        ("name", a.Name), ("givenName", a.FirstName), ("familyName", a.LastName),
        ("url", $"{site}/advisors/{Uri.EscapeDataString(a.Slug)}"),
        ("image", a.HasPhoto ? $"{site}/advisors/{Uri.EscapeDataString(a.Slug)}/photo" : null),
        ("jobTitle", jobTitle),
        ("description", a.Expertise),
        ("homeLocation", a.CityName is { } city
            ? JsonLd.Object(("@type", "Place"), ("name", city),
                ("address", JsonLd.Object(("@type", "PostalAddress"), ("addressLocality", city), ("addressCountry", "DE"))))
            : null),
        // BCP 47 codes, as schema.org recommends for knowsLanguage.
        ("knowsLanguage", JsonLd.Array(a.Languages?.Select(l => (JsonNode?)l.Code))),
        ("knowsAbout", JsonLd.Array(topics.Select(t => (JsonNode?)t.Name(culture)))),
        ("memberOf", OrganizationRef(pool, site)));

    /// <summary>The join link of an online event goes to registered people only: the virtual location is the event's page.</summary>
    public static JsonObject Event(Event e, PoolInfo pool, string site)
    {
        var url = $"{site}/events/{e.Id}";
        var place = e.Place is { } p ? JsonLd.Object(("@type", "Place"), ("name", p), ("address", p)) : null;
        var online = e.OnlineUrl is not null ? JsonLd.Object(("@type", "VirtualLocation"), ("url", url)) : null;
        var mode = (place, online) switch
        {
            (not null, not null) => "MixedEventAttendanceMode",
            (null, not null) => "OnlineEventAttendanceMode",
            _ => "OfflineEventAttendanceMode",
        };
        return JsonLd.Object(
            ("@context", Context), ("@type", "Event"), ("@id", url + "#event"),
            ("name", e.Title), ("url", url),
            ("startDate", Iso(e.StartsAt)), ("endDate", Iso(e.EndsAt)),
            ("eventStatus", Context + "/" + (e.IsCancelled ? "EventCancelled" : "EventScheduled")),
            ("eventAttendanceMode", Context + "/" + mode),
            ("location", place is not null && online is not null ? new JsonArray(place, online) : place ?? online),
            ("maximumAttendeeCapacity", e.Capacity),
            ("isAccessibleForFree", true),
            ("organizer", OrganizationRef(pool, site)));
    }

    /// <summary>German local time with its offset (+01:00 in winter, +02:00 in summer), as the page shows it.</summary>
    public static string Iso(DateTimeOffset at) => ProgrammeTime.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject OrganizationRef(PoolInfo pool, string site) => JsonLd.Object(
        ("@type", "Organization"), ("@id", site + "/#organization"), ("name", pool.Name), ("url", site + "/"));
}
