using System.IO.Compression;
using System.Text;
using Beraterpool.Web.Features.Shared.Forms;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// Accepts PDF, office files (docx, xlsx, pptx, odt, ods) and images (jpeg, png, webp) up to 10 MB. The type is
/// decided by the file's content (magic bytes, and for office files the package inside the ZIP) and must agree
/// with the extension: a program renamed .pdf is refused, and nothing is served with a type the content does not have.
/// </summary>
public static class DocumentUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private const int MimetypeMaxBytes = 100;

    private static readonly Dictionary<string, string> OfficeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
    };

    public static readonly string Accept = ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.jpg,.jpeg,.png,.webp";

    public enum Problem { None, Empty, TooLarge, NotAllowed }

    /// <summary>A stored document, always as an attachment with the type found at upload, never rendered in the page's origin.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult Download(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, (string FileName, string ContentType, byte[] Content) file)
    {
        page.Response.Headers.XContentTypeOptions = "nosniff";
        page.Response.Headers.CacheControl = "private, no-store";
        return page.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The message at the file field (the texts are shared resources).</summary>
    public static string Message(Problem problem, Microsoft.Extensions.Localization.IStringLocalizer text) => problem switch
    {
        Problem.Empty => text["Die Datei ist leer."],
        Problem.TooLarge => text["Die Datei ist größer als 10 MB."],
        _ => text["Diese Datei können wir nicht annehmen. Erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument-Text und -Tabelle sowie Bilder (JPEG, PNG, WebP)."],
    };

    public static async Task<(byte[]? Content, string? ContentType, Problem Problem)> ReadAsync(IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0) return (null, null, Problem.Empty);
        if (file.Length > MaxBytes) return (null, null, Problem.TooLarge);
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        var type = Identify(bytes, Path.GetExtension(file.FileName));
        return type is null ? (null, null, Problem.NotAllowed) : (bytes, type, Problem.None);
    }

    /// <summary>The content type when content and extension agree on an allowed type, else null.</summary>
    public static string? Identify(byte[] bytes, string extension)
    {
        var ext = extension.ToLowerInvariant();
        if (ext == ".pdf") return bytes.AsSpan().StartsWith("%PDF-"u8) ? "application/pdf" : null;
        if (ext is ".jpg" or ".jpeg" or ".png" or ".webp")
        {
            var image = ImageUpload.Sniff(bytes);
            return image == (ext == ".png" ? "image/png" : ext == ".webp" ? "image/webp" : "image/jpeg") ? image : null;
        }
        if (!OfficeTypes.TryGetValue(ext, out var office) || !bytes.AsSpan().StartsWith("PK\x03\x04"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (ext is ".odt" or ".ods")
            {
                // ODF: a stored "mimetype" entry that names the document type.
                // Read at most a few bytes of it whatever it claims: a "mimetype" that inflates to gigabytes is refused, not unpacked.
                var entry = zip.GetEntry("mimetype");
                if (entry is null || entry.Length > MimetypeMaxBytes) return null;
                using var inflated = entry.Open();
                var buffer = new byte[MimetypeMaxBytes + 1];
                var read = inflated.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                return read <= MimetypeMaxBytes && Encoding.ASCII.GetString(buffer, 0, read).Trim() == office ? office : null;
            }
            return zip.GetEntry("[Content_Types].xml") is not null ? office : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The uploaded name without path or control characters, at most 200 characters.</summary>
    public static string SafeName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray()).Trim();
        if (name.Length == 0) name = "dokument";
        if (name.Length <= 200) return name;
        var ext = Path.GetExtension(name);
        return name[..(200 - ext.Length)] + ext;
    }
}
