using PdfSharp.Drawing;
using QRCoder;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>QR codes for printed material, with QRCoder.</summary>
public static class QrImage
{
    /// <summary>
    /// Black modules on white as a 24-bit bitmap with its quiet zone: PDFsharp embeds it losslessly, and it is drawn
    /// without interpolation so the module edges stay sharp in print. Level M survives a smudge on a card.
    /// </summary>
    public static XImage For(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var bitmap = new BitmapByteQRCode(data).GetGraphic(pixelsPerModule);
        var image = XImage.FromStream(new MemoryStream(bitmap));
        image.Interpolate = false;
        return image;
    }
}
