using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Advisors;

/// <summary>The advisor's own profile at /me/profile.</summary>
public sealed class ProfileTests(ProfileTests.App app) : IClassFixture<ProfileTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        private int _poolId;

        public async Task<int> PoolAsync()
        {
            if (_poolId != 0) return _poolId;
            _poolId = (await this.CreatePoolAsync("profil")).Id;
            await WithDbAsync(async db =>
            {
                db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
                foreach (var (key, name, plz, pop) in new[] { ("05315000", "Köln", "50667", 1_084_831), ("05382032", "Königswinter", "53639", 41_000), ("05314000", "Bonn", "53111", 336_465) })
                    db.Municipalities.Add(new Municipality
                    {
                        OfficialKey = key, Level = MunicipalityLevel.Municipality, Name = name, ShortName = name,
                        SearchName = name.ToLowerInvariant().Replace("ö", "oe"), TypeCode = "61", StateCode = "05", DistrictKey = key[..5],
                        PostalCode = plz, Population = pop, ImportedAt = DateTimeOffset.UtcNow,
                    });
                return await db.SaveChangesAsync();
            });
            return _poolId;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private async Task<(HttpClient Client, Advisor Advisor)> AdvisorAsync(string name, params ConsentField[] consents)
    {
        var pool = await app.PoolAsync();
        var user = await app.CreateUserAsync($"{name}@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool, name, user.Id, consents);
        return (await app.SignInAsync($"{name}@example.org"), advisor);
    }

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/me/profile", Ct);
        Assert.DoesNotContain("LocalizedHtmlString", html);
        Assert.DoesNotContain("{0}", html);
        return FormFields.Of(html, "multipart");
    }

    [Fact]
    public async Task Advisor_changes_the_bio_and_withdraws_a_consent_which_deletes_the_row_and_is_audited()
    {
        var (client, advisor) = await AdvisorAsync("bio-und-einwilligung", ConsentField.Bio, ConsentField.City, ConsentField.CountriesOfOrigin);
        var form = await FormAsync(client);
        Assert.Contains(form, f => f.Key == "Input.Consents" && f.Value == "CountriesOfOrigin");
        form.Set("Input.Bio", "Neue Biografie mit Erfahrung in fairer Beschaffung.").Without("Input.Consents", "CountriesOfOrigin");

        var response = await client.PostAsync("/me/profile", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var consents = await app.WithDbAsync(db => db.AdvisorConsents.Where(c => c.AdvisorId == advisor.Id).ToListAsync());
        Assert.Equal([ConsentField.City, ConsentField.Bio], consents.Select(c => c.Field).Order());
        // A kept consent keeps its original date.
        Assert.True(consents.All(c => c.GrantedAt < DateTimeOffset.UtcNow.AddDays(-29)));
        Assert.Equal("Neue Biografie mit Erfahrung in fairer Beschaffung.", await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.Bio).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "advisor.consent.withdrawn" && e.Subject == $"advisor:{advisor.Id}"));
        Assert.StartsWith("CountriesOfOrigin", audit.Details);
        Assert.Contains("Gespeichert", Html.Text(await client.GetStringAsync("/me/profile", Ct)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Granting_a_consent_shows_its_date()
    {
        var (client, advisor) = await AdvisorAsync("neue-einwilligung");
        var form = (await FormAsync(client)).Set("Input.Consents", "Languages");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", form.Multipart(), Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AdvisorConsents.AnyAsync(c => c.AdvisorId == advisor.Id && c.Field == ConsentField.Languages)));
        Assert.Contains($"freigegeben am {DateTime.Now:dd.MM.yyyy}", Html.Text(await client.GetStringAsync("/me/profile", Ct)));
    }

    [Fact]
    public async Task A_too_long_bio_is_redisplayed_with_a_German_message_and_nothing_is_saved()
    {
        var (client, advisor) = await AdvisorAsync("zu-lang");
        var tooLong = new string('x', 2001);
        var form = (await FormAsync(client)).Set("Input.Bio", tooLong).Set("Input.Expertise", "Faire Beschaffung");
        var response = await client.PostAsync("/me/profile", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Die Kurzbiografie darf höchstens 2000 Zeichen lang sein.", Html.Text(html));
        Assert.Contains(tooLong, html);
        Assert.Contains("href=\"#Input_Bio\"", html);
        Assert.Equal("Alte Biografie", await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.Bio).SingleAsync()));
    }

    [Fact]
    public async Task A_text_file_renamed_jpg_is_refused_and_a_real_image_is_stored()
    {
        var (client, advisor) = await AdvisorAsync("foto");
        var form = await FormAsync(client);
        var refused = await client.PostAsync("/me/profile", form.Multipart("Input.Photo", "Ich bin kein Bild."u8.ToArray(), "portrait.jpg", "image/jpeg"), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Das Foto muss ein JPEG-, PNG- oder WebP-Bild sein.", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.AdvisorPhotos.AnyAsync(p => p.AdvisorId == advisor.Id)));

        var accepted = await client.PostAsync("/me/profile", form.Multipart("Input.Photo", Png, "portrait.jpg", "image/jpeg"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var photo = await client.GetAsync("/me/profile/photo", Ct);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);

        var tooBig = new byte[2 * 1024 * 1024 + 1];
        Png.CopyTo(tooBig, 0);
        var big = await client.PostAsync("/me/profile", form.Multipart("Input.Photo", tooBig, "gross.png", "image/png"), Ct);
        Assert.Contains("höchstens 2 MB", Html.Text(await big.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task City_is_found_by_name_or_postcode_without_JavaScript_and_stored_as_its_key()
    {
        var (client, advisor) = await AdvisorAsync("wohnort");
        var form = (await FormAsync(client)).Set("Input.CityQuery", "Kö");
        var search = await client.PostAsync("/me/profile?handler=SearchCity", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var html = await search.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Köln (50667, Nordrhein-Westfalen)", Html.Text(html));
        Assert.Contains("Königswinter", Html.Text(html));
        Assert.DoesNotContain("Bonn (", Html.Text(html));

        var chosen = FormFields.Of(html, "multipart").Set("Input.CityKey", "05382032");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", chosen.Multipart(), Ct)).StatusCode);
        Assert.Equal("05382032", await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.CityKey).SingleAsync()));

        // A postcode typed without searching resolves when it matches one place.
        var byPostcode = (await FormAsync(client)).Set("Input.CityQuery", "53111");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", byPostcode.Multipart(), Ct)).StatusCode);
        Assert.Equal("05314000", await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.CityKey).SingleAsync()));
    }

    [Fact]
    public async Task Defect5_countries_of_origin_are_checkboxes_in_a_fieldset_with_the_chosen_ones_first()
    {
        var (client, _) = await AdvisorAsync("herkunft");
        var form = (await FormAsync(client)).Set("Input.CountryCodes", "SN", "CI");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", form.Multipart(), Ct)).StatusCode);
        var html = await client.GetStringAsync("/me/profile", Ct);
        Assert.DoesNotContain("<select multiple", html);
        Assert.DoesNotMatch("<select[^>]*multiple", html);
        var group = html[html.IndexOf("data-checkbox-filter", StringComparison.Ordinal)..];
        Assert.StartsWith("<legend", group[(group.IndexOf('>') + 1)..].TrimStart());
        var boxes = System.Text.RegularExpressions.Regex.Matches(group, "<input [^>]*name=\"Input.CountryCodes\"[^>]*>").Select(m => m.Value).ToList();
        Assert.True(boxes.Count > 100);
        Assert.All(boxes.Take(2), b => Assert.Contains("checked", b));
        Assert.DoesNotContain("checked", boxes[2]);
        Assert.Contains("Senegal", Html.Text(group[..group.IndexOf("checkbox-filter__options", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Languages_countries_topics_and_periods_are_saved_and_bad_input_gets_field_messages()
    {
        var (client, advisor) = await AdvisorAsync("vieles");
        var topicId = await app.WithDbAsync(db => db.Topics.Where(t => t.PoolId == advisor.PoolId).Select(t => t.Id).FirstAsync());
        var form = await FormAsync(client);
        Assert.Equal(5, form.Count(f => f.Key.EndsWith(".Code") && f.Key.StartsWith("Input.Languages[")));
        form.Set("Input.Languages[0].Code", "fr").Set("Input.Languages[0].Level", "Native").Set("Input.Languages[1].Code", "de").Set("Input.Languages[1].Level", "Fluent")
            .Set("Input.CountryCodes", "SN", "CI").Set("Input.TopicIds", topicId.ToString()).Set("Input.DaysPerMonth", "4")
            .Set("Input.BirthYear", "1980").Set("Input.Gender", "Female")
            .Set("Input.BlockedPeriods[0].From", "2030-07-01").Set("Input.BlockedPeriods[0].To", "2030-07-21").Set("Input.BlockedPeriods[0].Note", "Urlaub");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/me/profile", form.Multipart(), Ct)).StatusCode);

        var saved = await app.WithDbAsync(db => db.Advisors.AsNoTracking().Include(a => a.Languages).Include(a => a.Countries).Include(a => a.Topics).Include(a => a.BlockedPeriods).SingleAsync(a => a.Id == advisor.Id));
        Assert.Equal(["de", "fr"], saved.Languages.Select(l => l.LanguageCode).Order());
        Assert.Equal(LanguageLevel.Native, saved.Languages.Single(l => l.LanguageCode == "fr").Level);
        Assert.Equal(["CI", "SN"], saved.Countries.Select(c => c.CountryCode).Order());
        Assert.Equal([topicId], saved.Topics.Select(t => t.TopicId));
        Assert.Equal((4, 1980, Gender.Female), (saved.DaysPerMonth, saved.BirthYear, saved.Gender));
        Assert.Equal(new DateOnly(2030, 7, 21), saved.BlockedPeriods.Single().To);

        var bad = (await FormAsync(client))
            .Set("Input.BirthYear", (DateTime.Today.Year - 5).ToString()).Set("Input.DaysPerMonth", "31")
            .Set("Input.BlockedPeriods[1].From", "2031-05-10").Set("Input.BlockedPeriods[1].To", "2031-05-01")
            .Set("Input.Languages[2].Code", "fr").Set("Input.TopicIds", "999999");
        var response = await client.PostAsync("/me/profile", bad.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte geben Sie ein Geburtsjahr zwischen 1930", text);
        Assert.Contains("Bitte geben Sie zwischen 0 und 20 Tagen im Monat an.", text);
        Assert.Contains("Das Ende darf nicht vor dem Beginn liegen.", text);
        Assert.Contains("Diese Sprache steht schon in einer anderen Zeile.", text);
        Assert.Equal(1980, await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.BirthYear).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.BirthYear", "neunzehnhundert")]
    [InlineData("Input.Gender", "Unsinn")]
    [InlineData("Input.BlockedPeriods[0].From", "31.02.2030")]
    [InlineData("Input.Consents", "42")]
    [InlineData("Input.CityKey", "999999999")]
    public async Task Nonsense_input_never_causes_a_server_error(string field, string value)
    {
        var (client, _) = await AdvisorAsync($"unsinn-{Guid.NewGuid():N}"[..20]);
        var form = (await FormAsync(client)).Set(field, value);
        var response = await client.PostAsync("/me/profile", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte prüfen Sie Ihre Eingaben", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task An_advisor_can_only_ever_edit_their_own_profile()
    {
        var (client, own) = await AdvisorAsync("nur-ich");
        var other = await app.CreateAdvisorAsync(await app.PoolAsync(), "jemand-anderes");
        // No address of the advisor pages carries an id; ids smuggled into the query or form are ignored.
        var form = (await FormAsync(client)).Set("Input.Bio", "Meine eigene Biografie");
        form.Add(new("id", other.Id.ToString()));
        form.Add(new("AdvisorId", other.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/me/profile?id={other.Id}&advisorId={other.Id}", form.Multipart(), Ct)).StatusCode);
        Assert.Equal("Alte Biografie", await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == other.Id).Select(a => a.Bio).SingleAsync()));
        Assert.Equal("Meine eigene Biografie", await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == own.Id).Select(a => a.Bio).SingleAsync()));

        // The coordinators' editor is closed to advisors.
        var edit = await client.GetAsync($"/manage/advisors/{other.Id}/edit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("/account/access-denied", edit.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/manage/advisors/{other.Id}/photo", Ct)).StatusCode);
    }
}
