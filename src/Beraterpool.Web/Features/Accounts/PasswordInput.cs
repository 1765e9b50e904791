using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>A new password typed twice: the reset and the invitation page share it.</summary>
public sealed class PasswordInput
{
    [Required(ErrorMessage = "Bitte geben Sie ein Passwort an.")]
    [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength, ErrorMessage = "Das Passwort muss mindestens 12 und darf höchstens 128 Zeichen lang sein.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
    [Compare(nameof(Password), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
    public string ConfirmPassword { get; set; } = "";
}
