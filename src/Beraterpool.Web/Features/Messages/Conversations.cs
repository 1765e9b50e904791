using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Messages;

/// <summary>One message as every party reads it.</summary>
public sealed record MessageRow(int Id, MessageSide Side, string AuthorName, string Body, DateTimeOffset SentAt, bool Unread);

/// <summary>The reply form under a conversation; each page binds it with the prefix <see cref="Conversations.Prefix"/>.</summary>
public sealed class MessageInput
{
    [Required(ErrorMessage = "Bitte schreiben Sie eine Nachricht.")]
    [StringLength(Message.MaxLength, ErrorMessage = "Die Nachricht darf höchstens 4000 Zeichen lang sein.")]
    public string? Body { get; set; }
}

/// <summary>What the partial <c>_Conversation</c> shows: the history (oldest first) and where the form posts to.</summary>
public sealed record ConversationView(IReadOnlyList<MessageRow> Messages, string Action, MessageSide Viewer, bool CanWrite, MessageInput Reply);

/// <summary>Who writes: their side, account (null through the personal link) and the name shown.</summary>
public sealed record MessageAuthor(MessageSide Side, string? UserId, string Name);

/// <summary>Unread messages from the municipality, per request (including its engagements).</summary>
public sealed record UnreadCount(int RequestId, int Count, DateTimeOffset Latest);

/// <summary>
/// The conversation of a request or of one of its engagements: the history, a new message (saved and audited, then the
/// other side is told by mail), and the office's read state. Callers check who may read and write before.
/// </summary>
public sealed class Conversations(AppDbContext db, TimeProvider time, MessageMails mails)
{
    public const string Prefix = "Reply";

    public Task<List<MessageRow>> HistoryAsync(int requestId, int? engagementId, CancellationToken ct) =>
        db.Messages.AsNoTracking().Where(m => m.RequestId == requestId && m.EngagementId == engagementId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.Side, m.AuthorName, m.Body, m.SentAt, m.Side == MessageSide.Municipality && m.ReadByOfficeAt == null))
            .ToListAsync(ct);

    public async Task PostAsync(int poolId, int requestId, int? engagementId, MessageAuthor author, string body, CancellationToken ct)
    {
        var message = new Message
        {
            PoolId = poolId, RequestId = requestId, EngagementId = engagementId, Side = author.Side, AuthorUserId = author.UserId,
            AuthorName = author.Name.Length > 200 ? author.Name[..200] : author.Name, Body = body.Trim(), SentAt = time.GetUtcNow(),
        };
        db.Messages.Add(message);
        db.Audit("message.sent", engagementId is { } e ? $"engagement:{e}" : $"request:{requestId}", author.UserId, poolId, author.Side.ToString());
        await db.SaveChangesAsync(ct);
        await mails.SendAsync(message, ct);
    }

    /// <summary>The office has read the municipality's messages of this conversation; one UPDATE, the first reader's time stays.</summary>
    public Task MarkReadByOfficeAsync(int requestId, int? engagementId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Messages.Where(m => m.RequestId == requestId && m.EngagementId == engagementId && m.Side == MessageSide.Municipality && m.ReadByOfficeAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadByOfficeAt, now), ct);
    }

    /// <summary>One grouped query: per request of these pools, how many messages of the municipality no coordinator has read.</summary>
    public Task<List<UnreadCount>> UnreadAsync(int[] poolIds, CancellationToken ct) =>
        db.Messages.AsNoTracking().Where(m => poolIds.Contains(m.PoolId) && m.Side == MessageSide.Municipality && m.ReadByOfficeAt == null)
            .GroupBy(m => m.RequestId)
            .Select(g => new UnreadCount(g.Key, g.Count(), g.Max(m => m.SentAt)))
            .ToListAsync(ct);
}

public static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddScoped<Conversations>();
        services.AddScoped<MessageMails>();
        return services;
    }
}
