using UglyToad.PdfPig.Content;
using ZXing;

namespace Beraterpool.Tests.Outreach;

/// <summary>Reads a QR code back from the pixels of an image embedded in a PDF page, with ZXing.</summary>
public static class QrReader
{
    public static string Decode(Page page)
    {
        var image = page.GetImages().OrderByDescending(i => i.WidthInSamples * i.HeightInSamples).FirstOrDefault();
        Assert.NotNull(image);
        return Decode(image);
    }

    public static string Decode(IPdfImage image)
    {
        Assert.True(image.TryGetBytesAsMemory(out var memory), $"image bytes not readable ({image.ColorSpaceDetails?.Type}, {image.BitsPerComponent} bpc)");
        int width = image.WidthInSamples, height = image.HeightInSamples;
        var bytes = memory.ToArray();
        var components = image.BitsPerComponent == 8 ? bytes.Length / (width * height) : 0;
        Assert.True(components is 1 or 3, $"unexpected image format: {image.ColorSpaceDetails?.Type}, {image.BitsPerComponent} bpc, {bytes.Length} bytes for {width}×{height}");
        LuminanceSource source = new RGBLuminanceSource(bytes, width, height,
            components == 3 ? RGBLuminanceSource.BitmapFormat.RGB24 : RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        var result = reader.Decode(source);
        Assert.NotNull(result);
        return result.Text;
    }
}
