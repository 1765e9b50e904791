using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Fees;

/// <summary>
/// Where the advisor's fees go. The IBAN is checked (country length, check digits), stored encrypted and never shown
/// again in full: the form shows it masked and keeps it when the field is left empty. Who controls the account
/// controls the payments, so a new IBAN or account holder needs the current password on the same form and is mailed
/// to the account's address (a stolen session alone cannot divert a payment unnoticed); the address needs neither.
/// </summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class BankDetailsModel(TimeProvider time, AppDbContext db, FeeStatements fees, IbanProtector protector, PoolAccess access,
    UserManager<AppUser> users, SignInManager<AppUser> signIn, FeeMails mails, IStringLocalizer<BankDetailsModel> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool HasProfile { get; private set; }
    public string? MaskedIban { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Namen der Kontoinhaberin oder des Kontoinhabers an.")]
        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string AccountHolder { get; set; } = "";

        public string? Iban { get; set; }

        public string? Bic { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie Straße und Hausnummer an.")]
        [StringLength(150, ErrorMessage = "Die Straße darf höchstens 150 Zeichen lang sein.")]
        public string Street { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie die Postleitzahl an.")]
        [RegularExpression(@"^\s*[0-9A-Za-z -]{4,10}\s*$", ErrorMessage = "Bitte geben Sie eine gültige Postleitzahl an, z. B. 53111.")]
        public string PostalCode { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie den Ort an.")]
        [StringLength(100, ErrorMessage = "Der Ort darf höchstens 100 Zeichen lang sein.")]
        public string City { get; set; } = "";

        [StringLength(40, ErrorMessage = "Die Steuernummer darf höchstens 40 Zeichen lang sein.")]
        public string? TaxNumber { get; set; }

        /// <summary>Needed only when the IBAN or the account holder changes.</summary>
        [StringLength(200, ErrorMessage = "Das eingegebene Passwort ist zu lang.")]
        public string? CurrentPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await fees.OwnAdvisorAsync(access.UserId, ct) is not { } me) return Page();
        HasProfile = true;
        var saved = await db.AdvisorBankDetails.AsNoTracking().FirstOrDefaultAsync(b => b.AdvisorId == me.Id, ct);
        if (saved is null)
        {
            Input.AccountHolder = me.FullName;
            return Page();
        }
        Input = new InputModel
        {
            AccountHolder = saved.AccountHolder, Street = saved.Street ?? "", PostalCode = saved.PostalCode ?? "", City = saved.City ?? "",
            TaxNumber = saved.TaxNumber, Bic = saved.Bic,
        };
        Show(saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await fees.OwnAdvisorAsync(access.UserId, ct) is not { } me) return Page();
        HasProfile = true;
        var saved = await db.AdvisorBankDetails.FirstOrDefaultAsync(b => b.AdvisorId == me.Id, ct);
        if (saved is not null) Show(saved);
        var holderBefore = saved?.AccountHolder;
        // Left empty, the saved IBAN stays; a first entry needs one.
        if (saved is null || !string.IsNullOrWhiteSpace(Input.Iban))
        {
            var problem = Fees.Iban.Check(Input.Iban, out var length);
            if (problem != Fees.Iban.Problem.None) ModelState.AddModelError("Input.Iban", IbanMessage(problem, length, Fees.Iban.Normalize(Input.Iban).Length));
        }
        var iban = string.IsNullOrWhiteSpace(Input.Iban) ? null : Fees.Iban.Normalize(Input.Iban);
        var bic = Fees.Iban.NormalizeBic(Input.Bic);
        if (bic is not null && !Fees.Iban.IsBic(bic))
            ModelState.AddModelError("Input.Bic", text["Die BIC hat 8 oder 11 Zeichen: vier Buchstaben für die Bank, zwei für das Land, dann Buchstaben oder Ziffern, z. B. COBADEFFXXX."]);
        var holder = Input.AccountHolder?.Trim() ?? "";
        var payeeChanges = saved is null || iban is not null || holder != saved.AccountHolder;
        if (ModelState.IsValid && payeeChanges && !await PasswordConfirmedAsync()) return Page();
        Input.CurrentPassword = null;
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        if (saved is null)
        {
            saved = new AdvisorBankDetails { AdvisorId = me.Id, AccountHolder = "", IbanProtected = "", IbanLast4 = "" };
            db.AdvisorBankDetails.Add(saved);
        }
        saved.AccountHolder = holder;
        saved.Street = Input.Street.Trim();
        saved.PostalCode = Input.PostalCode.Trim();
        saved.City = Input.City.Trim();
        saved.TaxNumber = string.IsNullOrWhiteSpace(Input.TaxNumber) ? null : Input.TaxNumber.Trim();
        saved.Bic = bic;
        saved.UpdatedAt = now;
        if (iban is not null)
        {
            saved.IbanProtected = protector.Protect(iban);
            saved.IbanLast4 = iban[^4..];
        }
        // Never the IBAN itself in the trail: the masked form (last digits) tells which account it was.
        var masked = iban is null ? MaskedIban ?? "•••• " + saved.IbanLast4 : Fees.Iban.Mask(iban);
        db.Audit("fee.bankdetails.updated", $"advisor:{me.Id}", access.UserId, me.PoolId,
            payeeChanges ? $"iban={(iban is null ? "unchanged" : masked)}; holderChanged={holder != holderBefore}" : "address");
        await db.SaveChangesAsync(ct);
        // To the account's address, not the profile's: the person who signs in is the one to warn.
        if (payeeChanges && await users.GetUserAsync(User) is { Email: not null } user)
            await mails.SendBankDetailsChangedAsync(user, me.FullName, now, masked, holder);
        TempData[StatusMessage.Key] = text["Ihre Bankverbindung ist gespeichert."].Value;
        return RedirectToPage();
    }

    /// <summary>The current password, checked like a sign-in (failures count towards the lockout).</summary>
    private async Task<bool> PasswordConfirmedAsync()
    {
        const string field = "Input.CurrentPassword";
        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            ModelState.AddModelError(field, text["Bitte geben Sie zur Bestätigung Ihr aktuelles Passwort ein."]);
            return false;
        }
        var user = await users.GetUserAsync(User);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        Input.CurrentPassword = null;
        if (result.Succeeded) return true;
        ModelState.AddModelError(field, result.IsLockedOut
            ? text["Zu viele falsche Versuche. Bitte versuchen Sie es später noch einmal."]
            : text["Das Passwort stimmt nicht."]);
        return false;
    }

    private void Show(AdvisorBankDetails saved)
    {
        MaskedIban = protector.Unprotect(saved.IbanProtected) is { } plain ? Fees.Iban.Mask(plain) : "•••• " + saved.IbanLast4;
        UpdatedAt = saved.UpdatedAt;
    }

    private string IbanMessage(Iban.Problem problem, int expected, int actual) => problem switch
    {
        Fees.Iban.Problem.Empty => text["Bitte geben Sie Ihre IBAN an."],
        Fees.Iban.Problem.InvalidCharacters => text["Die IBAN darf nur Buchstaben und Ziffern enthalten (Leerzeichen sind erlaubt)."],
        Fees.Iban.Problem.UnknownCountry => text["Die IBAN muss mit einem gültigen Ländercode beginnen, z. B. DE."],
        Fees.Iban.Problem.WrongLength => text["Eine IBAN aus diesem Land hat {0} Zeichen, Ihre Eingabe hat {1}.", expected, actual],
        _ => text["Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie die Eingabe auf Tippfehler."],
    };
}
