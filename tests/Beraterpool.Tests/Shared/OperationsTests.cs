using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Beraterpool.Tests.Shared;

/// <summary>What an operator relies on: telemetry only when configured, the shutdown grace period, request ids in the log.</summary>
public sealed class OperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_endpoint_no_telemetry_provider_exists()
    {
        await using var app = new TestApp(importGazetteer: false);
        await app.InitializeAsync();
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_are_exported_and_the_app_serves()
    {
        // A closed local port: the exporter's failures must not disturb the app.
        await using var app = new TestApp(importGazetteer: false).With(Telemetry.EndpointKey, "http://127.0.0.1:9");
        await app.InitializeAsync();
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient().GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Requests_in_flight_get_30_seconds_at_shutdown_unless_configured()
    {
        await using var standard = new TestApp(importGazetteer: false);
        Assert.Equal(TimeSpan.FromSeconds(30), standard.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        await using var configured = new TestApp(importGazetteer: false).With(Shutdown.TimeoutKey, "00:01:30");
        Assert.Equal(TimeSpan.FromSeconds(90), configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task Each_request_line_in_the_log_carries_its_request_and_trace_id()
    {
        var log = new CollectedLog();
        await using var app = new TestApp(importGazetteer: false)
            .With("Serilog:MinimumLevel:Default", "Information").WithServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(log));
        await app.InitializeAsync();
        await app.CreateClient().GetAsync("/advisors", Ct);
        await app.CreateClient().GetAsync("/advisors", Ct);

        var lines = log.Text.Split('\n').Where(l => l.StartsWith("HTTP", StringComparison.Ordinal) && l.Contains("/advisors") && l.Contains("responded")).ToList();
        Assert.Equal(2, lines.Count);
        var ids = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, "RequestId=\"([^\"]+)\"").Groups[1].Value).ToList();
        Assert.All(ids, id => Assert.NotEqual("", id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.All(lines, l => Assert.Matches("TraceId=\"[0-9a-f]{32}\"", l));
    }
}
