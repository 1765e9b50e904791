using System.Net;
using System.Net.Sockets;
using System.Text;
using Beraterpool.Web.Features.Email;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Beraterpool.Tests.Email;

/// <summary>Email:RequireTls means TLS or no mail: a server that offers no STARTTLS never receives the message in plain text (issue 8, item 15).</summary>
public sealed class SmtpTlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_tls_required_a_server_without_starttls_gets_no_mail()
    {
        await using var server = PlainSmtpServer.Start();
        var sender = Sender(server.Port, requireTls: true);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Message(), Ct));

        Assert.DoesNotContain(server.Commands, c => c.StartsWith("MAIL FROM", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Tls_is_required_unless_switched_off()
    {
        Assert.True(new EmailOptions().RequireTls);
        await using var server = PlainSmtpServer.Start();

        await Sender(server.Port, requireTls: false).SendAsync(Message(), Ct);

        Assert.Contains(server.Commands, c => c.StartsWith("MAIL FROM", StringComparison.OrdinalIgnoreCase));
    }

    private static EmailMessage Message() => new("kommune@example.org", "Test", "Hallo");

    private static EmailSender Sender(int port, bool requireTls) => new(TimeProvider.System,
        Options.Create(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, RequireTls = requireTls }),
        new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, NullLogger<EmailSender>.Instance);

    /// <summary>Just enough SMTP to take one message, and no STARTTLS: the downgrade an attacker on the path would offer.</summary>
    private sealed class PlainSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _serving;
        public List<string> Commands { get; } = [];
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private PlainSmtpServer()
        {
            _listener.Start();
            _serving = ServeAsync();
        }

        public static PlainSmtpServer Start() => new();

        private async Task ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 plain.example ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (Commands) Commands.Add(line);
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (verb is "EHLO" or "HELO") await writer.WriteAsync("250-plain.example\r\n250 8BITMIME\r\n");
                else if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 go ahead");
                    while (await reader.ReadLineAsync() is { } data && data != ".") { }
                    await writer.WriteLineAsync("250 queued");
                }
                else if (verb == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
                else await writer.WriteLineAsync("250 OK");
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try { await _serving.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* the client went away */ }
        }
    }
}
