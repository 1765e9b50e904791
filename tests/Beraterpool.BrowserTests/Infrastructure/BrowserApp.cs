using Beraterpool.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Beraterpool.BrowserTests.Infrastructure.BrowserApp))]

namespace Beraterpool.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a browser needs a real socket) with the demo data and the register, plus one
/// headless Debian Chromium — shared by the whole assembly. Each test opens its own browser context, so cookies
/// never leak between tests. Only for tests that read, so the demo pages can be asserted exactly: a journey that
/// writes data takes an <see cref="OwnBrowserApp"/>.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly BrowserApp? _shared;

    public BrowserApp() { }

    /// <summary>An app of its own whose pages open in the shared app's Chromium (contexts are cheap, browsers are not).</summary>
    protected BrowserApp(BrowserApp shared) => _shared = shared;

    public TestApp App { get; } = new KestrelTestApp();

    /// <summary>The server's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        // The port is known only now; links in mails must lead to this server.
        App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["App:PublicUrl"] = BaseUrl;

        if (_shared is not null)
        {
            _browser = _shared._browser;
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Nothing but our own server: no update checks, sync or first-run pages.
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) whose relative URLs go to the app.</summary>
    /// <param name="width">Viewport width: 1280 for an office screen, 390 for a phone.</param>
    /// <param name="javaScript">False proves that a journey works with plain links and form submits.</param>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            IsMobile = width < 600,
            HasTouch = width < 600,
            JavaScriptEnabled = javaScript,
        });
        // A missing element should fail in seconds, not after Playwright's default half minute.
        context.SetDefaultTimeout(10_000);
        return context;
    }

    /// <summary>A page in a fresh context; dispose the context (await using) when done.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(int width = 1280, bool javaScript = true)
    {
        var context = await NewContextAsync(width, javaScript);
        return (context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_shared is null && _browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The demo app, serving CSS and fonts from the build output as a browser sees them (axe checks contrast).</summary>
    private sealed class KestrelTestApp() : TestApp(demo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Outside Development the app only knows the published asset manifest; load the build's one.
            builder.UseStaticWebAssets();
        }
    }
}

/// <summary>
/// The demo app on a server and SQLite file of its own, for one test class (<c>IClassFixture&lt;OwnBrowserApp&gt;</c>) whose
/// journey writes data: what it adds or changes never shows on the shared app's pages.
/// </summary>
public sealed class OwnBrowserApp(BrowserApp shared) : BrowserApp(shared);
