using System.Diagnostics;
using System.Net;

namespace Beraterpool.ClusterTests.Infrastructure;

/// <summary>One app process; <see cref="Direct"/> reads from it without nginx (with the public host name it accepts).</summary>
public sealed class AppInstance(string name, int port, ChildProcess process)
{
    public string Name { get; } = name;
    public int Port { get; } = port;
    public ChildProcess Process { get; } = process;

    public HttpClient Direct() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/"),
        DefaultRequestHeaders = { Host = NginxSite.Host },
    };

    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var client = Direct();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(Process.HasExited, $"Instance {Name} stopped (exit code {(Process.HasExited ? Process.ExitCode : 0)}):\n{Process.Tail()}");
            try
            {
                if ((await client.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            Assert.True(clock.Elapsed < timeout, $"Instance {Name} is not ready after {timeout}:\n{Process.Tail()}");
            await Task.Delay(200, ct);
        }
    }

    public override string ToString() => $"instance {Name} (port {Port})";
}

/// <summary>
/// A browser through nginx: HTTPS to beraterpool.example.org, connected to the local nginx port, trusting only the
/// test's own certificate; each request carries a new W3C traceparent, so the instance that logged it can be named.
/// </summary>
public sealed class TracingBrowser : IDisposable
{
    public const string TraceHeader = "X-Test-Trace-Id";

    public HttpClient Client { get; }
    public CookieContainer Cookies { get; } = new();

    public TracingBrowser(int httpsPort)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = Cookies,
            UseCookies = true,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, httpsPort, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == $"CN={NginxSite.Host}" },
        };
        Client = new HttpClient(new Tracing { InnerHandler = sockets }) { BaseAddress = new Uri($"https://{NginxSite.Host}:{httpsPort}/") };
    }

    public void Dispose() => Client.Dispose();

    private sealed class Tracing : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var trace = ActivityTraceId.CreateRandom().ToHexString();
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            var response = await base.SendAsync(request, cancellationToken);
            response.Headers.TryAddWithoutValidation(TraceHeader, trace);
            return response;
        }
    }
}

public static class TraceIds
{
    public static string TraceId(this HttpResponseMessage response) => response.Headers.GetValues(TracingBrowser.TraceHeader).Single();
}
