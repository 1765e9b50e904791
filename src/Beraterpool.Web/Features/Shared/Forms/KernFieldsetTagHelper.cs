using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// A KERN fieldset for a group of controls bound to one property (radios, checkboxes, a choice after a search):
/// legend, hint, the group's error under the legend in KERN's error style, aria-describedby on the fieldset.
/// The first control of the group takes the group's id (its label follows), so the link in the error summary,
/// which points at the property's id, moves focus to that control (UI.md).
/// <code>&lt;kern-fieldset for="Input.Format" legend="Form der Beratung"&gt;&lt;div class="kern-fieldset__body"&gt;…radios…&lt;/div&gt;&lt;/kern-fieldset&gt;</code>
/// </summary>
[HtmlTargetElement("kern-fieldset")]
public sealed partial class KernFieldsetTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    [HtmlAttributeName("legend")] public string? Legend { get; set; }
    [HtmlAttributeName("legend-class")] public string LegendClass { get; set; } = "kern-label";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("optional")] public bool Optional { get; set; }
    [HtmlAttributeName("optional-text")] public string OptionalText { get; set; } = "optional";
    /// <summary>False where an element around the group already carries the id (the municipality search keeps a focus holder the script fills).</summary>
    [HtmlAttributeName("first-control-takes-id")] public bool FirstControlTakesTheId { get; set; } = true;

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var message = errors is { Count: > 0 } ? errors[0].ErrorMessage : null;

        var child = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        var extra = output.Attributes.TryGetAttribute("class", out var c) ? " " + c.Value : "";
        output.Attributes.SetAttribute("class", "kern-fieldset" + (message is null ? "" : " kern-fieldset--error") + extra);
        var describedBy = new List<string>();
        if (Hint is { Length: > 0 }) describedBy.Add(id + "-hint");
        if (message is not null) describedBy.Add(id + "-error");
        if (describedBy.Count > 0) output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));

        var legend = new TagBuilder("legend");
        legend.AddCssClass(LegendClass);
        legend.InnerHtml.Append(Legend ?? For.Metadata.GetDisplayName());
        if (Optional) legend.InnerHtml.AppendHtml(KernFieldTagHelper.OptionalMark(OptionalText));
        output.Content.AppendHtml(legend);
        if (Hint is { Length: > 0 }) output.Content.AppendHtml(KernFieldTagHelper.HintText(id, Hint));
        if (message is not null) output.Content.AppendHtml(KernFieldTagHelper.ErrorMessage(id, message));
        if (message is not null) child = MarkControlsInvalid(child);
        output.Content.AppendHtml(FirstControlTakesTheId ? FirstControlTakesId(child, id) : child);
    }

    /// <summary>KERN's error style on the group's radios and checkboxes, which are written by hand, not with asp-for.</summary>
    public static string MarkControlsInvalid(string html) => html
        .Replace("class=\"kern-form-check__radio\"", "class=\"kern-form-check__radio kern-form-check__radio--error\" aria-invalid=\"true\"", StringComparison.Ordinal)
        .Replace("class=\"kern-form-check__checkbox\"", "class=\"kern-form-check__checkbox kern-form-check__checkbox--error\" aria-invalid=\"true\"", StringComparison.Ordinal);

    /// <summary>Gives the first control the group's id and points its label at it.</summary>
    public static string FirstControlTakesId(string html, string id)
    {
        var first = FirstControl().Match(html);
        if (!first.Success) return html;
        var old = first.Groups["id"].Value;
        if (old == id) return html;
        var idAttr = first.Groups["id"];
        html = html[..idAttr.Index] + id + html[(idAttr.Index + idAttr.Length)..];
        return html.Replace($"for=\"{old}\"", $"for=\"{id}\"", StringComparison.Ordinal);
    }

    [GeneratedRegex("<(?:input|select|textarea)\\b(?=[^>]*\\stype=\"(?!hidden)|(?![^>]*\\stype=))[^>]*?\\sid=\"(?<id>[^\"]+)\"")]
    private static partial Regex FirstControl();
}
