using System.IO.Compression;
using System.Net;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Engagements;

namespace Beraterpool.Tests.Engagements;

/// <summary>Every upload and every unpacking is bounded (issue 8, item 12).</summary>
public sealed class UploadBoundsTests(UploadBoundsTests.App app) : IClassFixture<UploadBoundsTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private const string OdtType = "application/vnd.oasis.opendocument.text";

    private static byte[] Odt(Action<Stream> writeMimetype, CompressionLevel level)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("mimetype", level).Open();
            writeMimetype(entry);
        }
        return ms.ToArray();
    }

    [Fact]
    public void A_real_odt_is_recognised()
    {
        var odt = Odt(s => s.Write(Encoding.ASCII.GetBytes(OdtType)), CompressionLevel.NoCompression);
        Assert.Equal(OdtType, DocumentUpload.Identify(odt, ".odt"));
    }

    [Fact]
    public void A_mimetype_that_inflates_to_50_MB_is_refused_without_unpacking_it()
    {
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');
        var bomb = Odt(s => { for (var i = 0; i < 50; i++) s.Write(chunk); }, CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 200_000, $"the upload is small ({bomb.Length} bytes)");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var type = DocumentUpload.Identify(bomb, ".odt");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(type);
        Assert.True(allocated < 2 * 1024 * 1024, $"checking allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task A_form_body_above_the_limit_is_refused_and_never_answers_500()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("jemand@example.org"), "Input.Email" },
            { new ByteArrayContent(new byte[13 * 1024 * 1024]), "file", "gross.pdf" },
        };

        var response = await app.Browser().PostAsync("/account/login", content, TestContext.Current.CancellationToken);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
    }
}
