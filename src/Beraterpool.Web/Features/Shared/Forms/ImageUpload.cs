namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// Recognises uploaded images by their first bytes, never by file name or the browser's content type:
/// a text file renamed .jpg is not an image. Only JPEG, PNG and WebP (no SVG: it can carry script).
/// </summary>
public static class ImageUpload
{
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public enum Problem { None, Empty, TooLarge, NotAnImage }

    /// <summary>Reads an upload of at most <paramref name="maxBytes"/> and tells what it is.</summary>
    public static async Task<(byte[]? Content, string? ContentType, Problem Problem)> ReadAsync(IFormFile file, long maxBytes, CancellationToken ct = default)
    {
        if (file.Length == 0) return (null, null, Problem.Empty);
        if (file.Length > maxBytes) return (null, null, Problem.TooLarge);
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        var type = Sniff(bytes);
        return type is null ? (null, null, Problem.NotAnImage) : (bytes, type, Problem.None);
    }
}
