using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Shared.Reference;

namespace Beraterpool.Tests.Requests;

/// <summary>How the public request form behaves as a form: Enter, the error summary, the language list (issue 13).</summary>
public sealed partial class RequestFormFieldTests(RequestFormTests.App app) : IClassFixture<RequestFormTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> Empty(params (string Key, string Value)[] fields) =>
        [new("Input.Website", ""), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private static string FormOf(string html) => FormRegex().Match(html).Value;

    [Fact]
    public async Task A_municipality_chosen_from_its_page_is_named_under_a_readable_legend()
    {
        var html = await app.Browser().GetStringAsync($"/requests/new?municipality={RequestArrange.Koeln}", Ct);
        Assert.DoesNotContain("LocalizedHtmlString", html);
        Assert.Matches("<legend class=\"kern-label\">Ihre Kommune</legend>", html);
    }

    [Fact]
    public async Task Defect12_the_default_button_of_the_request_form_goes_to_the_check_page()
    {
        var form = FormOf(await app.Browser().GetStringAsync("/requests/new", Ct));
        // The browser's default button (Enter in any field) is the first submit button in the form.
        var first = SubmitRegex().Match(form);
        Assert.True(first.Success);
        Assert.Contains("handler=Review", first.Value);
        Assert.Contains("handler=Search", form);
    }

    [Fact]
    public async Task Defect12_Enter_in_the_search_field_sends_the_form_and_still_lists_the_places_to_choose()
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review",
            Empty(("Input.MunicipalityQuery", "Köln"), ("Input.ContactName", "Erika Beispiel")), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"value=\"{RequestArrange.Koeln}\"", html);
        Assert.Contains("value=\"Erika Beispiel\"", html);
        Assert.Contains("Bitte prüfen Sie Ihre Eingaben", html);
    }

    [Fact]
    public async Task Defect6_the_error_summary_lists_the_messages_in_page_order()
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review", Empty(), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        var summary = html[html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</ul>", StringComparison.Ordinal)];
        var links = LinkRegex().Matches(summary).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Input_MunicipalityQuery", "Input_ContactName", "Input_ContactEmail", "Input_Goal", "Input_Need", "Input_Format", "Input_Consent"], links);
    }

    [Fact]
    public async Task Defect6_every_summary_link_reaches_a_control_and_group_errors_have_the_KERN_error_style()
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review", Empty(), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        var summary = html[html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</ul>", StringComparison.Ordinal)];
        foreach (var id in LinkRegex().Matches(summary).Select(m => m.Groups[1].Value))
            Assert.Matches($"<(input|select|textarea)\\b[^>]*\\sid=\"{id}\"", html);
        // "Kommune" with nothing to choose from: the message sits at the search field, where the link lands.
        Assert.Contains("id=\"Input_MunicipalityQuery-error\"", html);
        // "Form der Beratung": the first radio takes the link, the group is marked in KERN's error style below its legend.
        Assert.Matches("<input class=\"kern-form-check__radio kern-form-check__radio--error\" aria-invalid=\"true\" type=\"radio\" name=\"Input.Format\" id=\"Input_Format\"", html);
        Assert.Contains("kern-fieldset kern-fieldset--error", html);
    }

    [Fact]
    public async Task Defect5_languages_are_checkboxes_in_a_fieldset_and_the_chosen_ones_come_first()
    {
        var page = await app.Browser().GetStringAsync("/requests/new", Ct);
        Assert.DoesNotContain("multiple", FormOf(page));
        Assert.Equal(Languages.All.Count, Regex.Matches(page, "<input [^>]*name=\"Input.LanguageCodes\"[^>]*type=\"checkbox\"").Count);
        Assert.Contains("Noch nichts ausgewählt.", page);

        var response = await app.Browser().PostFormAsync("/requests/new?handler=Edit",
            Empty(("Input.LanguageCodes", "fr"), ("Input.LanguageCodes", "tw")), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        var group = html[html.IndexOf("data-checkbox-filter", StringComparison.Ordinal)..];
        Assert.StartsWith("<legend", group[(group.IndexOf('>') + 1)..].TrimStart());
        Assert.Contains("Ausgewählt: Französisch, Twi", Html.Text(group));
        var boxes = Regex.Matches(group, "<input [^>]*class=\"kern-form-check__checkbox\"[^>]*>").Select(m => m.Value).ToList();
        Assert.Contains("value=\"fr\"", boxes[0]);
        Assert.Contains("checked", boxes[0]);
        Assert.Contains("id=\"Input_LanguageCodes\"", boxes[0]);
        Assert.Contains("value=\"tw\"", boxes[1]);
        Assert.DoesNotContain("checked", boxes[2]);
        // The filter box is there for the script only.
        Assert.Matches("<div class=\"kern-form-input checkbox-filter__box\"[^>]*hidden", group);
    }

    [Fact]
    public void Defect5_Akan_appears_once_in_the_language_list()
    {
        foreach (var culture in new[] { "de", "en", "fr" })
            Assert.Empty(Languages.All.GroupBy(l => l.Name(culture)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal("Akan", Languages.Find("ak")!.De);
    }

    [Fact]
    public async Task Defect16_a_NUL_character_in_a_field_is_a_kept_answer_without_it_never_an_error_page()
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review",
            Empty(("Input.ContactName", "Erika\0 Beispiel"), ("Input.MunicipalityQuery", "K\0öln"), ("Input.LanguageCodes", "f\0r"), ("Input.PreferredFrom", "2030\0-01-01")), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Erika Beispiel\"", html);
        Assert.Contains("Bitte prüfen Sie Ihre Eingaben", html);
        foreach (var url in new[] { "/municipalities?q=K%00ln", "/api/municipalities?q=K%00ln", "/advisors?q=%00" })
            Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(url, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("name@hamm")]
    [InlineData("name@.de")]
    [InlineData("name@hamm.")]
    public async Task Defect16_an_address_without_a_dot_in_the_domain_is_a_field_message(string address)
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review", Empty(("Input.ContactEmail", address)), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_ContactEmail-error\"", html);
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", Html.Text(html));
    }

    [GeneratedRegex("<form method=\"post\" novalidate class=\"stack form-narrow request-form\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<button type=\"submit\"[^>]*>")]
    private static partial Regex SubmitRegex();

    [GeneratedRegex("<a class=\"kern-link\" href=\"#([^\"]+)\"")]
    private static partial Regex LinkRegex();
}
