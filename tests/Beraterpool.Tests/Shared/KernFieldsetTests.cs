using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Shared.Forms;

namespace Beraterpool.Tests.Shared;

/// <summary>A group error sits under the legend in KERN's error style and the summary link reaches the group's first control.</summary>
public sealed class KernFieldsetTests(DemoApp app)
{
    [Fact]
    public async Task Group_error_sits_under_the_legend_and_the_summary_links_to_the_first_radio()
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review",
            [new("Input.ContactEmail", "gruppe@koeln.example"), new("Input.Format", "")], "/requests/new");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var fieldset = Regex.Match(html, "<fieldset class=\"kern-fieldset kern-fieldset--error\" aria-describedby=\"Input_Format-error\"><legend class=\"kern-label\">Form der Beratung</legend><p class=\"kern-error\" id=\"Input_Format-error\">.*?</fieldset>", RegexOptions.Singleline);
        Assert.True(fieldset.Success, "The format group has no error under its legend.");
        var firstRadio = Regex.Match(fieldset.Value, "<input[^>]*type=\"radio\"[^>]*>");
        Assert.Contains("id=\"Input_Format\"", firstRadio.Value);
        Assert.Contains("for=\"Input_Format\"", fieldset.Value);
        Assert.Contains("href=\"#Input_Format\"", html);
    }

    [Fact]
    public void First_control_takes_the_group_id_and_its_label_follows()
    {
        var html = "<input type=\"hidden\" id=\"h\"><input type=\"radio\" id=\"a-1\"><label for=\"a-1\">1</label><input type=\"radio\" id=\"a-2\"><label for=\"a-2\">2</label>";
        Assert.Equal("<input type=\"hidden\" id=\"h\"><input type=\"radio\" id=\"a\"><label for=\"a\">1</label><input type=\"radio\" id=\"a-2\"><label for=\"a-2\">2</label>",
            KernFieldsetTagHelper.FirstControlTakesId(html, "a"));
    }
}
