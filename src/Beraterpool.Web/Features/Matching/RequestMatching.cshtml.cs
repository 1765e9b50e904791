using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Engagements.Invitations;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Matching;

/// <summary>
/// /manage/requests/{id}/matching: the ranked suggestions for one request with the reason for every score, the
/// advisors left out and why, the proposals made so far; the coordinator proposes one advisor or a tandem.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class RequestMatchingModel(TimeProvider time, AppDbContext db, PoolAccess access, MatchTexts texts, InvitationWorkflow workflow, CandidateSnapshots snapshots,
    UserManager<AppUser> users, IStringLocalizer<RequestMatchingModel> text) : PageModel
{
    public const int SingleCount = 20;
    public const int TandemCount = 5;

    public sealed record ProposalRow(int Id, Guid Group, string AdvisorName, InvitationStatus Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

    public RequestFacts Facts { get; private set; } = null!;
    public MatchResult Result { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> TopicNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];
    public MatchTexts Texts => texts;
    public (DateOnly From, DateOnly To) Period { get; private set; }

    /// <summary>"a-{advisorId}" for one advisor, "t-{id}-{id}" for a suggested tandem, "own" for a tandem put together here.</summary>
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public int? OwnFirst { get; set; }
    [BindProperty] public int? OwnSecond { get; set; }

    public const string OwnTandem = "own";
    private MatchRequest _request = null!;
    private MatchingWeights _weights = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Facts.OpenForProposals)
        {
            ModelState.AddModelError(nameof(Choice), text["Für diese Anfrage können keine Berater*innen mehr vorgeschlagen werden."]);
            return Page();
        }
        if (string.IsNullOrEmpty(Choice))
        {
            ModelState.AddModelError(nameof(Choice), text["Bitte wählen Sie eine Berater*in oder ein Tandem aus."]);
            return Page();
        }

        // Only what the page offers can be proposed: the ranking is computed again, so a choice made on a stale page
        // (someone else proposed the same person meanwhile, a status changed) is refused instead of slipping through.
        TandemSuggestion? own = null;
        if (Choice == OwnTandem && (own = OwnPair()) is null) return Page();
        List<InvitationWorkflow.Proposed>? proposed = null;
        var de = CultureInfo.GetCultureInfo("de-DE");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = de;
        try
        {
            if (Choice.StartsWith("a-", StringComparison.Ordinal) && int.TryParse(Choice[2..], out var advisorId)
                && Result.Singles.FirstOrDefault(s => s.Advisor.Id == advisorId) is { } single)
            {
                proposed = [new(single.Advisor, Explanation(single.Score, single.Criteria, false))];
            }
            else if (Choice.Split('-') is ["t", var a, var b] && int.TryParse(a, out var first) && int.TryParse(b, out var second)
                     && Result.Tandems.FirstOrDefault(t => t.First.Id == first && t.Second.Id == second) is { } tandem)
            {
                proposed = [new(tandem.First, TandemWhy(tandem)), new(tandem.Second, TandemWhy(tandem))];
            }
            else if (own is not null)
            {
                proposed = [new(own.First, TandemWhy(own)), new(own.Second, TandemWhy(own))];
            }
        }
        finally { CultureInfo.CurrentUICulture = previous; }

        if (proposed is null)
        {
            ModelState.AddModelError(nameof(Choice), text["Diese Auswahl steht nicht mehr zur Verfügung. Bitte wählen Sie erneut."]);
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (await workflow.ProposesSelfAsync(proposed.Select(p => p.Advisor.Id), user?.Id, ct))
        {
            ModelState.AddModelError(nameof(Choice), text["Sie können sich nicht selbst vorschlagen. Das übernimmt eine andere Koordinierung des Pools oder die Administration."]);
            return Page();
        }
        if (await workflow.ProposeAsync(Facts, proposed, user?.Id, InvitationWorkflow.ActorName(user), ct) is null)
        {
            // The request moved on in the meantime (declined, withdrawn): show the page as it is now.
            await LoadAsync(id, ct);
            ModelState.AddModelError(nameof(Choice), text["Für diese Anfrage können keine Berater*innen mehr vorgeschlagen werden."]);
            return Page();
        }
        TempData[StatusMessage.Key] = proposed.Count == 1
            ? text["{0} ist angefragt und hat eine E-Mail bekommen.", proposed[0].Advisor.FullName].Value
            : text["Das Tandem {0} und {1} ist angefragt; beide haben eine E-Mail bekommen.", proposed[0].Advisor.FullName, proposed[1].Advisor.FullName].Value;
        return RedirectToPage("/Matching/RequestMatching", new { id });
    }

    /// <summary>
    /// The coordinator's own pair, from the advisors the page suggests (so the exclusions — conflicts, inactive,
    /// already asked — hold for it too); field messages when a choice is missing or twice the same person.
    /// </summary>
    private TandemSuggestion? OwnPair()
    {
        var first = Result.Singles.FirstOrDefault(s => s.Advisor.Id == OwnFirst)?.Advisor;
        var second = Result.Singles.FirstOrDefault(s => s.Advisor.Id == OwnSecond)?.Advisor;
        if (first is null) ModelState.AddModelError(nameof(OwnFirst), text["Bitte wählen Sie die erste Person des Tandems."]);
        if (second is null) ModelState.AddModelError(nameof(OwnSecond), text["Bitte wählen Sie die zweite Person des Tandems."]);
        else if (first is not null && first.Id == second.Id)
            ModelState.AddModelError(nameof(OwnSecond), text["Bitte wählen Sie zwei verschiedene Personen für das Tandem."]);
        return ModelState.IsValid ? MatchScorer.ScorePair(_request, _weights, first!, second!) : null;
    }

    private string TandemWhy(TandemSuggestion t) =>
        Explanation(t.Score, t.Criteria, true) + "\n"
        + texts.Adds(t.First, t.FirstAddsTopics, t.FirstAddsLanguages, TopicNames) + "\n"
        + texts.Adds(t.Second, t.SecondAddsTopics, t.SecondAddsLanguages, TopicNames);

    private string Explanation(double score, IReadOnlyList<CriterionExplanation> criteria, bool tandem) =>
        $"{score:0} / {Result.MaxScore}\n" + string.Join("\n", criteria.Select(c => texts.Line(c, TopicNames, tandem)));

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await RequestFacts.LoadAsync(db, id, ct) is not { } facts || !await access.CanManageAsync(facts.PoolId, ct)) return false;
        Facts = facts;
        var culture = WebUi.CurrentCulture;
        TopicNames = (await db.Topics.AsNoTracking().Where(t => t.PoolId == facts.PoolId).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.Name(culture));
        var weights = await db.Pools.AsNoTracking().Where(p => p.Id == facts.PoolId).Select(p => p.Matching).FirstAsync(ct);
        var today = time.LocalToday();
        var request = facts.ToMatchRequest(today);
        (_request, _weights) = (request, weights);
        Period = (request.From, request.To);
        var candidates = await CandidateLoader.LoadAsync(db, snapshots, facts.PoolId, facts.Id, today.Year, ct);
        Result = MatchScorer.Rank(request, candidates, weights, SingleCount, TandemCount);
        Proposals = await (
                from i in db.EngagementInvitations.AsNoTracking()
                join a in db.Advisors on i.AdvisorId equals a.Id
                where i.RequestId == id
                orderby i.CreatedAt descending, i.Id
                select new ProposalRow(i.Id, i.ProposalGroup, a.FirstName + " " + a.LastName, i.Status, i.Reason, i.CreatedAt, i.RespondedAt))
            .ToListAsync(ct);
        return true;
    }
}
