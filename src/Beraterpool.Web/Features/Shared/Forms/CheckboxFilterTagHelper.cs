using System.Collections;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// A long multiple choice (countries of origin, languages) as checkboxes instead of a Ctrl-click select, where one
/// plain click dropped every other choice unseen. Without JavaScript every option is listed, the ticked ones first
/// and named in a line above the list; forms.js adds a filter box. A fieldset with legend, as every group (UI.md);
/// the first checkbox takes the property's id, so the error summary's link reaches it.
/// <code>&lt;kern-checkbox-filter for="Input.CountryCodes" legend="Herkunftsländer" options="@countries" /&gt;</code>
/// </summary>
[HtmlTargetElement("kern-checkbox-filter", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxFilterTagHelper(IStringLocalizer<SharedResource> text, IFileVersionProvider versions) : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    [HtmlAttributeName("options")] public required IEnumerable<KeyValuePair<string, string>> Options { get; set; }
    [HtmlAttributeName("legend")] public string? Legend { get; set; }
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("optional")] public bool Optional { get; set; }
    [HtmlAttributeName("optional-text")] public string OptionalText { get; set; } = "optional";

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var message = errors is { Count: > 0 } ? errors[0].ErrorMessage : null;
        var selected = (For.Model as IEnumerable)?.Cast<object?>().Select(v => v?.ToString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var options = Options.ToList();
        var chosen = options.Where(o => selected.Contains(o.Key)).ToList();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "kern-fieldset checkbox-filter" + (message is null ? "" : " kern-fieldset--error"));
        output.Attributes.SetAttribute("data-checkbox-filter", "");
        var describedBy = new List<string> { id + "-selected" };
        if (Hint is { Length: > 0 }) describedBy.Insert(0, id + "-hint");
        if (message is not null) describedBy.Add(id + "-error");
        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));

        var legend = new TagBuilder("legend");
        legend.AddCssClass("kern-label");
        legend.InnerHtml.Append(Legend ?? For.Metadata.GetDisplayName());
        if (Optional) legend.InnerHtml.AppendHtml(KernFieldTagHelper.OptionalMark(OptionalText));
        output.Content.AppendHtml(legend);
        if (Hint is { Length: > 0 }) output.Content.AppendHtml(KernFieldTagHelper.HintText(id, Hint));
        if (message is not null) output.Content.AppendHtml(KernFieldTagHelper.ErrorMessage(id, message));

        var someText = text["Ausgewählt: {0}"].Value;
        var noneText = text["Noch nichts ausgewählt."].Value;
        var summary = new TagBuilder("p");
        summary.AddCssClass("kern-body checkbox-filter__selected");
        summary.Attributes["id"] = id + "-selected";
        summary.Attributes["data-filter-summary"] = "";
        summary.Attributes["data-text-some"] = string.Format(someText, "%"); // forms.js puts the names at %
        summary.Attributes["data-text-none"] = noneText;
        summary.InnerHtml.Append(chosen.Count == 0 ? noneText : string.Format(someText, string.Join(", ", chosen.Select(c => c.Value))));
        output.Content.AppendHtml(summary);

        // Shown by forms.js only: without the script a filter box would be a field that does nothing.
        var box = new TagBuilder("div");
        box.AddCssClass("kern-form-input checkbox-filter__box");
        box.Attributes["hidden"] = "hidden";
        box.Attributes["data-filter-box"] = "";
        var label = new TagBuilder("label");
        label.AddCssClass("kern-label");
        label.Attributes["for"] = id + "-filter";
        label.InnerHtml.Append(text["Liste filtern"].Value);
        box.InnerHtml.AppendHtml(label);
        var input = new TagBuilder("input");
        input.TagRenderMode = TagRenderMode.SelfClosing;
        input.AddCssClass("kern-form-input__input");
        input.Attributes["type"] = "search";
        input.Attributes["id"] = id + "-filter";
        input.Attributes["autocomplete"] = "off";
        input.Attributes["spellcheck"] = "false";
        input.Attributes["aria-controls"] = id + "-options";
        input.Attributes["data-filter-input"] = "";
        box.InnerHtml.AppendHtml(input);
        output.Content.AppendHtml(box);

        var list = new TagBuilder("div");
        list.AddCssClass("kern-fieldset__body checkbox-filter__options");
        list.Attributes["id"] = id + "-options";
        var first = true;
        foreach (var (value, caption) in chosen.Concat(options.Where(o => !selected.Contains(o.Key))))
        {
            var controlId = first ? id : TagBuilder.CreateSanitizedId($"{id}-{value}", "_");
            first = false;
            var check = new TagBuilder("div");
            check.AddCssClass("kern-form-check");
            var box2 = new TagBuilder("input");
            box2.TagRenderMode = TagRenderMode.SelfClosing;
            box2.AddCssClass(message is null ? "kern-form-check__checkbox" : "kern-form-check__checkbox kern-form-check__checkbox--error");
            box2.Attributes["type"] = "checkbox";
            box2.Attributes["name"] = name;
            box2.Attributes["value"] = value;
            box2.Attributes["id"] = controlId;
            if (selected.Contains(value)) box2.Attributes["checked"] = "checked";
            check.InnerHtml.AppendHtml(box2);
            var optionLabel = new TagBuilder("label");
            optionLabel.AddCssClass("kern-label");
            optionLabel.Attributes["for"] = controlId;
            optionLabel.InnerHtml.Append(caption);
            check.InnerHtml.AppendHtml(optionLabel);
            list.InnerHtml.AppendHtml(check);
        }
        output.Content.AppendHtml(list);

        var none = new TagBuilder("p");
        none.AddCssClass("kern-hint");
        none.Attributes["hidden"] = "hidden";
        none.Attributes["data-filter-none"] = "";
        none.InnerHtml.Append(text["Kein Eintrag passt zu diesem Filter."].Value);
        output.Content.AppendHtml(none);

        if (ViewContext.HttpContext.Items.TryAdd("forms.js", true))
        {
            var pathBase = ViewContext.HttpContext.Request.PathBase;
            var script = new TagBuilder("script");
            script.Attributes["src"] = versions.AddFileVersionToPath(pathBase, pathBase + "/js/forms.js");
            script.Attributes["defer"] = "defer";
            output.PostElement.AppendHtml(script);
        }
    }
}
