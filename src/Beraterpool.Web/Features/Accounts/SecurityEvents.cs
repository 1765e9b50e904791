using System.Security.Claims;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;

namespace Beraterpool.Web.Features.Accounts;

public enum SecurityEvent
{
    SignInSucceeded, SignInFailed, LockedOut, PasswordResetRequested, PasswordReset, SignedOutEverywhere,
    RoleGranted, RoleRemoved, TwoFactorEnabled, TwoFactorDisabled, RecoveryCodeUsed,
}

/// <summary>
/// Sign-ins, failures, lockouts, resets, role and 2FA changes: one audit entry (action "security.…", subject
/// "user:{id}") and one structured log line each. Neither ever holds a password or token, and e-mail addresses only
/// masked (a***@example.org): an address typed at the sign-in is often a password typed into the wrong field.
/// </summary>
public sealed class SecurityEvents(AppDbContext db, IHttpContextAccessor http, ILogger<SecurityEvents> log)
{
    public const string ActionPrefix = "security.";

    public static readonly IReadOnlyDictionary<SecurityEvent, string> Actions = new Dictionary<SecurityEvent, string>
    {
        [SecurityEvent.SignInSucceeded] = "security.sign-in.succeeded",
        [SecurityEvent.SignInFailed] = "security.sign-in.failed",
        [SecurityEvent.LockedOut] = "security.sign-in.locked-out",
        [SecurityEvent.PasswordResetRequested] = "security.password.reset-requested",
        [SecurityEvent.PasswordReset] = "security.password.reset",
        [SecurityEvent.SignedOutEverywhere] = "security.signed-out-everywhere",
        [SecurityEvent.RoleGranted] = "security.role.granted",
        [SecurityEvent.RoleRemoved] = "security.role.removed",
        [SecurityEvent.TwoFactorEnabled] = "security.two-factor.enabled",
        [SecurityEvent.TwoFactorDisabled] = "security.two-factor.disabled",
        [SecurityEvent.RecoveryCodeUsed] = "security.two-factor.recovery-code-used",
    };

    /// <summary>Records the event about <paramref name="account"/> (null: an address without an account) and saves it at once.</summary>
    public async Task RecordAsync(SecurityEvent kind, AppUser? account, string? details = null, CancellationToken ct = default)
    {
        Add(kind, account, details);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the entry to the context without saving: it is saved with the change it records.</summary>
    public AuditEntry Add(SecurityEvent kind, AppUser? account, string? details = null)
    {
        var context = http.HttpContext;
        var actor = context?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? (ByTheAccount(kind) ? account?.Id : null);
        var address = context?.Connection.RemoteIpAddress?.ToString();
        var subject = account is null ? "account:unknown" : $"user:{account.Id}";
        var text = string.Join("; ", new[] { address is null ? null : $"ip={address}", details }.OfType<string>());
        var entry = new AuditEntry
        {
            At = db.Time().GetUtcNow(), Action = Actions[kind], Subject = subject, UserId = actor,
            Details = text.Length == 0 ? null : text[..Math.Min(text.Length, 2000)],
        };
        db.AuditEntries.Add(entry);
        var level = kind is SecurityEvent.SignInFailed or SecurityEvent.LockedOut ? LogLevel.Warning : LogLevel.Information;
        log.Log(level, "Security event {SecurityEvent} about {Subject} ({Account}) by {Actor} from {ClientAddress}: {Details}",
            entry.Action, subject, Mask(account?.Email), actor, address, details);
        return entry;
    }

    /// <summary>Takes back an entry of a change that failed before it was saved.</summary>
    public void Forget(AuditEntry entry) => db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;

    // Not yet signed in, the account itself acts when it proves itself (password, mailbox, recovery code); a failed
    // sign-in or a reset request comes from whoever typed the address, and a role granted outside a request from the system.
    private static bool ByTheAccount(SecurityEvent kind) =>
        kind is SecurityEvent.SignInSucceeded or SecurityEvent.PasswordReset or SecurityEvent.RecoveryCodeUsed
            or SecurityEvent.SignedOutEverywhere or SecurityEvent.TwoFactorEnabled or SecurityEvent.TwoFactorDisabled;

    /// <summary>"anna.beispiel@example.org" → "a***@example.org"; anything that is no address → "***".</summary>
    public static string Mask(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "";
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1) return "***";
        var domain = email[(at + 1)..];
        return $"{email[0]}***@{(domain.Length > 100 ? domain[..100] : domain)}";
    }
}
