using Microsoft.AspNetCore.DataProtection;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// Keeps the personal link's secret readable for the product's own mails only: encrypted with the data-protection key
/// ring, whose keys are encrypted with a certificate outside the database — a copy of the database alone yields no link.
/// The page still finds the request by the secret's hash.
/// </summary>
public sealed class TrackingTokenVault(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Requests.TrackingToken.v1");

    public string Protect(string token) => protector.Protect(token);

    /// <summary>The secret, or null when none was kept (older requests) or the key is gone.</summary>
    public string? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        try { return protector.Unprotect(stored); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }
}
