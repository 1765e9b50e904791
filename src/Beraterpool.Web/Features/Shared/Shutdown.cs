namespace Beraterpool.Web.Features.Shared;

public static class Shutdown
{
    public const string TimeoutKey = "HostOptions:ShutdownTimeout";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On SIGTERM (systemd stop, a deployment) Kestrel stops accepting connections and waits for the requests in flight
    /// up to <c>HostOptions:ShutdownTimeout</c> (30 s unless configured, e.g. "00:01:00"; .NET's own default of 30 s is
    /// stated here so that it is visible and tested). systemd's TimeoutStopSec must be longer.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration config) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = config.GetValue(TimeoutKey, DefaultTimeout));
}
