using System.Globalization;
using System.Net;
using System.Text;

namespace Beraterpool.Web.Features.Impact;

/// <summary>The map as the page shows it: an id for its labels, a title, a summary in words, the data and the markers' tooltips.</summary>
public sealed record MapPicture(string Id, string Title, string Summary, PoolMap Map, Func<MapPlace, string> PlaceLabel, Func<MapPlace, string> CityLabel);

/// <summary>
/// The pool map drawn by the server as SVG, like the charts: an image with a title and a description (role="img",
/// aria-labelledby), and the page lists every place in tables beside it. The states' outlines come from the app itself,
/// so there is no tile server, no script and nothing loaded from elsewhere.
/// <para>
/// Projection: equirectangular over the frame, longitudes shortened by the cosine of the frame's middle latitude — at
/// Germany's latitudes that keeps shapes recognisable, and over a few hundred kilometres the error is below what a
/// marker covers. Reached municipalities are circles whose area grows with their days (radius by square root, from a
/// small floor so a municipality with no day yet still shows); the advisors' cities are diamonds, so the two differ by
/// shape and not only by colour.
/// </para>
/// </summary>
public static class SvgMap
{
    public const int Width = 600;
    public const double MinRadius = 4, MaxRadius = 18, CitySize = 6;
    private const double Margin = 0.04;

    public static string Render(MapPicture picture)
    {
        var map = picture.Map;
        var chosen = map.StateCodes.Count == 0 ? StateOutlines.All : StateOutlines.All.Where(s => map.StateCodes.Contains(s.Code)).ToList();
        if (chosen.Count == 0) chosen = StateOutlines.All;
        var points = map.Municipalities.Concat(map.AdvisorCities)
            .SelectMany(p => p is { Longitude: { } lon, Latitude: { } lat } ? [(Lon: lon, Lat: lat)] : Array.Empty<(double Lon, double Lat)>()).ToList();
        var west = chosen.Min(s => s.West);
        var east = chosen.Max(s => s.East);
        var south = chosen.Min(s => s.South);
        var north = chosen.Max(s => s.North);
        foreach (var (lon, lat) in points)
            (west, east, south, north) = (Math.Min(west, lon), Math.Max(east, lon), Math.Min(south, lat), Math.Max(north, lat));
        var padLon = (east - west) * Margin;
        var padLat = (north - south) * Margin;
        (west, east, south, north) = (west - padLon, east + padLon, south - padLat, north + padLat);

        var shrink = Math.Cos((south + north) / 2 * Math.PI / 180);
        var scale = Width / ((east - west) * shrink);
        var height = (int)Math.Ceiling((north - south) * scale);
        (double X, double Y) Project(double lon, double lat) => ((lon - west) * shrink * scale, (north - lat) * scale);

        var svg = new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" class=\"map\" role=\"img\" "))
            .Append("aria-labelledby=\"").Append(picture.Id).Append("-title ").Append(picture.Id).Append("-desc\">")
            .Append("<title id=\"").Append(picture.Id).Append("-title\">").Append(E(picture.Title)).Append("</title>")
            .Append("<desc id=\"").Append(picture.Id).Append("-desc\">").Append(E(picture.Summary)).Append("</desc>");

        // Neighbouring states inside the frame are drawn too, paler: a pool's state floating alone is hard to place.
        svg.Append("<g class=\"map__states\">");
        foreach (var state in StateOutlines.All.Where(s => s.East >= west && s.West <= east && s.North >= south && s.South <= north))
        {
            var d = new StringBuilder();
            foreach (var ring in state.Rings)
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var (x, y) = Project(ring[i].Lon, ring[i].Lat);
                    d.Append(i == 0 ? 'M' : 'L').Append(Invariant($"{x:0.#},{y:0.#}"));
                }
                d.Append('Z');
            }
            var own = chosen.Contains(state) && map.StateCodes.Count > 0;
            svg.Append("<path class=\"map__state").Append(own ? " map__state--pool" : "").Append("\" data-state=\"").Append(state.Code)
               .Append("\" fill-rule=\"evenodd\" d=\"").Append(d).Append("\"><title>").Append(E(state.Name)).Append("</title></path>");
        }
        svg.Append("</g>");

        // The cities first: a reached municipality's translucent circle on top leaves a diamond beneath it visible.
        svg.Append("<g class=\"map__cities\">");
        foreach (var city in map.AdvisorCities)
        {
            if (city is not { Longitude: { } lon, Latitude: { } lat }) continue;
            var (x, y) = Project(lon, lat);
            svg.Append(Invariant($"<path d=\"M{x:0.#},{y - CitySize:0.#}L{x + CitySize:0.#},{y:0.#}L{x:0.#},{y + CitySize:0.#}L{x - CitySize:0.#},{y:0.#}Z\" class=\"map__city\" data-key=\"{city.Key}\">"))
               .Append("<title>").Append(E(picture.CityLabel(city))).Append("</title></path>");
        }
        svg.Append("</g>");

        // Largest first, so a small circle is never hidden under a big one.
        var max = map.Municipalities.Count == 0 ? 0 : map.Municipalities.Max(m => m.Value);
        svg.Append("<g class=\"map__places\">");
        foreach (var place in map.Municipalities.OrderByDescending(m => m.Value))
        {
            if (place is not { Longitude: { } lon, Latitude: { } lat }) continue;
            var (x, y) = Project(lon, lat);
            svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{Radius(place.Value, max):0.##}\" class=\"map__place\" data-key=\"{place.Key}\">"))
               .Append("<title>").Append(E(picture.PlaceLabel(place))).Append("</title></circle>");
        }
        return svg.Append("</g></svg>").ToString();
    }

    /// <summary>The circle's radius: its area above the floor grows with the days, the most days get the largest.</summary>
    public static double Radius(decimal days, decimal most) =>
        most <= 0 || days <= 0 ? MinRadius : MinRadius + (MaxRadius - MinRadius) * Math.Sqrt((double)(days / most));

    /// <summary>The legend's sample shapes (decorative: the legend's words say what they mean).</summary>
    public static string PlaceSymbol => Invariant($"<svg class=\"map-legend__symbol\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"10\" cy=\"10\" r=\"8\" class=\"map__place\"/></svg>");

    public static string CitySymbol => Invariant($"<svg class=\"map-legend__symbol\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M10,3L17,10L10,17L3,10Z\" class=\"map__city\"/></svg>");

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
