using Beraterpool.Web.Features.Shared.Forms;

namespace Beraterpool.Web.Features.Fees;

/// <summary>Receipts are recognised by their first bytes (PDF, JPEG, PNG), never by the name or the browser's word.</summary>
public static class Receipts
{
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 5 && bytes[..5].SequenceEqual("%PDF-"u8)) return "application/pdf";
        var image = ImageUpload.Sniff(bytes);
        return image is "image/jpeg" or "image/png" ? image : null;
    }

    /// <summary>A harmless file name with the extension that matches the content.</summary>
    public static string SafeName(string? fileName, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName ?? "");
        stem = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Trim();
        if (stem.Length == 0) stem = "beleg";
        if (stem.Length > 100) stem = stem[..100];
        var ext = contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        return stem + ext;
    }
}

/// <summary>A travel receipt as stored, for appending to the statement's PDF.</summary>
public sealed record ReceiptFile(DateOnly Date, string Description, string FileName, string ContentType, byte[] Content);
