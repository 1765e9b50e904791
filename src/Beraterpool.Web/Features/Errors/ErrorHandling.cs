namespace Beraterpool.Web.Features.Errors;

public static class ErrorHandling
{
    /// <summary>Friendly German error pages for 404, 403, 500 … (the developer page only in Development).</summary>
    public static IApplicationBuilder UseFriendlyErrors(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
