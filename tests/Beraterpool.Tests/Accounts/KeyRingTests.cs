using System.Security.Cryptography;
using Beraterpool.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

/// <summary>The key ring in the database is useless without the certificate kept outside it (issue 8, item 2).</summary>
public sealed class KeyRingTests
{
    private const string Iban = "DE89370400440532013000";
    private static readonly string Certificates = Path.Combine(Path.GetTempPath(), "beraterpool-tests", "certificates");

    private static async Task<TestApp> StartAsync(string certificate, string? database = null)
    {
        var app = new TestApp(importGazetteer: false).With("DataProtection:CertificatePath", certificate);
        if (database is not null) app.With("ConnectionStrings:Default", database);
        await app.InitializeAsync();
        return app;
    }

    private static IDataProtector Protector(TestApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Beraterpool.Tests.KeyRing");

    [Fact]
    public async Task Stored_keys_hold_no_key_material_in_clear()
    {
        await using var app = await StartAsync(TestCertificates.CreatePfx(Certificates));
        Protector(app).Protect(Iban);

        var stored = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task A_copy_of_the_database_without_the_certificate_decrypts_nothing()
    {
        await using var first = await StartAsync(TestCertificates.CreatePfx(Certificates));
        var protectedIban = Protector(first).Protect(Iban);

        await using (var thief = await StartAsync(TestCertificates.CreatePfx(Certificates), first.ConnectionString))
            Assert.ThrowsAny<CryptographicException>(() => Protector(thief).Unprotect(protectedIban));
    }

    [Fact]
    public async Task A_second_instance_with_the_certificate_reads_the_same_keys()
    {
        var certificate = TestCertificates.CreatePfx(Certificates);
        await using var first = await StartAsync(certificate);
        var protectedIban = Protector(first).Protect(Iban);

        await using (var second = await StartAsync(certificate, first.ConnectionString))
            Assert.Equal(Iban, Protector(second).Unprotect(protectedIban));
    }

    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start()
    {
        await using var app = new TestApp(importGazetteer: false).With("environment", "Production")
            .With("App:PublicUrl", "https://beraterpool.example");
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await app.InitializeAsync());
        Assert.Contains("DataProtection:CertificatePath", error.ToString());
    }
}
