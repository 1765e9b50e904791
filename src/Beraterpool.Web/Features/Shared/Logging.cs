using System.Diagnostics;
using Serilog;
using Serilog.Formatting.Compact;

namespace Beraterpool.Web.Features.Shared;

public static class Logging
{
    /// <summary>Serilog from configuration; compact JSON lines outside Development so logs stay machine-readable.</summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, lc) =>
        {
            // Sinks and enrichers registered as services join in (tests collect events that way); the redaction comes last.
            lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext().Enrich.With<LogRedaction>();
            if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Logging:PlainConsole"))
                lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                lc.WriteTo.Console(new RenderedCompactJsonFormatter());
        }, preserveStaticLogger: true); // this host's events go to this host's sinks, even with several hosts in one process

    /// <summary>
    /// One line per request, written by this app's own logger: the static Log.Logger belongs to whichever host started
    /// last in the process (several test hosts, the command-line tool). Each line carries the request id (ASP.NET Core's
    /// TraceIdentifier, also in every other event of the request) and the W3C trace id, which a proxy's or
    /// OpenTelemetry's trace shares, so one request can be followed across instances and logs.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestId", http.TraceIdentifier);
                if (Activity.Current is { } activity) diagnostics.Set("TraceId", activity.TraceId.ToHexString());
            };
        });
}
