using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// One KERN form field: label above, hint below it, the error message beside the field, and the
/// control itself (the child content, an input/select/textarea with asp-for). Keeps every form in the
/// pattern of UI.md without repeating twelve lines of markup per field.
/// <code>&lt;kern-field for="Input.Bio" label="Kurzbiografie" hint="…" optional="true"&gt;&lt;textarea asp-for="Input.Bio" …&gt;&lt;/kern-field&gt;</code>
/// </summary>
[HtmlTargetElement("kern-field")]
public sealed class KernFieldTagHelper : TagHelper
{
    internal const string ItemKey = "kern-field";

    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    [HtmlAttributeName("label")] public string? Label { get; set; }
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("optional")] public bool Optional { get; set; }
    [HtmlAttributeName("optional-text")] public string OptionalText { get; set; } = "optional";

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var message = errors is { Count: > 0 } ? errors[0].ErrorMessage : null;
        context.Items[ItemKey] = new FieldInfo(id, Hint is { Length: > 0 }, message is not null);

        var child = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", message is null ? "kern-form-input" : "kern-form-input kern-form-input--error");

        var label = new TagBuilder("label");
        label.AddCssClass("kern-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label ?? For.Metadata.GetDisplayName());
        if (Optional) label.InnerHtml.AppendHtml(OptionalMark(OptionalText));
        output.Content.AppendHtml(label);
        if (Hint is { Length: > 0 }) output.Content.AppendHtml(HintText(id, Hint));
        if (message is not null) output.Content.AppendHtml(ErrorMessage(id, message));
        output.Content.AppendHtml(child);
    }

    internal static TagBuilder OptionalMark(string text)
    {
        var opt = new TagBuilder("span");
        opt.AddCssClass("kern-label__optional");
        opt.InnerHtml.Append(" – " + text);
        return opt;
    }

    internal static TagBuilder HintText(string id, string text)
    {
        var hint = new TagBuilder("div");
        hint.AddCssClass("kern-hint");
        hint.Attributes["id"] = id + "-hint";
        hint.InnerHtml.Append(text);
        return hint;
    }

    internal static TagBuilder ErrorMessage(string id, string message)
    {
        var error = new TagBuilder("p");
        error.AddCssClass("kern-error");
        error.Attributes["id"] = id + "-error";
        var icon = new TagBuilder("span");
        icon.AddCssClass("kern-icon kern-icon--danger");
        icon.Attributes["aria-hidden"] = "true";
        error.InnerHtml.AppendHtml(icon);
        var text = new TagBuilder("span");
        text.AddCssClass("kern-body");
        text.InnerHtml.Append(message);
        error.InnerHtml.AppendHtml(text);
        return error;
    }

    internal sealed record FieldInfo(string Id, bool HasHint, bool HasError);
}

/// <summary>
/// Marks a control bound with asp-for as invalid for assistive technology (aria-invalid, aria-describedby
/// pointing at the hint and the message of its <see cref="KernFieldTagHelper"/>) and adds KERN's error class.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaValidationTagHelper : TagHelper
{
    // After the built-in input/select tag helpers, so the id and name they generate are there.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")] public required ModelExpression For { get; set; }
    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var invalid = ViewContext.ViewData.ModelState.GetFieldValidationState(name) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        var field = context.Items.TryGetValue(KernFieldTagHelper.ItemKey, out var f) ? f as KernFieldTagHelper.FieldInfo : null;
        var describedBy = new List<string>();
        if (field is { HasHint: true }) describedBy.Add(field.Id + "-hint");
        if (invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            if (field is { HasError: true }) describedBy.Add(field.Id + "-error");
            var cls = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() ?? "" : "";
            var extra = cls.Contains("kern-form-input__select") ? "kern-form-input__select--error"
                : cls.Contains("kern-form-check__checkbox") ? "kern-form-check__checkbox--error"
                : cls.Contains("kern-form-input__input") ? "kern-form-input__input--error" : null;
            if (extra is not null) output.Attributes.SetAttribute("class", $"{cls} {extra}".Trim());
        }
        // The built-in helper's class for jQuery validation is noise without that script.
        if (output.Attributes.TryGetAttribute("class", out var klass) && klass.Value?.ToString() is { } v && v.Contains("input-validation-error"))
            output.Attributes.SetAttribute("class", v.Replace("input-validation-error", "").Trim());
        if (describedBy.Count > 0) output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
    }
}
