using System.Text.Encodings.Web;
using Beraterpool.Web.Features.Advisors.Directory;
using Microsoft.AspNetCore.Html;

namespace Beraterpool.Tests.Advisors;

public sealed class FilterOptionListTests
{
    private static readonly FilterOptionList List = new([new("am", "Amharisch"), new("de", "Deutsch"), new("x\"y", "<Ä & B>")]);

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Renders_every_option_encoded_and_marks_only_the_chosen_one_ignoring_case()
    {
        var html = Html(List.Render("DE"));

        Assert.Equal("<option value=\"am\">Amharisch</option><option value=\"de\" selected=\"selected\">Deutsch</option>" +
                     "<option value=\"x&quot;y\">&lt;Ä &amp; B&gt;</option>", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    public void Without_a_known_choice_no_option_is_selected(string? selected)
    {
        var html = Html(List.Render(selected));

        Assert.DoesNotContain("selected", html);
        Assert.Equal(3, html.Split("<option ").Length - 1);
        Assert.Equal(["am", "de", "x\"y"], List.Select(o => o.Value));
    }
}
