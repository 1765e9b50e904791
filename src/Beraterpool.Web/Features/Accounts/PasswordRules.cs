using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Passwords after NIST SP 800-63B: length counts, composition rules do not (Identity checks only the minimum
/// length and a few different characters). Refused are passwords longer than <see cref="MaxLength"/>, those on the
/// list of common and leaked passwords — also with digits or symbols added before or after ("passwort1234") — and
/// those that contain the person's e-mail address or name or the programme's name, which an attacker tries first.
/// </summary>
public sealed class PasswordRules(CommonPasswordList common, PoolCatalog pools, IStringLocalizer<PasswordRules> text) : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    private const string ProgrammeName = "Beraterpool";

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return IdentityResult.Success; // Identity's own length rule answers that
        if (password.Length > MaxLength)
            return Failed("PasswordTooLong", text["Das Passwort darf höchstens {0} Zeichen lang sein.", MaxLength]);
        if (IsCommon(password))
            return Failed("PasswordCommon", text["Dieses Passwort steht auf der Liste häufig verwendeter oder veröffentlichter Passwörter, auch wenn Ziffern oder Zeichen angehängt sind. Bitte wählen Sie ein anderes, zum Beispiel einen Satz aus mehreren Wörtern."]);
        var names = new List<string?> { ProgrammeName, user.Email, user.UserName, user.Email?.Split('@')[0], user.DisplayName };
        names.AddRange((await pools.AllAsync()).SelectMany(p => new[] { p.BrandName, p.Name }));
        if (names.Any(n => n is { Length: >= 4 } && password.Contains(n.Trim(), StringComparison.OrdinalIgnoreCase)))
            return Failed("PasswordPersonal", text["Das Passwort darf weder Ihre E-Mail-Adresse noch Ihren Namen noch den Namen des Programms enthalten."]);
        return IdentityResult.Success;
    }

    /// <summary>On the list as it is, or once the digits and symbols around a word are taken off.</summary>
    public bool IsCommon(string password)
    {
        if (common.Contains(password)) return true;
        var core = password.Trim().Trim(NotLetters).Trim();
        return core.Length > 0 && common.Contains(core);
    }

    private static readonly char[] NotLetters = "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~§€°".ToCharArray();

    private static IdentityResult Failed(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
