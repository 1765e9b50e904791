using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Beraterpool.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// The data-protection key ring (it protects sign-in cookies, reset links and the advisors' IBANs) lives in the database,
/// so restarts and several instances share it; each key is encrypted with an X.509 certificate that lives outside the
/// database, so a copy of the database alone decrypts nothing and forges no cookie.
/// </summary>
public static class KeyRing
{
    public const string DemoCertificate = "App_Data/keys/data-protection.pfx";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var certificate = Certificate(config, env);
        var builder = services.AddDataProtection().SetApplicationName("Beraterpool").PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithCertificate(certificate);
        // Keys written under a previous certificate stay readable while the ring rolls over to the new one.
        foreach (var previous in config.GetSection("DataProtection:PreviousCertificates").GetChildren())
            builder.UnprotectKeysWithAnyCertificate(Load(Resolve(env, previous["Path"]!), previous["Password"]));
        return services;
    }

    private static X509Certificate2 Certificate(IConfiguration config, IHostEnvironment env)
    {
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } path)
            return Load(Resolve(env, path), config["DataProtection:CertificatePassword"]);
        if (env.IsProduction())
            throw new InvalidOperationException("Production needs DataProtection:CertificatePath (a PFX file outside the database) " +
                                                "to encrypt the key ring at rest; see the README, section Production.");
        return Load(EnsureDemoCertificate(Resolve(env, DemoCertificate)), null);
    }

    private static string Resolve(IHostEnvironment env, string path) => Path.GetFullPath(Path.Combine(env.ContentRootPath, path));

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>
    /// Outside production a self-signed certificate is made once beside the database. Written to a temporary file and
    /// moved, so two instances (or test hosts) starting together end up with the same one.
    /// </summary>
    private static string EnsureDemoCertificate(string path)
    {
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Beraterpool data protection (demo)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.FromUnixTimeSeconds(0);
        using var certificate = request.CreateSelfSigned(now, now.AddYears(100));
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pfx));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
        return path;
    }
}
