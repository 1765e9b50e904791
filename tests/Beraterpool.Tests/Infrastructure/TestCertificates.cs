using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Beraterpool.Tests.Infrastructure;

public static class TestCertificates
{
    /// <summary>Writes a new self-signed key-encryption certificate (PFX) into <paramref name="folder"/> and returns its path.</summary>
    public static string CreatePfx(string folder, string? password = null)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Beraterpool test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var path = Path.Combine(folder, $"keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
