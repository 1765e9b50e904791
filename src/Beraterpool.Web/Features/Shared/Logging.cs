using Serilog;
using Serilog.Formatting.Compact;

namespace Beraterpool.Web.Features.Shared;

public static class Logging
{
    /// <summary>Serilog from configuration; compact JSON lines outside Development so logs stay machine-readable.</summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, lc) =>
        {
            lc.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Logging:PlainConsole"))
                lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                lc.WriteTo.Console(new RenderedCompactJsonFormatter());
        });
}
