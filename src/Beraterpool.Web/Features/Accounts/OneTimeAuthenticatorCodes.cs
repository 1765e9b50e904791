using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// The authenticator app's codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits, one step of clock drift either
/// way), as Identity's own provider checks them — except that each code is good once (ASVS 2.8.4): the last step used
/// is kept with the user, and a code of that step or an earlier one is refused. Saving it goes through the user's
/// concurrency stamp, so of two requests racing with one code only one wins.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    private const string Store = "[AspNetUserStore]";
    private const string LastStep = "AuthenticatorLastStep";

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        var secret = FromBase32(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = Math.Max(now - 1, last + 1); step <= now + 1; step++)
        {
            if (Code(secret, step) != code) continue;
            var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture));
            return saved.Succeeded;
        }
        return false;
    }

    /// <summary>Forgets the last step, for a new key whose codes start afresh.</summary>
    public static Task ForgetAsync(UserManager<AppUser> manager, AppUser user) => manager.RemoveAuthenticationTokenAsync(user, Store, LastStep);

    private static int Code(byte[] secret, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        return (((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3]) % 1_000_000;
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
