using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Errors;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;

var builder = WebApplication.CreateBuilder(args);
// Serve CSS and fonts when run from source in any environment (a no-op in a published app).
builder.WebHost.UseStaticWebAssets();

builder.AddStructuredLogging();
builder.AddTelemetry();
builder.Services.AddGracefulShutdown(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
builder.Services.AddKeyRing(builder.Configuration, builder.Environment);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddWebUi();
builder.Services.AddPools();
builder.Services.AddFeatures(builder.Configuration);
builder.Services.AddProxyAndHttps(builder.Configuration, builder.Environment);
builder.Services.AddUploadLimits();
builder.Services.AddHealth();

var app = builder.Build();

await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);

app.UseHealthProbes();
app.UseProxyAndHttps();
app.UseFriendlyErrors();
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseRequestLogging();
app.UsePoolResolution();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorEnforcement();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapFeatureEndpoints();

app.Run();
