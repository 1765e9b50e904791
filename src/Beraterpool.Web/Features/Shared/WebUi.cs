using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Beraterpool.Web.Features.Shared.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Shared;

public static class WebUi
{
    public static readonly string[] Cultures = ["de", "en", "fr"];

    /// <summary>
    /// Writes "Köln", not "K&amp;#xF6;ln": only markup characters are escaped. Razor gets the same settings
    /// from AddWebEncoders in <see cref="AddWebUi"/>; code that writes HTML itself uses this one.
    /// </summary>
    public static readonly HtmlEncoder HtmlEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // One resource per feature and language, plus the shared one; German is the key (FeatureStringLocalizerFactory).
        services.AddSingleton<IStringLocalizerFactory, FeatureStringLocalizerFactory>();
        services.AddLocalization();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // Deny by default: every page is for signed-in users unless it says [AllowAnonymous].
                // (A page convention rather than a fallback policy, so unknown addresses answer 404, not a sign-in.)
                o.Conventions.AuthorizeFolder("/");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(type));
        services.Configure<RouteOptions>(o => { o.LowercaseUrls = true; o.LowercaseQueryStrings = false; });

        services.AddAuthorization();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("de");
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            // Query string first (shareable links), then the cookie the switch sets; never the browser header,
            // so a German public site stays German unless the visitor chooses otherwise.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }, new CookieRequestCultureProvider()];
        });

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        return services;
    }

    /// <summary>"de", "en" or "fr" for the current request.</summary>
    public static string CurrentCulture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "en" => "en",
        "fr" => "fr",
        _ => "de",
    };
}

/// <summary>Marker for the shared resource (common words, glossary terms, texts of more than one feature).</summary>
public sealed class SharedResource;
