using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Matching;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>
/// At the start of an engagement both sides get each other's name, e-mail, phone and preferred channel — the advisor's
/// only with the consent asked for when accepting the proposal — in the start mails and in the record.
/// </summary>
public sealed class ContactHandOverTests(ContactHandOverTests.App app) : IClassFixture<ContactHandOverTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(int RequestId, int InvitationId, string AdvisorEmail, string ContactEmail, HttpClient Advisor, HttpClient Contact);

    /// <summary>A request in matching with a pending proposal to one advisor; contact and advisor have accounts.</summary>
    private async Task<Arranged> ArrangeAsync(string name, string key)
    {
        var pool = await app.CreatePoolAsync(name);
        var advisorClient = await app.SignedInBrowserAsync($"{name}-berater@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater", await UserIdAsync($"{name}-berater@example.org"));
        var contactEmail = $"{name}-kommune@example.org";
        var contactClient = await app.SignedInBrowserAsync(contactEmail, Roles.MunicipalityContact);
        var contactId = await UserIdAsync(contactEmail);
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var (requestId, invitationId) = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var request = new ConsultationRequest
            {
                PoolId = pool.Id, Reference = $"BA-{name}"[..Math.Min(20, name.Length + 3)], MunicipalityKey = key, ContactName = "Petra Kontakt",
                ContactFunction = "Büro für Internationales", ContactEmail = contactEmail, ContactPhone = "0231 50-0", ContactUserId = contactId,
                Goal = "Migrantische Vereine einbinden", Need = "Ein erstes Forum", TrackingTokenHash = Guid.NewGuid().ToString("N"),
                Status = RequestStatus.Matching, ConsentGivenAt = now, CreatedAt = now.AddDays(-3), UpdatedAt = now,
            };
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            var invitation = new EngagementInvitation { RequestId = request.Id, AdvisorId = advisor.Id, ProposalGroup = Guid.NewGuid(), CreatedAt = now };
            db.EngagementInvitations.Add(invitation);
            await db.SaveChangesAsync();
            return (request.Id, invitation.Id);
        });
        return new Arranged(requestId, invitationId, advisor.Email, contactEmail, advisorClient, contactClient);
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<HttpResponseMessage> AcceptAsync(Arranged a, params (string Key, string Value)[] fields) =>
        a.Advisor.PostFormAsync($"/me/invitations/{a.InvitationId}?handler=Accept", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            $"/me/invitations/{a.InvitationId}");

    private Task<int> EngagementIdAsync(int requestId) => app.WithDbAsync(db => db.Engagements.Where(e => e.RequestId == requestId).Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task Defect2_BothSidesGetEachOthersContactDetailsAtTheStart()
    {
        var a = await ArrangeAsync("uebergabe", "05121000");
        var form = await a.Advisor.GetStringAsync($"/me/invitations/{a.InvitationId}", Ct);
        Assert.Contains($"value=\"{a.AdvisorEmail}\"", form);
        Assert.DoesNotContain("name=\"Contact.Share\" id=\"Contact_Share\" value=\"true\" checked", form);

        var accept = await AcceptAsync(a, ("Contact.Share", "true"), ("Contact.Email", "amara@beratung.example"), ("Contact.Phone", "0171 2345678"),
            ("Contact.Channel", "Phone"));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var engagementId = await EngagementIdAsync(a.RequestId);

        // The municipality's start mail: no longer only "the advisors will get in touch" and the profile.
        var started = Assert.Single(app.MailsTo(a.ContactEmail), m => m.StartsWith("Ihre Beratung beginnt"));
        Assert.Contains("E-Mail: amara@beratung.example", started);
        Assert.Contains("Telefon: 0171 2345678", started);
        Assert.Contains("Am liebsten per: Anruf", started);
        // The advisor's start mail carries the municipality contact from the request.
        var advisorMail = Assert.Single(app.MailsTo(a.AdvisorEmail), m => m.StartsWith("Die Begleitung Stadt uebergabe beginnt"));
        Assert.Contains("Petra Kontakt (Büro für Internationales)", advisorMail);
        Assert.Contains($"E-Mail: {a.ContactEmail}", advisorMail);
        Assert.Contains("Telefon: 0231 50-0", advisorMail);
        Assert.Contains($"/engagements/{engagementId}#contacts", advisorMail);

        // And both see the other side in the record.
        var seenByContact = Html.Text(await a.Contact.GetStringAsync($"/engagements/{engagementId}", Ct));
        Assert.Contains("amara@beratung.example", seenByContact);
        Assert.Contains("0171 2345678", seenByContact);
        var seenByAdvisor = await a.Advisor.GetStringAsync($"/engagements/{engagementId}", Ct);
        Assert.Contains($"href=\"mailto:{a.ContactEmail}\"", seenByAdvisor);
        Assert.Contains("0231 50-0", Html.Text(seenByAdvisor));
    }

    [Fact]
    public async Task Without_consent_the_advisors_details_stay_with_them_and_the_office_is_named()
    {
        var a = await ArrangeAsync("ohneeinw", "05122000");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(a, ("Contact.Email", "privat@beratung.example"), ("Contact.Channel", "Email"))).StatusCode);
        var engagementId = await EngagementIdAsync(a.RequestId);

        var started = Assert.Single(app.MailsTo(a.ContactEmail), m => m.StartsWith("Ihre Beratung beginnt"));
        Assert.DoesNotContain("privat@beratung.example", started);
        Assert.DoesNotContain(a.AdvisorEmail, started);
        Assert.Contains("erreichbar über die Koordinierungsstelle: ohneeinw@example.org", started);
        var record = Html.Text(await a.Contact.GetStringAsync($"/engagements/{engagementId}", Ct));
        Assert.Contains("Hat keine Kontaktdaten freigegeben.", record);
        Assert.DoesNotContain("privat@beratung.example", record);
    }

    [Fact]
    public async Task A_consent_with_a_wrong_address_or_a_phone_channel_without_number_is_refused_at_the_fields()
    {
        var a = await ArrangeAsync("falsch", "05123000");
        var response = await AcceptAsync(a, ("Contact.Share", "true"), ("Contact.Email", "name@hamm"), ("Contact.Channel", "Phone"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", page);
        Assert.Contains("Bitte geben Sie eine Telefonnummer an, wenn Sie am liebsten per Telefon erreicht werden.", page);
        Assert.Equal(InvitationStatus.Pending, await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.Id == a.InvitationId).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_municipality_contact_names_the_channel_they_prefer_and_the_advisor_sees_it()
    {
        var a = await ArrangeAsync("kanal", "05124000");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(a)).StatusCode);
        var engagementId = await EngagementIdAsync(a.RequestId);

        var missing = await a.Contact.PostFormAsync($"/engagements/{engagementId}?handler=Channel", [], $"/engagements/{engagementId}");
        Assert.Contains("Bitte wählen Sie, wie Sie am liebsten erreicht werden.", Html.Text(await missing.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect,
            (await a.Contact.PostFormAsync($"/engagements/{engagementId}?handler=Channel", [new("Channel.Preferred", "VideoCall")], $"/engagements/{engagementId}")).StatusCode);
        Assert.Contains("Bevorzugter Kontaktweg Videogespräch", Html.Text(await a.Advisor.GetStringAsync($"/engagements/{engagementId}", Ct)));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await a.Advisor.PostFormAsync($"/engagements/{engagementId}?handler=Channel", [new("Channel.Preferred", "Phone")], $"/engagements/{engagementId}")).StatusCode);
    }
}
