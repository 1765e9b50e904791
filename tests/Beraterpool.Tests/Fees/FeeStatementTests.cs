using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Fees;

public sealed class FeeStatementTests(FeeStatementTests.App app) : IClassFixture<FeeStatementTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Nov3 = new(2026, 11, 3);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Key, string Value)[] fields) =>
        client.PostAsShownAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), url[..url.IndexOf('?')]);

    [Fact]
    public async Task Three_approved_days_and_42_km_make_762_60_on_the_page_and_in_the_pdf()
    {
        var w = await app.WorldAsync("sum");
        await app.BankAsync(w);
        var a1 = await app.ActivityAsync(w, Nov3, 2);
        var a2 = await app.ActivityAsync(w, Nov3.AddDays(7), 2);
        var a3 = await app.ActivityAsync(w, Nov3.AddDays(8), 1);
        var a4 = await app.ActivityAsync(w, Nov3.AddDays(9), 1, kind: Beraterpool.Web.Features.Engagements.ActivityKind.Preparation);
        var unapproved = await app.ActivityAsync(w, Nov3.AddDays(10), 2, approved: false);
        var otherMonth = await app.ActivityAsync(w, new DateOnly(2026, 10, 30), 2);

        var id = await app.CreateStatementAsync(w);
        foreach (var a in new[] { a1, a2, a3, a4 }) Assert.Equal(id, await app.BilledOnAsync(a));
        Assert.Null(await app.BilledOnAsync(unapproved));
        Assert.Null(await app.BilledOnAsync(otherMonth));

        var travel = await PostAsync(w.Advisor, $"/me/fees/{id}?handler=AddTravel",
            ("Travel.Date", "2026-11-10"), ("Travel.Description", "Bonn – Köln und zurück"), ("Travel.Mode", "km"), ("Travel.Kilometres", "42"));
        Assert.Equal(HttpStatusCode.Redirect, travel.StatusCode);

        var page = Html.Text(await w.Advisor.GetStringAsync($"/me/fees/{id}", Ct));
        Assert.Contains("Honorar: 3 Tage × 250,00 €", page);
        Assert.Contains("12,60 €", page);
        Assert.Contains("762,60 €", page);
        Assert.Contains("DE•• •••• •••• •••• ••30 00", page);
        var english = Html.Text(await w.Advisor.GetStringAsync($"/me/fees/{id}?lang=en", Ct));
        Assert.Contains("Fee statement November 2026", english);
        Assert.Contains("Fee: 3 days × 250,00 €", english);
        Assert.Contains("Frais de déplacement", Html.Text(await w.Advisor.GetStringAsync($"/me/fees/{id}?lang=fr", Ct)));

        var pdf = await w.Advisor.GetAsync($"/me/fees/{id}/pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Honorarabrechnung", text);
        Assert.Contains("Ayşe Müller-Öztürk", text);
        Assert.Contains("Königstraße 12", text);
        Assert.Contains("November 2026", text);
        Assert.Contains("Honorar: 3 Tage × 250,00 €", text);
        Assert.Contains("0,5", text);
        Assert.Contains("762,60 €", text);
        Assert.Contains("Bonn", text);
        Assert.DoesNotContain("(Einsatz", text);
        Assert.Contains("Gemäß § 19 UStG", text);
        Assert.DoesNotContain("DE89370400440532013000", text.Replace(" ", ""));
    }

    [Fact]
    public async Task An_unapproved_day_cannot_be_billed_even_when_its_id_is_posted()
    {
        var w = await app.WorldAsync("unapproved");
        var approved = await app.ActivityAsync(w, Nov3, 2);
        var unapproved = await app.ActivityAsync(w, Nov3.AddDays(1), 2, approved: false);
        var id = await app.CreateStatementAsync(w);

        var response = await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Activities", ("selected", approved.ToString()), ("selected", unapproved.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.BilledOnAsync(unapproved));
        Assert.Equal(id, await app.BilledOnAsync(approved));
        Assert.Contains("konnten nicht übernommen werden", Html.Text(await w.Advisor.GetStringAsync($"/me/fees/{id}", Ct)));
    }

    [Fact]
    public async Task Two_racing_creations_of_a_month_bill_each_day_once()
    {
        var w = await app.WorldAsync("race");
        var activity = await app.ActivityAsync(w, Nov3, 2);
        var token = Html.AntiforgeryToken(await w.Advisor.GetStringAsync("/me/fees", Ct));
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => w.Advisor.PostAsync("/me/fees?handler=Create",
            new FormUrlEncodedContent([new("Month", "2026-11"), new("__RequestVerificationToken", token)]), Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statements = await app.WithDbAsync(db => db.FeeStatements.Where(s => s.AdvisorId == w.AdvisorId).Select(s => s.Id).ToListAsync());
        var only = Assert.Single(statements);
        Assert.Equal(only, await app.BilledOnAsync(activity));
        Assert.All(responses, r => Assert.EndsWith($"/me/fees/{only}", r.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task A_day_already_on_another_statement_is_not_claimed_again()
    {
        var w = await app.WorldAsync("twice");
        var activity = await app.ActivityAsync(w, Nov3, 2);
        var first = await app.CreateStatementAsync(w);
        Assert.Equal(first, await app.BilledOnAsync(activity));
        // Sequentially, a second statement of the month is the first one again…
        Assert.Equal(first, await app.CreateStatementAsync(w));
        // …and the claim itself refuses a day that another statement holds.
        var second = await app.CreateStatementAsync(w, "2026-10");
        await using var scope = app.Scope();
        var fees = scope.ServiceProvider.GetRequiredService<FeeStatements>();
        var view = (await fees.LoadAsync(second, Ct))! with { Month = 11 };
        var refused = await fees.SelectAsync(view, [activity], Ct);
        Assert.Equal([activity], refused);
        Assert.Equal(first, await app.BilledOnAsync(activity));
    }

    [Fact]
    public async Task Deleting_a_draft_releases_its_days()
    {
        var w = await app.WorldAsync("delete");
        var activity = await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        var response = await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.BilledOnAsync(activity));
        Assert.False(await app.WithDbAsync(db => db.FeeStatements.AnyAsync(s => s.Id == id)));
        Assert.Equal(await app.CreateStatementAsync(w), await app.BilledOnAsync(activity));
    }

    [Fact]
    public async Task Returned_statement_with_comment_is_editable_again_and_can_be_resubmitted()
    {
        var w = await app.WorldAsync("return");
        await app.BankAsync(w);
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);

        // Submitted: the advisor can no longer change it.
        await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Costs", ("Costs.OtherCosts", "10"), ("Costs.OtherCostsNote", "Porto"));
        Assert.Equal(0m, (await app.StatementAsync(id)).OtherCosts);

        var noComment = await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Return", ("Comment", " "));
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Contains("Bitte schreiben Sie, was geändert werden soll.", Html.Text(await noComment.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);

        var returned = await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Return", ("Comment", "Bitte den Beleg für die Bahnfahrt ergänzen."));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var statement = await app.StatementAsync(id);
        Assert.Equal((FeeStatementStatus.Returned, "Bitte den Beleg für die Bahnfahrt ergänzen."), (statement.Status, statement.ReturnComment));
        var mail = app.LatestMail();
        Assert.Contains(w.AdvisorEmail, mail);
        Assert.Contains("zurückgegeben", mail);
        Assert.Contains("Bitte den Beleg für die Bahnfahrt ergänzen.", mail);
        Assert.Contains($"/me/fees/{id}", mail);
        Assert.Contains("Bitte den Beleg für die Bahnfahrt ergänzen.", Html.Text(await w.Advisor.GetStringAsync($"/me/fees/{id}", Ct)));

        await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Costs", ("Costs.OtherCosts", "10,50"), ("Costs.OtherCostsNote", "Porto"), ("Costs.TaxNote", "Gemäß § 19 UStG wird keine Umsatzsteuer ausgewiesen."));
        Assert.Equal(10.50m, (await app.StatementAsync(id)).OtherCosts);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"fee:{id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["fee.statement.created", "fee.statement.submitted", "fee.statement.returned", "fee.costs.updated", "fee.statement.submitted"], actions);
    }

    [Fact]
    public async Task Submitting_needs_bank_details()
    {
        var w = await app.WorldAsync("nobank");
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        var response = await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte hinterlegen Sie zuerst Ihre Bankverbindung", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(FeeStatementStatus.Draft, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task Approval_and_payment_are_audited_and_mailed_to_the_advisor()
    {
        var w = await app.WorldAsync("approve");
        await app.BankAsync(w);
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve")).StatusCode);
        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);
        Assert.Contains("freigegeben", app.LatestMail());
        Assert.Contains("250,00 €", app.LatestMail());

        var future = await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Paid", ("PaidOn", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("nicht in der Zukunft", Html.Text(await future.Content.ReadAsStringAsync(Ct)));

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Paid", ("PaidOn", today.ToString("yyyy-MM-dd")))).StatusCode);
        var paid = await app.StatementAsync(id);
        Assert.Equal((FeeStatementStatus.Paid, today), (paid.Status, paid.PaidOn!.Value));
        Assert.Contains("überwiesen", app.LatestMail());
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"fee:{id}").Select(e => e.Action).ToListAsync());
        Assert.Contains("fee.statement.approved", actions);
        Assert.Contains("fee.statement.paid", actions);

        // Approving twice (a second tab) changes nothing.
        await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve");
        Assert.Equal(FeeStatementStatus.Paid, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task A_statement_whose_day_lost_its_approval_cannot_be_approved()
    {
        var w = await app.WorldAsync("revoked");
        await app.BankAsync(w);
        var activity = await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit");
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).ExecuteUpdateAsync(u => u.SetProperty(a => a.ApprovedAt, (DateTimeOffset?)null)));

        var response = await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nicht (mehr) freigegeben", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task A_ticket_needs_a_real_receipt_which_the_coordinator_can_open()
    {
        var w = await app.WorldAsync("ticket");
        var id = await app.CreateStatementAsync(w);
        var token = Html.AntiforgeryToken(await w.Advisor.GetStringAsync($"/me/fees/{id}", Ct));
        Task<HttpResponseMessage> Upload(byte[] content, string fileName)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2026-11-05"), "Travel.Date" },
                { new StringContent("Bonn – Köln, Bahn"), "Travel.Description" }, { new StringContent("ticket"), "Travel.Mode" },
                { new StringContent("23,40"), "Travel.Amount" },
            };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Travel.Receipt", fileName);
            return w.Advisor.PostAsync($"/me/fees/{id}?handler=AddTravel", form, Ct);
        }

        var fake = await Upload("<script>alert(1)</script>"u8.ToArray(), "beleg.pdf");
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("Der Beleg muss eine PDF-, JPEG- oder PNG-Datei sein.", Html.Text(await fake.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.TravelCosts.AnyAsync(t => t.FeeStatementId == id)));

        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(pdf, "../../Fahrkarte Köln.pdf")).StatusCode);
        var line = await app.WithDbAsync(db => db.TravelCosts.SingleAsync(t => t.FeeStatementId == id));
        Assert.Equal((23.40m, (decimal?)null, "application/pdf", "Fahrkarte Köln.pdf"), (line.Amount, line.Kilometres, line.ReceiptContentType, line.ReceiptFileName));
        var receipt = await w.Coordinator.GetAsync($"/manage/fees/{id}/travel/{line.Id}/receipt", Ct);
        Assert.Equal(pdf, await receipt.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Advisor_B_gets_404_on_advisor_A_statement_pdf_and_forms()
    {
        var a = await app.WorldAsync("owner-a");
        var b = await app.WorldAsync("owner-b", "Bauer");
        await app.ActivityAsync(a, Nov3, 2);
        var id = await app.CreateStatementAsync(a);
        await app.CreateStatementAsync(b);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Advisor.GetAsync($"/me/fees/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Advisor.GetAsync($"/me/fees/{id}/pdf", Ct)).StatusCode);
        var token = Html.AntiforgeryToken(await b.Advisor.GetStringAsync("/me/fees", Ct));
        var post = await b.Advisor.PostAsync($"/me/fees/{id}?handler=Delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.FeeStatements.AnyAsync(s => s.Id == id)));
        Assert.DoesNotContain("Müller-Öztürk", Html.Text(await b.Advisor.GetStringAsync("/me/fees", Ct)));
        Assert.Equal(HttpStatusCode.OK, (await a.Advisor.GetAsync($"/me/fees/{id}/pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task Coordinator_of_another_pool_gets_404_and_does_not_export_it()
    {
        var w = await app.WorldAsync("pool-a");
        var other = await app.WorldAsync("pool-b", "Bauer");
        await app.BankAsync(w);
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/manage/fees/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/manage/fees/{id}/pdf", Ct)).StatusCode);
        var token = Html.AntiforgeryToken(await other.Coordinator.GetStringAsync("/manage/fees", Ct));
        var approve = await other.Coordinator.PostAsync($"/manage/fees/{id}?handler=Approve", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
        Assert.DoesNotContain(FeeStatements.Reference(2026, 11, id), Html.Text(await other.Coordinator.GetStringAsync("/manage/fees", Ct)));
        Assert.Contains(FeeStatements.Reference(2026, 11, id), Html.Text(await w.Coordinator.GetStringAsync("/manage/fees?status=Submitted", Ct)));

        await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve");
        var csv = await other.Coordinator.GetStringAsync("/manage/fees/export?from=2026-11&to=2026-11&format=csv", Ct);
        Assert.DoesNotContain("Müller-Öztürk", csv);
        Assert.NotEqual(HttpStatusCode.OK, (await w.Advisor.GetAsync($"/manage/fees/{id}", Ct)).StatusCode);
    }
}
