using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Beraterpool.ClusterTests.Infrastructure;

/// <summary>
/// nginx as a child process with its own prefix, pid, logs and temp folders, serving deploy/nginx/beraterpool.conf with
/// only what the file's header lists changed: upstream ports, listen ports, certificate paths.
/// </summary>
public static partial class NginxSite
{
    public const string Host = "beraterpool.example.org";

    public static string? FindNginx() =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "nginx")))
            .FirstOrDefault(File.Exists);

    /// <summary>The repository's site file with the test's ports and certificate; fails when a line it changes is gone.</summary>
    public static string Site(string deployed, int httpsPort, int httpPort, IReadOnlyList<int> instancePorts, string certificate, string key)
    {
        var site = deployed;
        var upstreams = UpstreamServer().Matches(site);
        Assert.True(upstreams.Count == instancePorts.Count,
            $"deploy/nginx/beraterpool.conf lists {upstreams.Count} upstream servers of the form 'server 127.0.0.1:<port> ...;', the test runs {instancePorts.Count}.");
        var i = 0;
        site = UpstreamServer().Replace(site, m => $"{m.Groups[1].Value}127.0.0.1:{instancePorts[i++]}");
        site = Replace(site, ListenHttps(), $"${{1}}127.0.0.1:{httpsPort}${{2}}", "listen 443 ...;");
        site = Replace(site, ListenHttp(), $"${{1}}127.0.0.1:{httpPort}${{2}}", "listen 80;");
        site = Replace(site, Certificate(), $"${{1}}{certificate};", "ssl_certificate <path>;");
        site = Replace(site, CertificateKey(), $"${{1}}{key};", "ssl_certificate_key <path>;");
        return site;
    }

    private static string Replace(string text, Regex pattern, string replacement, string what)
    {
        Assert.True(pattern.Matches(text).Count == 1, $"deploy/nginx/beraterpool.conf: expected exactly one '{what}' line.");
        return pattern.Replace(text, replacement);
    }

    /// <summary>The main configuration (Debian's /etc/nginx/nginx.conf in production): everything under <paramref name="folder"/>.</summary>
    public static string MainConfiguration(string folder, string siteFile)
    {
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            {{user}}
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{siteFile}};
            }
            """;
    }

    /// <summary>A self-signed TLS pair for <see cref="Host"/> as PEM files.</summary>
    public static (string Certificate, string Key) WriteTlsPair(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={Host}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var (cert, key) = (Path.Combine(folder, "tls.crt"), Path.Combine(folder, "tls.key"));
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(^\s*server\s+)127\.0\.0\.1:\d+(?=[^;\n]*;)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"(^\s*listen\s+)443(\s+ssl[^;\n]*;)", RegexOptions.Multiline)]
    private static partial Regex ListenHttps();

    [GeneratedRegex(@"(^\s*listen\s+)80(\s*;)", RegexOptions.Multiline)]
    private static partial Regex ListenHttp();

    [GeneratedRegex(@"(^\s*ssl_certificate\s+)[^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex Certificate();

    [GeneratedRegex(@"(^\s*ssl_certificate_key\s+)[^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex CertificateKey();
}
