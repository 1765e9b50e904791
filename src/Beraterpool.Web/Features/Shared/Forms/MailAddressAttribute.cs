using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// An e-mail address that mail can reach: [EmailAddress] only wants one "@", so "name@hamm" passed and the
/// confirmation went nowhere. Here the domain needs a dot with text on both sides, and no spaces anywhere.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MailAddressAttribute() : DataTypeAttribute(DataType.EmailAddress)
{
    public override bool IsValid(object? value)
    {
        if (value is null) return true; // [Required] says whether it must be there
        if (value is not string text) return false;
        if (text.Length == 0) return true;
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || text.Any(char.IsWhiteSpace)) return false;
        var domain = text[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !domain.StartsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}
