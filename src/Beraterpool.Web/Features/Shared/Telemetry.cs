using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, Npgsql, the runtime), sent by OTLP to
/// <c>OpenTelemetry:OtlpEndpoint</c> (e.g. http://collector:4317; <c>OpenTelemetry:OtlpProtocol</c> Grpc or
/// HttpProtobuf). Without an endpoint nothing is registered at all: no provider, no listener, no cost per request.
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OpenTelemetry:OtlpEndpoint";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!Uri.TryCreate(config[EndpointKey], UriKind.Absolute, out var endpoint)) return;
        var protocol = config.GetValue("OpenTelemetry:OtlpProtocol", OtlpExportProtocol.Grpc);
        void Exporter(OtlpExporterOptions o) => (o.Endpoint, o.Protocol) = (endpoint, protocol);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OpenTelemetry:ServiceName"] ?? "beraterpool", serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                // Probes every few seconds are noise, not traffic.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Exporter))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(Exporter));
    }
}
