using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees;

public static class FeesSetup
{
    public static IServiceCollection AddFees(this IServiceCollection services)
    {
        services.AddSingleton<IbanProtector>();
        services.AddScoped<FeeStatements>();
        services.AddScoped<FeeExport>();
        services.AddScoped<FeePayments>();
        services.AddScoped<FeeMails>();
        services.AddScoped<FeeTexts>();
        return services;
    }

    /// <summary>
    /// The files of a statement: its PDF and travel receipts — to the advisor who owns it (found by the signed-in user,
    /// never by the address) and to the coordinators of its pool; anyone else gets 404. And the export for accounting.
    /// </summary>
    public static WebApplication MapFees(this WebApplication app)
    {
        var advisor = app.MapGroup("/me/fees/{id:int}").RequireAuthorization(p => p.RequireRole(Roles.Advisor));
        advisor.MapGet("/pdf", async (int id, FeeStatements fees, PoolAccess access, AppDbContext db, CancellationToken ct) =>
            await OwnAsync(id, fees, access, ct) is { } s ? await PdfAsync(db, s, fees, fullIban: false, ct) : Results.NotFound());
        advisor.MapGet("/travel/{travelId:int}/receipt", async (int id, int travelId, FeeStatements fees, PoolAccess access, AppDbContext db, CancellationToken ct) =>
            await OwnAsync(id, fees, access, ct) is { } s ? await ReceiptAsync(db, s.Id, travelId, ct) : Results.NotFound());

        var manage = app.MapGroup("/manage/fees").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator));
        manage.MapGet("/{id:int}/pdf", async (int id, FeeStatements fees, PoolAccess access, AppDbContext db, CancellationToken ct) =>
        {
            if (await ManagedAsync(id, fees, access, ct) is not { } s) return Results.NotFound();
            // The accounting office's copy carries the full IBAN: who fetched it is kept, as for the export.
            db.Audit("fee.pdf", $"fee:{s.Id}", access.UserId, s.PoolId, s.InvoiceNumber ?? s.Reference);
            await db.SaveChangesAsync(ct);
            return await PdfAsync(db, s, fees, fullIban: true, ct);
        });
        manage.MapGet("/{id:int}/travel/{travelId:int}/receipt", async (int id, int travelId, FeeStatements fees, PoolAccess access, AppDbContext db, CancellationToken ct) =>
            await ManagedAsync(id, fees, access, ct) is { } s ? await ReceiptAsync(db, s.Id, travelId, ct) : Results.NotFound());
        manage.MapGet("/export", ExportAsync);
        return app;
    }

    private static async Task<StatementView?> OwnAsync(int id, FeeStatements fees, PoolAccess access, CancellationToken ct)
    {
        var me = await fees.OwnAdvisorAsync(access.UserId, ct);
        var s = me is null ? null : await fees.LoadAsync(id, ct);
        return s is not null && s.AdvisorId == me!.Id ? s : null;
    }

    private static async Task<StatementView?> ManagedAsync(int id, FeeStatements fees, PoolAccess access, CancellationToken ct)
    {
        var s = await fees.LoadAsync(id, ct);
        return s is not null && await access.CanManageAsync(s.PoolId, ct) ? s : null;
    }

    /// <summary>The archived PDF of an erased advisor's statement, as issued; otherwise rendered from the current records.</summary>
    private static async Task<IResult> PdfAsync(AppDbContext db, StatementView s, FeeStatements fees, bool fullIban, CancellationToken ct)
    {
        var archived = await db.FeeStatements.AsNoTracking().Where(x => x.Id == s.Id).Select(x => x.ArchivedPdf).FirstOrDefaultAsync(ct);
        return Results.File(archived ?? FeePdf.Render(s, fullIban, await fees.ReceiptsAsync(s.Id, ct)), "application/pdf",
            $"Honorarabrechnung-{s.Reference}.pdf");
    }

    private static async Task<IResult> ReceiptAsync(AppDbContext db, int statementId, int travelId, CancellationToken ct)
    {
        var r = await db.TravelCosts.AsNoTracking().Where(t => t.Id == travelId && t.FeeStatementId == statementId && t.Receipt != null)
            .Select(t => new { t.Receipt, t.ReceiptContentType, t.ReceiptFileName }).FirstOrDefaultAsync(ct);
        return r is null ? Results.NotFound() : Results.File(r.Receipt!, r.ReceiptContentType ?? "application/octet-stream", r.ReceiptFileName ?? "beleg");
    }

    private static async Task<IResult> ExportAsync(string? from, string? to, string? format, FeeExport export, PoolAccess access, AppDbContext db, CancellationToken ct)
    {
        if (FeeExport.ParseMonth(from) is not { } first || FeeExport.ParseMonth(to ?? from) is not { } last
            || first.Year * 100 + first.Month > last.Year * 100 + last.Month)
            return Results.Text("Bitte geben Sie den Zeitraum als Jahr und Monat an, z. B. from=2026-01&to=2026-12.", statusCode: StatusCodes.Status400BadRequest);
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return Results.Text("Das Format muss csv oder xlsx sein.", statusCode: StatusCodes.Status400BadRequest);
        var pools = await access.ManagedPoolIdsAsync(ct);
        var rows = await export.RowsAsync(pools, first, last, ct);
        // The file holds full IBANs: who exported what, and when, is kept for every pool it covers.
        var period = $"{first.Year}-{first.Month:00}..{last.Year}-{last.Month:00}";
        foreach (var poolId in pools)
            db.Audit("fee.export", $"pool:{poolId}", access.UserId, poolId,
                $"period={period}; format={(xlsx ? "xlsx" : "csv")}; statements={string.Join(',', rows.Select(r => r.Reference))}".Truncate(2000));
        await db.SaveChangesAsync(ct);
        var name = $"honorare-{first.Year}-{first.Month:00}-bis-{last.Year}-{last.Month:00}";
        return xlsx
            ? Results.File(FeeExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : Results.File(FeeExport.Csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    private static string Truncate(this string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
