using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Shared;
using MimeKit;

namespace Beraterpool.Tests.Events;

public static class EventArrange
{
    /// <summary>A public event of the pool at a German local time.</summary>
    public static Task<Event> CreateEventAsync(this TestApp app, int poolId, string title, DateOnly date, int startHour = 10, int endHour = 12,
        int? capacity = null, bool isPublic = true) =>
        app.WithDbAsync(async db =>
        {
            var e = new Event
            {
                PoolId = poolId, Title = title, Kind = EventKind.DialogueForum, IsPublic = isPublic, Capacity = capacity, Place = "Rathaus, Markt 1, 12345 Musterstadt",
                StartsAt = ProgrammeTime.FromLocal(date, new TimeOnly(startHour, 0))!.Value, EndsAt = ProgrammeTime.FromLocal(date, new TimeOnly(endHour, 0))!.Value,
                CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e;
        });

    /// <summary>The event's own registration questions, stored directly; returned with their ids, in order.</summary>
    public static Task<List<EventQuestion>> AddQuestionsAsync(this TestApp app, int eventId, params (EventQuestionKind Kind, string Text, string? Options, bool Required)[] questions) =>
        app.WithDbAsync(async db =>
        {
            var list = questions.Select((q, i) => new EventQuestion { EventId = eventId, Position = i + 1, Kind = q.Kind, Text = q.Text, Options = q.Options, IsRequired = q.Required }).ToList();
            db.EventQuestions.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });

    /// <summary>Registers through the public form, as a visitor would; returns the answer after redirects.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient visitor, int eventId, string name, string email, bool consent = true,
        bool joinWaitingList = false, string? poolPrefix = null, IEnumerable<KeyValuePair<string, string>>? answers = null)
    {
        var url = $"{poolPrefix}/events/{eventId}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name), new("Input.Email", email), new("Input.Organisation", "Stadt Musterstadt"), new("Input.Function", "Agenda-21-Büro"),
        };
        if (consent) fields.Add(new("Input.Consent", "true"));
        if (joinWaitingList) fields.Add(new("Input.JoinWaitingList", "true"));
        if (answers is not null) fields.AddRange(answers);
        return await visitor.PostFormAsync(url, fields);
    }

    /// <summary>The mails to one address, oldest first (by the file's own time: the names carry the fake clock's), with their attachments.</summary>
    public static List<MimeMessage> MessagesTo(this TestApp app, string address)
    {
        if (!Directory.Exists(app.OutboxFolder)) return [];
        return new DirectoryInfo(app.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name).Select(f => MimeMessage.Load(f.FullName))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The personal link in a registration mail, relative for the test client.</summary>
    public static string PersonalLink(MimeMessage mail)
    {
        var m = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://[^\s/]+(/[^\s]*/events/registration/[^\s]+|/events/registration/[^\s]+)");
        Assert.True(m.Success, "No personal link in:\n" + mail.TextBody);
        return m.Groups[1].Value;
    }
}
