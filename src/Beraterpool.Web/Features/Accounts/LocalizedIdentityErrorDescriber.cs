using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Identity's messages in the UI language (German, English, French) instead of Identity's built-in English. Role,
/// recovery-code and external-login messages are left out: this app shows none of them to a user.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<LocalizedIdentityErrorDescriber> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Das hat nicht geklappt. Bitte versuchen Sie es noch einmal."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Das Konto wurde inzwischen geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Das Passwort ist falsch."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["Der Benutzername {0} ist ungültig.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Die E-Mail-Adresse {0} ist ungültig.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Der Benutzername {0} wird bereits verwendet.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Die E-Mail-Adresse {0} wird bereits verwendet.", email]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), text["Für dieses Konto ist schon ein Passwort festgelegt."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Das Passwort muss mindestens {0} Zeichen lang sein.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Das Passwort muss mindestens {0} verschiedene Zeichen enthalten.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["Das Passwort muss mindestens ein Sonderzeichen enthalten."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["Das Passwort muss mindestens eine Ziffer enthalten."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["Das Passwort muss mindestens einen Kleinbuchstaben enthalten."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["Das Passwort muss mindestens einen Großbuchstaben enthalten."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
