using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Beraterpool.Web.Features.Impact;

public static class ImpactSetup
{
    /// <summary>The years a report can be asked for: the programme began in 2014; later years are empty until they come.</summary>
    public const int FirstYear = 2010, LastYear = 2100;

    public static IServiceCollection AddImpact(this IServiceCollection services)
    {
        services.AddScoped<ImpactPools>();
        return services;
    }

    /// <summary>The annual report as PDF: <c>/manage/reports/{year}.pdf?pool={id}</c>, for the pool's coordinators.</summary>
    public static WebApplication MapImpact(this WebApplication app)
    {
        app.MapGet("/manage/reports/{year:int}.pdf", async (int year, int? pool, AppDbContext db, ImpactPools pools, TimeProvider time, CancellationToken ct) =>
        {
            if (year is < FirstYear or > LastYear) return Results.NotFound();
            var (_, chosen) = await pools.ChooseAsync(pool, ct);
            if (chosen is null) return Results.NotFound();
            var report = await AnnualReport.BuildAsync(db, chosen, year, time.LocalYear(), "de", ct);
            return Results.File(ReportPdf.Write(report, time.GetUtcNow()), "application/pdf", ReportPdf.FileName(report));
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Administrator + "," + Roles.Coordinator });
        return app;
    }
}
