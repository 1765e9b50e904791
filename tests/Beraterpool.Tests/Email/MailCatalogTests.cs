using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;

namespace Beraterpool.Tests.Email;

/// <summary>Every mail the product sends is registered in one catalog and listed for the coordinators.</summary>
public sealed class MailCatalogTests(MailCatalogTests.App app) : IClassFixture<MailCatalogTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_mail_template_is_in_the_catalog_once_with_its_own_id_and_a_description()
    {
        var templateTypes = typeof(MailTemplate).Assembly.GetTypes()
            .Where(t => typeof(MailTemplate).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(templateTypes);
        Assert.Equal(templateTypes.OrderBy(t => t.FullName), MailCatalog.All.Select(t => t.GetType()).OrderBy(t => t.FullName));
        Assert.Equal(MailCatalog.All.Count, MailCatalog.All.Select(t => t.Id).Distinct().Count());
        Assert.All(MailCatalog.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Name + t.Audience + t.Feature) || t.Audience.Length < 20, t.Id));
    }

    [Fact]
    public async Task Mail_list_shows_each_template_with_recipients_and_an_example_in_German()
    {
        var coordinator = await app.SignedInAsync("mails-koord@example.org", Roles.Coordinator);

        var response = await coordinator.GetAsync("/manage/mails", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("E-Mails des Beraterpools", page);
        foreach (var template in MailCatalog.All)
        {
            Assert.Contains(template.Name, page);
            Assert.Contains(template.Audience, page);
            Assert.Contains(template.Id, page);
        }
        Assert.Contains("Ihre Beratungsanfrage BA-2026-0042 ist eingegangen", page);
        Assert.Contains("http://localhost/requests/track/BEISPIEL", page);
        Assert.Contains("Ihre Honorarabrechnung März 2026 ist freigegeben", page);
        Assert.Contains("750,00 €", page);
        Assert.Contains("href=\"/manage/mails\"", await coordinator.GetStringAsync("/manage", Ct));
    }

    [Fact]
    public async Task Mail_list_shows_the_examples_in_the_language_a_recipient_chose()
    {
        var coordinator = await app.SignedInAsync("mails-en@example.org", Roles.Coordinator);

        var page = Html.Text(await coordinator.GetStringAsync("/manage/mails?sample=en", Ct));

        Assert.Contains("Invitation to the advisor pool MiGlobe NRW", page);
        // Only the examples change language; the page itself stays in the interface language.
        Assert.Contains("Einladung zum Konto", page);
        Assert.Contains("E-Mails des Beraterpools", page);
    }

    [Fact]
    public async Task Mail_list_speaks_the_interface_language()
    {
        var coordinator = await app.SignedInAsync("mails-ui-en@example.org", Roles.Coordinator);

        var page = Html.Text(await coordinator.GetStringAsync("/manage/mails?lang=en", Ct));

        Assert.Contains("Advisor pool e-mails", page);
        Assert.Contains("Invitation to an account", page);
        Assert.Contains("Ihre Beratungsanfrage BA-2026-0042 ist eingegangen", page);
    }

    [Fact]
    public async Task Advisors_may_not_open_the_mail_list()
    {
        var advisor = await app.SignedInAsync("mails-berater@example.org", Roles.Advisor);
        var response = await advisor.GetAsync("/manage/mails", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location?.OriginalString ?? "");
    }
}
