using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

public sealed class EntryInput
{
    [Required(ErrorMessage = "Bitte wählen Sie die Art.")]
    public TimelineKind? Kind { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie das Datum an.")]
    public DateOnly? On { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Betreff an.")]
    [StringLength(300, ErrorMessage = "Der Betreff darf höchstens 300 Zeichen lang sein.")]
    public string? Subject { get; set; }

    [StringLength(4000, ErrorMessage = "Die Notizen dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Notes { get; set; }
}

public sealed class FollowUpInput
{
    [Required(ErrorMessage = "Bitte sagen Sie, was zu tun ist.")]
    [StringLength(300, ErrorMessage = "Die Wiedervorlage darf höchstens 300 Zeichen lang sein.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie das Datum an.")]
    public DateOnly? DueOn { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie, wer sich darum kümmert.")]
    public string? OwnerUserId { get; set; }
}

/// <summary>What the organisation and contact pages show below their data: the timeline, the follow-ups and the two forms.</summary>
public sealed record ActivityPanel(IReadOnlyList<TimelineItem> Timeline, IReadOnlyList<FollowUpItem> FollowUps, IReadOnlyList<Choice> Owners,
    EntryInput Entry, FollowUpInput FollowUp, StakeholderTexts Texts);

/// <summary>The timeline and follow-up writes shared by the organisation and the contact page.</summary>
public static class Activity
{
    /// <summary>Only the fields of the form that was sent count: the page holds two forms bound to one model.</summary>
    public static void KeepOnly(ModelStateDictionary state, string prefix)
    {
        foreach (var key in state.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) state.Remove(key);
    }

    public static Task<List<Choice>> OwnersAsync(AppDbContext db, int poolId, CancellationToken ct) =>
        db.PoolCoordinators.AsNoTracking().Where(c => c.PoolId == poolId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id })
            .OrderBy(u => u.Name).Select(u => new Choice(u.Id, u.Name)).ToListAsync(ct);

    public static void AddEntry(AppDbContext db, int poolId, int? organisationId, int? contactId, EntryInput input, DateTimeOffset now) =>
        db.TimelineEntries.Add(new TimelineEntry
        {
            PoolId = poolId, OrganisationId = organisationId, ContactId = contactId, Kind = input.Kind!.Value, On = input.On!.Value,
            Subject = input.Subject!.Trim(), Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(), CreatedAt = now,
        });

    public static void AddFollowUp(AppDbContext db, int poolId, int? organisationId, int? contactId, FollowUpInput input, DateTimeOffset now) =>
        db.FollowUps.Add(new FollowUp
        {
            PoolId = poolId, OrganisationId = organisationId, ContactId = contactId, Title = input.Title!.Trim(), DueOn = input.DueOn!.Value,
            OwnerUserId = input.OwnerUserId, CreatedAt = now,
        });

    /// <summary>Done ↔ open, by one conditional update within the record's pool.</summary>
    public static Task<int> ToggleAsync(AppDbContext db, int followUpId, int[] managedPools, DateTimeOffset now, CancellationToken ct) =>
        db.FollowUps.Where(f => f.Id == followUpId && managedPools.Contains(f.PoolId))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DoneAt, f => f.DoneAt == null ? now : (DateTimeOffset?)null), ct);

    public static string Local(DateOnly d) => d.ToString("dd.MM.yyyy", Money.German);
}
