using System.Net;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Interviews;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Stakeholders;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Interviews;

/// <summary>Guides, interviews with drafts, the comparison with filters and export, pool scoping, the indicator and the timeline.</summary>
public sealed class InterviewTests(InterviewTests.App app) : IClassFixture<InterviewTests.App>
{
    public sealed class App : TestApp
    {
        public int Pool { get; private set; }
        public int OtherPool { get; private set; }

        public App() : base(importGazetteer: false) { }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-interviews@example.org", Roles.Coordinator);
            var other = await this.CreateUserAsync("koord-andere@example.org", Roles.Coordinator);
            Pool = (await this.CreatePoolAsync("interviews", coordinator.Id)).Id;
            OtherPool = (await this.CreatePoolAsync("anderer", other.Id)).Id;
            await WithDbAsync(async db =>
            {
                db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
                db.States.Add(new State { Code = "08", Name = "Baden-Württemberg" });
                db.Municipalities.AddRange(
                    Town("05314000", "Bonn", "05", "05314", 330_000), Town("05315000", "Köln", "05", "05315", 1_080_000),
                    Town("05954016", "Hattingen", "05", "05954", 54_000), Town("05954036", "Witten", "05", "05954", 96_000),
                    Town("08111000", "Stuttgart", "08", "08111", 630_000));
                await db.SaveChangesAsync();
                return 0;
            });
        }

        private static Municipality Town(string key, string name, string state, string district, int population) => new()
        {
            OfficialKey = key, Level = MunicipalityLevel.Municipality, Name = name + ", Stadt", ShortName = name, SearchName = name.ToLowerInvariant(),
            TypeCode = "61", StateCode = state, DistrictKey = district, Population = population, ImportedAt = DateTimeOffset.UtcNow,
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<InterviewGuide> GuideAsync(int pool, string title) => app.WithDbAsync(async db =>
    {
        var g = new InterviewGuide
        {
            PoolId = pool, Title = title, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Questions =
            [
                new InterviewQuestion { Position = 1, Kind = QuestionKind.SingleChoice, Text = "Beschafft die Kommune fair?", Options = "Ja\nNein\nGeplant" },
                new InterviewQuestion { Position = 2, Kind = QuestionKind.Open, Text = "Was wünschen Sie sich für die Zukunft?" },
            ],
        };
        db.InterviewGuides.Add(g);
        await db.SaveChangesAsync();
        g.FamilyId = g.Id;
        await db.SaveChangesAsync();
        return g;
    });

    private Task<int> InterviewAsync(InterviewGuide g, string key, DateOnly on, string? single, string? open, bool finished = true, int? pool = null) => app.WithDbAsync(async db =>
    {
        var i = new Interview
        {
            PoolId = pool ?? g.PoolId, GuideId = g.Id, MunicipalityKey = key, HeldOn = on, IntervieweeFunction = "Leitung Vergabestelle",
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, FinishedAt = finished ? DateTimeOffset.UtcNow : null,
        };
        var q = g.Questions.OrderBy(x => x.Position).ToList();
        if (single is not null) i.Answers.Add(new InterviewAnswer { QuestionId = q[0].Id, Value = single });
        if (open is not null) i.Answers.Add(new InterviewAnswer { QuestionId = q[1].Id, Value = open });
        db.Interviews.Add(i);
        await db.SaveChangesAsync();
        return i.Id;
    });

    [Fact]
    public async Task Comparison_counts_a_closed_question_filters_by_state_and_district_and_exports_csv_and_xlsx()
    {
        var g = await GuideAsync(app.Pool, "Vergleichsleitfaden");
        await InterviewAsync(g, "05314000", new DateOnly(2014, 3, 1), "Ja", "Mehr Austausch über Grünflächen");
        await InterviewAsync(g, "05954016", new DateOnly(2014, 4, 1), "Ja", "Schulungen für die Vergabestelle");
        await InterviewAsync(g, "08111000", new DateOnly(2014, 5, 1), "Nein", "Kontakte zu Migrant*innenorganisationen");
        await InterviewAsync(g, "05315000", new DateOnly(2014, 6, 1), "Geplant", null, finished: false);

        var counts = await app.WithDbAsync(async db =>
        {
            var c = new InterviewComparison(db);
            var all = InterviewComparison.Compare(g.Questions, await c.InterviewsAsync(g.Id, new ComparisonFilter(), Ct));
            var nrw = InterviewComparison.Compare(g.Questions, await c.InterviewsAsync(g.Id, new ComparisonFilter(State: "05"), Ct));
            var ennepe = InterviewComparison.Compare(g.Questions, await c.InterviewsAsync(g.Id, new ComparisonFilter(District: "05954"), Ct));
            return (all[0].Counts, nrw[0].Counts, ennepe[0].Counts);
        });
        Assert.Equal([new("Ja", 2), new("Nein", 1), new("Geplant", 0)], counts.Item1);
        Assert.Equal([new("Ja", 2), new("Nein", 0), new("Geplant", 0)], counts.Item2);
        Assert.Equal([new("Ja", 1), new("Nein", 0), new("Geplant", 0)], counts.Item3);

        var office = await app.SignInAsync("koord-interviews@example.org");
        var page = Html.Text(await office.GetStringAsync($"/manage/interviews/guides/{g.Id}/compare?state=05", Ct));
        Assert.Contains("2 abgeschlossene Interviews.", page);
        Assert.DoesNotContain("Stuttgart", page);

        var csv = await office.GetByteArrayAsync($"/manage/interviews/guides/{g.Id}/compare?state=05&format=csv", Ct);
        using var reader = CsvReader.Create(new StringReader(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF')), new CsvReaderOptions { Separator = ';', HasHeader = false }, true);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            rows.Add(fields);
        }
        Assert.Equal(["Kommune", "Gemeindeschlüssel", "Bundesland", "Kreis", "Größenklasse", "Datum", "Funktion der befragten Person",
            "1. Beschafft die Kommune fair?", "2. Was wünschen Sie sich für die Zukunft?"], rows[0]);
        Assert.Equal(["Bonn", "Hattingen"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Schulungen für die Vergabestelle", rows[2][8]);
        Assert.Equal("Nordrhein-Westfalen", rows[1][2]);

        var xlsx = await office.GetByteArrayAsync($"/manage/interviews/guides/{g.Id}/compare?state=05&format=xlsx", Ct);
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = book.Worksheets.First();
        Assert.Equal("Größenklasse", sheet.Cell(1, 5).GetString());
        Assert.Equal("Bonn", sheet.Cell(2, 1).GetString());
        Assert.Equal("Hattingen", sheet.Cell(3, 1).GetString());
        Assert.True(sheet.Cell(4, 1).IsEmpty());
    }

    [Fact]
    public async Task Editing_a_guide_with_interviews_makes_a_new_version_and_the_old_interview_keeps_its_questions()
    {
        var g = await GuideAsync(app.Pool, "Versionsleitfaden");
        var interview = await InterviewAsync(g, "05314000", new DateOnly(2015, 2, 1), "Ja", "Alte Antwort");
        var office = await app.SignInAsync("koord-interviews@example.org");

        var saved = await office.PostFormAsync($"/manage/interviews/guides/edit/{g.Id}",
        [
            new("Input.Title", "Versionsleitfaden"),
            new("Input.Questions[0].Text", "Neue Frage zu den SDGs?"), new("Input.Questions[0].Kind", "Scale"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versions = await app.WithDbAsync(db => db.InterviewGuides.AsNoTracking().Include(x => x.Questions).Where(x => x.FamilyId == g.Id).OrderBy(x => x.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(versions[1].Id, versions[0].SupersededById);
        Assert.Equal(["Neue Frage zu den SDGs?"], versions[1].Questions.Select(q => q.Text));

        var old = Html.Text(await office.GetStringAsync($"/manage/interviews/interview/{interview}", Ct));
        Assert.Contains("Beschafft die Kommune fair?", old);
        Assert.Contains("Alte Antwort", await office.GetStringAsync($"/manage/interviews/interview/{interview}", Ct));
        Assert.DoesNotContain("Neue Frage zu den SDGs?", old);
    }

    [Fact]
    public async Task A_draft_saves_with_missing_answers_and_counts_only_when_finished()
    {
        var g = await GuideAsync(app.Pool, "Entwurfsleitfaden");
        var q = g.Questions.OrderBy(x => x.Position).ToList();
        var office = await app.SignInAsync("koord-interviews@example.org");
        var form = $"/manage/interviews/interview?guide={g.Id}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.MunicipalityKey", "05954036"), new("Input.HeldOn", "2015-03-04"),
            new("Input.Answers[0].QuestionId", q[0].Id.ToString()), new("Input.Answers[0].Text", "Geplant"),
            new("Input.Answers[1].QuestionId", q[1].Id.ToString()),
        };
        var draft = await office.PostFormAsync(form, fields);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var id = await app.WithDbAsync(db => db.Interviews.Where(i => i.GuideId == g.Id).Select(i => i.Id).SingleAsync());
        Assert.Null(await app.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.FinishedAt).SingleAsync()));
        var compared = await app.WithDbAsync(db => new InterviewComparison(db).InterviewsAsync(g.Id, new ComparisonFilter(), Ct));
        Assert.Empty(compared);

        // Finishing without the open answer and without an interviewer: German messages at the fields, the input kept.
        var refused = await office.PostFormAsync($"/manage/interviews/interview/{id}", [.. fields, new("finish", "1")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte beantworten Sie die Frage, oder speichern Sie das Interview als Entwurf.", Html.Text(html));
        Assert.Contains("Bitte wählen Sie, wer das Interview geführt hat.", Html.Text(html));
        Assert.Contains("value=\"Geplant\" id=\"answer-0-2\" checked", html);
    }

    [Fact]
    public async Task Another_pools_coordinator_gets_404()
    {
        var g = await GuideAsync(app.Pool, "Geheimer Leitfaden");
        var interview = await InterviewAsync(g, "05314000", new DateOnly(2015, 2, 1), "Ja", "x");
        var other = await app.SignInAsync("koord-andere@example.org");
        foreach (var url in new[] { $"/manage/interviews/guides/{g.Id}", $"/manage/interviews/guides/edit/{g.Id}", $"/manage/interviews/guides/{g.Id}/compare",
                     $"/manage/interviews/guides/{g.Id}/compare?format=csv", $"/manage/interviews/interview/{interview}", $"/manage/interviews/interview?guide={g.Id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
        Assert.DoesNotContain("Geheimer Leitfaden", await other.GetStringAsync("/manage/interviews", Ct));
    }

    [Fact]
    public async Task The_indicator_counts_the_finished_interviews_of_the_pool_and_year_and_lists_them()
    {
        var g = await GuideAsync(app.Pool, "Kennzahlleitfaden");
        var otherGuide = await GuideAsync(app.OtherPool, "Fremder Leitfaden");
        var a = await InterviewAsync(g, "05314000", new DateOnly(2013, 1, 5), "Ja", "x");
        var b = await InterviewAsync(g, "05315000", new DateOnly(2013, 12, 31), "Nein", "y");
        await InterviewAsync(g, "05954016", new DateOnly(2013, 6, 1), "Ja", null, finished: false);
        await InterviewAsync(g, "05954036", new DateOnly(2012, 12, 31), "Ja", "z");
        await InterviewAsync(otherGuide, "05314000", new DateOnly(2013, 6, 1), "Ja", "w");
        var indicator = BuiltInIndicators.Find("interviews")!;
        var (figure, records) = await app.WithDbAsync(async db =>
        {
            var scope = new ImpactScope(db, [app.Pool], 2013);
            return (await indicator.FigureAsync(scope, Ct), await indicator.RecordsAsync(scope, 100, Ct));
        });
        Assert.Equal(2, figure);
        Assert.Equal(new[] { a, b }.Select(id => "/manage/interviews/interview/" + id).Order(), records.Select(r => r.Link).Order());
        Assert.Equal(["Bonn", "Köln"], records.Select(r => r.Label).Order());
    }

    [Fact]
    public async Task The_timeline_of_the_organisation_of_the_municipality_shows_the_interview()
    {
        var g = await GuideAsync(app.Pool, "Zeitleistenleitfaden");
        var interview = await InterviewAsync(g, "05954036", new DateOnly(2015, 5, 6), "Ja", "x");
        await InterviewAsync(g, "05954036", new DateOnly(2015, 5, 7), "Ja", null, finished: false);
        var org = await app.WithDbAsync(async db =>
        {
            var o = new Organisation { PoolId = app.Pool, Name = "Stadt Witten, Agenda-Büro", Kind = OrganisationKind.MunicipalityUnit, MunicipalityKey = "05954036",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var items = await app.WithDbAsync(db => new StakeholderTimeline(db).ForOrganisationAsync(org, Ct));
        var item = Assert.Single(items, i => i.Kind == TimelineKind.Interview && i.Subject == "Zeitleistenleitfaden");
        Assert.Equal((new DateOnly(2015, 5, 6), interview), (item.On, item.InterviewId!.Value));
        var office = await app.SignInAsync("koord-interviews@example.org");
        var page = await office.GetStringAsync($"/manage/stakeholders/organisations/{org.Id}", Ct);
        Assert.Contains($"/manage/interviews/interview/{interview}", page);
    }

    [Fact]
    public async Task An_advisor_who_interviewed_finds_the_interview_in_her_data_export_without_the_answers()
    {
        var user = await app.CreateUserAsync("interviewerin@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(app.Pool, "interviewerin", user.Id);
        var g = await GuideAsync(app.Pool, "Auskunftsleitfaden");
        var held = await InterviewAsync(g, "05954016", new DateOnly(2015, 3, 4), "Ja", "Geheime Antwort der Kommune");
        await InterviewAsync(g, "05314000", new DateOnly(2015, 3, 5), "Nein", "Ohne sie geführt");
        await app.WithDbAsync(async db =>
        {
            db.InterviewInterviewers.Add(new InterviewInterviewer { InterviewId = held, AdvisorId = advisor.Id });
            return await db.SaveChangesAsync();
        });

        var client = await app.SignInAsync("interviewerin@example.org");
        var response = await client.PostFormAsync("/account/my-data", [], "/account/my-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        using var json = System.Text.Json.JsonDocument.Parse(zip.GetEntry("daten.json")!.Open());
        var interview = Assert.Single(json.RootElement.GetProperty("interviews").EnumerateArray());
        Assert.Equal("Hattingen", interview.GetProperty("municipality").GetString());
        Assert.Equal("2015-03-04", interview.GetProperty("heldOn").GetString());
        Assert.Equal("Auskunftsleitfaden", interview.GetProperty("guide").GetString());
        Assert.True(interview.GetProperty("finished").GetBoolean());
        Assert.Contains(advisor.FirstName, interview.GetProperty("interviewers")[0].GetString());
        Assert.DoesNotContain("Geheime Antwort", json.RootElement.GetRawText());
    }
}
