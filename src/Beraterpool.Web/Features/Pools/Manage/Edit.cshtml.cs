using Beraterpool.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Pools.Manage;

/// <summary>Creates (/manage/pools/new) or edits a pool's settings. Administrators only.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class EditModel(TimeProvider time, AppDbContext db, DataVersions versions, PoolAccess access, IStringLocalizer<EditModel> text) : PageModel
{
    public const long MaxLogoBytes = 1024 * 1024;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }
    public int? PoolId { get; private set; }
    public bool HasLogo { get; private set; }
    public string? CurrentSlug { get; private set; }
    public IReadOnlyList<(string Code, string Name)> States { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Namen des Pools an.")]
        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie eine Kurzadresse an.")]
        [StringLength(40, ErrorMessage = "Die Kurzadresse darf höchstens 40 Zeichen lang sein.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Die Kurzadresse darf nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten, z. B. miglobe-nrw.")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie den Markennamen an.")]
        [StringLength(80, ErrorMessage = "Der Markenname darf höchstens 80 Zeichen lang sein.")]
        public string BrandName { get; set; } = "";

        [StringLength(200, ErrorMessage = "Der Claim darf höchstens 200 Zeichen lang sein.")]
        public string? Claim { get; set; }

        public List<string> StateCodes { get; set; } = [];

        [Required(ErrorMessage = "Bitte geben Sie eine Kontakt-E-Mail-Adresse an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string ContactEmail { get; set; } = "";

        // Text, parsed as de-DE ("250,00"), so the field reads the same in every UI language.
        [Required(ErrorMessage = "Bitte geben Sie den Tagessatz an.")]
        [StringLength(20, ErrorMessage = "Bitte geben Sie einen Betrag wie 250,00 an.")]
        public string DayRate { get; set; } = "";

        [Range(1, 50, ErrorMessage = "Das Kontingent muss zwischen 1 und 50 Tagen liegen.")]
        public int AnnualDayQuota { get; set; } = 10;

        [StringLength(200, ErrorMessage = "Der Hostname darf höchstens 200 Zeichen lang sein.")]
        [RegularExpression(@"^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+$", ErrorMessage = "Bitte geben Sie nur einen Hostnamen an, z. B. miglobe-bw.example.org (ohne https:// und ohne Pfad).")]
        public string? Host { get; set; }

        public bool IsDefault { get; set; }
        public bool RemoveLogo { get; set; }

        [StringLength(140, ErrorMessage = "Der Rechnungsempfänger darf höchstens 140 Zeichen lang sein.")]
        public string? InvoiceRecipient { get; set; }

        [StringLength(150, ErrorMessage = "Die Straße darf höchstens 150 Zeichen lang sein.")]
        public string? InvoiceStreet { get; set; }

        [RegularExpression(@"^\s*[0-9A-Za-z -]{4,10}\s*$", ErrorMessage = "Bitte geben Sie eine gültige Postleitzahl an, z. B. 53113.")]
        public string? InvoicePostalCode { get; set; }

        [StringLength(100, ErrorMessage = "Der Ort darf höchstens 100 Zeichen lang sein.")]
        public string? InvoiceCity { get; set; }

        // 70 characters: the longest name a SEPA transfer carries.
        [StringLength(70, ErrorMessage = "Der Name der Kontoinhaberin darf höchstens 70 Zeichen lang sein.")]
        public string? DebtorName { get; set; }

        public string? DebtorIban { get; set; }
        public string? DebtorBic { get; set; }
        public bool FourEyesPayments { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            Input.IsDefault = !await db.Pools.AnyAsync(ct);
            await LoadOptionsAsync(null, ct);
            return Page();
        }
        var pool = await db.Pools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pool is null) return NotFound();
        Input = new InputModel
        {
            Name = pool.Name, Slug = pool.Slug, BrandName = pool.BrandName, Claim = pool.Claim, StateCodes = pool.StateCodes.ToList(),
            ContactEmail = pool.ContactEmail, DayRate = pool.DayRate.ToString("0.00", German), AnnualDayQuota = pool.AnnualDayQuota,
            Host = pool.Host, IsDefault = pool.IsDefault,
            InvoiceRecipient = pool.InvoiceRecipient, InvoiceStreet = pool.InvoiceStreet, InvoicePostalCode = pool.InvoicePostalCode,
            InvoiceCity = pool.InvoiceCity, DebtorName = pool.DebtorName, DebtorIban = pool.DebtorIban is { } iban ? Fees.Iban.Format(iban) : null,
            DebtorBic = pool.DebtorBic, FourEyesPayments = pool.FourEyesPayments,
        };
        await LoadOptionsAsync(pool, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var pool = id is null ? null : await db.Pools.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (id is not null && pool is null) return NotFound();
        await LoadOptionsAsync(pool, ct);

        Input.Slug = (Input.Slug ?? "").Trim().ToLowerInvariant(); // an empty field binds as null
        Input.Host = string.IsNullOrWhiteSpace(Input.Host) ? null : Input.Host.Trim().ToLowerInvariant();
        Input.StateCodes = Input.StateCodes.Distinct().ToList();
        if (Input.StateCodes.Count == 0)
            ModelState.AddModelError("Input.StateCodes", text["Bitte wählen Sie mindestens ein Bundesland."]);
        else if (Input.StateCodes.Any(c => States.All(s => s.Code != c)))
            ModelState.AddModelError("Input.StateCodes", text["Bitte wählen Sie nur Bundesländer aus der Liste."]);
        var dayRate = Money.Parse(Input.DayRate);
        if (!string.IsNullOrWhiteSpace(Input.DayRate) && dayRate is null or > 10000m)
            ModelState.AddModelError("Input.DayRate", text["Bitte geben Sie einen Betrag zwischen 0 und 10.000 Euro an, z. B. 250,00."]);
        if (await db.Pools.AnyAsync(p => p.Slug == Input.Slug && p.Id != (id ?? 0), ct))
            ModelState.AddModelError("Input.Slug", text["Diese Kurzadresse hat schon ein anderer Pool."]);
        if (Input.Host is not null && await db.Pools.AnyAsync(p => p.Host == Input.Host && p.Id != (id ?? 0), ct))
            ModelState.AddModelError("Input.Host", text["Dieser Hostname gehört schon zu einem anderen Pool."]);
        var debtorIban = string.IsNullOrWhiteSpace(Input.DebtorIban) ? null : Fees.Iban.Normalize(Input.DebtorIban);
        if (debtorIban is not null && Fees.Iban.Check(debtorIban, out _) != Fees.Iban.Problem.None)
            ModelState.AddModelError("Input.DebtorIban", text["Bitte prüfen Sie die IBAN: Ländercode, Länge und Prüfziffer müssen stimmen, z. B. DE89 3704 0044 0532 0130 00."]);
        var debtorBic = Fees.Iban.NormalizeBic(Input.DebtorBic);
        if (debtorBic is not null && !Fees.Iban.IsBic(debtorBic))
            ModelState.AddModelError("Input.DebtorBic", text["Die BIC hat 8 oder 11 Zeichen, z. B. COBADEFFXXX."]);
        byte[]? logo = null;
        string? logoType = null;
        if (Logo is not null)
        {
            var read = await ImageUpload.ReadAsync(Logo, MaxLogoBytes, ct);
            switch (read.Problem)
            {
                case ImageUpload.Problem.TooLarge: ModelState.AddModelError(nameof(Logo), text["Das Logo darf höchstens 1 MB groß sein."]); break;
                case ImageUpload.Problem.NotAnImage: ModelState.AddModelError(nameof(Logo), text["Das Logo muss ein PNG-, JPEG- oder WebP-Bild sein."]); break;
                case ImageUpload.Problem.None: (logo, logoType) = (read.Content, read.ContentType); break;
            }
        }
        if (!ModelState.IsValid) return Page();

        var created = pool is null;
        pool ??= new Pool { Slug = Input.Slug, Name = Input.Name, BrandName = Input.BrandName, ContactEmail = Input.ContactEmail, CreatedAt = time.GetUtcNow() };
        var before = created ? null : Describe(pool);
        pool.Name = Input.Name.Trim();
        pool.Slug = Input.Slug;
        pool.BrandName = Input.BrandName.Trim();
        pool.Claim = string.IsNullOrWhiteSpace(Input.Claim) ? null : Input.Claim.Trim();
        pool.StateCodes = Input.StateCodes.Order().ToList();
        pool.ContactEmail = Input.ContactEmail.Trim();
        pool.DayRate = dayRate!.Value;
        pool.AnnualDayQuota = Input.AnnualDayQuota;
        pool.Host = Input.Host;
        pool.InvoiceRecipient = Trimmed(Input.InvoiceRecipient);
        pool.InvoiceStreet = Trimmed(Input.InvoiceStreet);
        pool.InvoicePostalCode = Trimmed(Input.InvoicePostalCode);
        pool.InvoiceCity = Trimmed(Input.InvoiceCity);
        pool.DebtorName = Trimmed(Input.DebtorName);
        pool.DebtorIban = debtorIban;
        pool.DebtorBic = debtorBic;
        pool.FourEyesPayments = Input.FourEyesPayments;
        if (logo is not null) (pool.Logo, pool.LogoContentType) = (logo, logoType);
        else if (Input.RemoveLogo) (pool.Logo, pool.LogoContentType) = (null, null);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Exactly one default pool: it answers on the bare routes.
        var anyOther = await db.Pools.AnyAsync(p => p.Id != pool.Id && p.IsDefault, ct);
        pool.IsDefault = Input.IsDefault || !anyOther;
        if (pool.IsDefault && anyOther)
            await db.Pools.Where(p => p.Id != pool.Id && p.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsDefault, false), ct);

        if (created)
        {
            db.Pools.Add(pool);
            await db.SaveChangesAsync(ct);
            db.Topics.AddRange(DefaultTopics.For(pool.Id));
        }
        var after = Describe(pool);
        if (created) db.Audit("pool.created", $"pool:{pool.Id}", access.UserId, pool.Id, after);
        else if (before != after) db.Audit("pool.updated", $"pool:{pool.Id}", access.UserId, pool.Id, $"{before} → {after}");
        if (logo is not null) db.Audit("pool.logo.changed", $"pool:{pool.Id}", access.UserId, pool.Id, $"{logoType}, {logo.Length} bytes");
        else if (Input.RemoveLogo && !created) db.Audit("pool.logo.removed", $"pool:{pool.Id}", access.UserId, pool.Id);
        await versions.SaveChangesAsync(db, DataVersions.Catalogue, ct);
        await tx.CommitAsync(ct);

        TempData[StatusMessage.Key] = created ? text["Der Pool „{0}“ ist angelegt.", pool.Name].Value : text["Die Einstellungen von „{0}“ sind gespeichert.", pool.Name].Value;
        return created ? RedirectToPage("/Pools/Manage/Coordinators", new { id = pool.Id }) : RedirectToPage("/Pools/Manage/Index");
    }

    private async Task LoadOptionsAsync(Pool? pool, CancellationToken ct)
    {
        PoolId = pool?.Id;
        HasLogo = pool?.Logo is not null;
        CurrentSlug = pool?.Slug;
        States = await FederalStates.AllAsync(db, ct);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(Pool p) =>
        $"name={p.Name}; slug={p.Slug}; brand={p.BrandName}; claim={p.Claim}; states={string.Join(',', p.StateCodes)}; contact={p.ContactEmail}; " +
        $"dayRate={p.DayRate.ToString(CultureInfo.InvariantCulture)}; quota={p.AnnualDayQuota}; host={p.Host}; default={p.IsDefault}; " +
        $"invoiceTo={p.InvoiceRecipient}, {p.InvoiceStreet}, {p.InvoicePostalCode} {p.InvoiceCity}; debtor={p.DebtorName}, {p.DebtorIban}, {p.DebtorBic}; fourEyes={p.FourEyesPayments}";
}
