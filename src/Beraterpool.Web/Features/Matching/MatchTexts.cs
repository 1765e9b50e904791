using System.Globalization;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Advisors.Manage;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Reference;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Matching;

/// <summary>
/// Puts the scorer's facts into words a coordinator reads without knowing the formula, e.g.
/// "Themen: 2 von 3 (Faire Beschaffung, SDGs) – 33 von 50 Punkten".
/// </summary>
public sealed class MatchTexts(IStringLocalizer<MatchTexts> text, AdvisorStatusNames statusNames)
{
    public string Name(MatchCriterion criterion) => criterion switch
    {
        MatchCriterion.Topics => text["Themen"],
        MatchCriterion.Languages => text["Sprachen"],
        MatchCriterion.Distance => text["Entfernung"],
        MatchCriterion.Availability => text["Verfügbarkeit"],
        MatchCriterion.Workload => text["Auslastung"],
        _ => criterion.ToString(),
    };

    public string Points(double points, int max) => text["{0} von {1} Punkten", Round(points), max];

    /// <summary>The whole line: criterion, facts in words, points.</summary>
    public string Line(CriterionExplanation e, IReadOnlyDictionary<int, string> topicNames, bool tandem = false) =>
        text["{0}: {1} – {2}", Name(e.Criterion), Facts(e, topicNames, tandem), Points(e.Points, e.MaxPoints)];

    public string Facts(CriterionExplanation e, IReadOnlyDictionary<int, string> topicNames, bool tandem = false) => e switch
    {
        TopicsExplanation t when t.Requested == 0 => text["keine Themen gewünscht"],
        TopicsExplanation t when t.Covered.Length == 0 => text["0 von {0}", t.Requested],
        TopicsExplanation t => text["{0} von {1} ({2})", t.Covered.Length, t.Requested, TopicList(t.Covered, topicNames)],
        LanguagesExplanation l when l.GermanAssumed && l.Shared.Length == 0 => text["kein Sprachwunsch, Deutsch nicht im Profil"],
        LanguagesExplanation l when l.GermanAssumed => text["kein Sprachwunsch; spricht Deutsch ({0})", Level(l.Shared[0].Level)],
        LanguagesExplanation l when l.Shared.Length == 0 => text["0 von {0} gewünschten Sprachen", l.Requested],
        LanguagesExplanation l => text["{0} von {1} ({2})", l.Shared.Length, l.Requested, LanguageList(l.Shared)],
        DistanceExplanation d when d.Online && d.DistanceKm is { } km => text["online, Entfernung unerheblich ({0} km)", Round(km)],
        DistanceExplanation d when d.Online => text["online, Entfernung unerheblich"],
        DistanceExplanation { DistanceKm: null } => text["Entfernung unbekannt (Wohnort oder Kommune ohne Koordinaten)"],
        DistanceExplanation d when tandem => text["im Mittel {0} km (0 Punkte ab {1} km)", Round(d.DistanceKm!.Value), d.MaxDistanceKm],
        DistanceExplanation d => text["{0} km (0 Punkte ab {1} km)", Round(d.DistanceKm!.Value), d.MaxDistanceKm],
        AvailabilityExplanation a when a.DaysPerMonth == 0 => text["keine Tage im Monat verfügbar"],
        AvailabilityExplanation a when a.BlockedDays == 0 => text["im gewünschten Zeitraum frei"],
        AvailabilityExplanation a when tandem => text["im Mittel {0} von {1} Tagen des Zeitraums verhindert", a.BlockedDays, a.PeriodDays],
        AvailabilityExplanation a => text["{0} von {1} Tagen des Zeitraums verhindert", a.BlockedDays, a.PeriodDays],
        WorkloadExplanation w when tandem => text["zusammen {0} Beratungstage in diesem Jahr, {1} laufende Begleitungen", Days(w.HalfDaysThisYear), w.OpenEngagements],
        WorkloadExplanation w => text["{0} Beratungstage in diesem Jahr, {1} laufende Begleitungen", Days(w.HalfDaysThisYear), w.OpenEngagements],
        _ => "",
    };

    /// <summary>What one tandem partner brings that the other does not.</summary>
    public string Adds(MatchCandidate partner, int[] topics, string[] languages, IReadOnlyDictionary<int, string> topicNames)
    {
        var parts = new List<string>();
        if (topics.Length > 0) parts.Add(text["Themen: {0}", TopicList(topics, topicNames)]);
        if (languages.Length > 0) parts.Add(text["Sprachen: {0}", string.Join(", ", languages.Select(LanguageName))]);
        return parts.Count == 0
            ? text["{0} bringt nichts Zusätzliches ein", partner.FullName]
            : text["{0} bringt ein: {1}", partner.FullName, string.Join("; ", parts)];
    }

    public string Reason(Exclusion e) => e.Reason switch
    {
        ExclusionReason.NotActive => text["Status „{0}“: nur aktive Berater*innen werden vorgeschlagen", statusNames[e.Advisor.Status]],
        ExclusionReason.Conflict => text["Interessenkonflikt: arbeitet für die Kommune oder ihren Kreis"],
        ExclusionReason.AlreadyProposed => text["schon angefragt, Antwort steht aus"],
        ExclusionReason.Accepted => text["hat schon zugesagt"],
        ExclusionReason.Declined when e.Advisor.InvitationReason is { Length: > 0 } reason => text["hat abgelehnt: {0}", reason],
        ExclusionReason.Declined => text["hat abgelehnt"],
        _ => e.Reason.ToString(),
    };

    public string Level(LanguageLevel level) => level switch
    {
        LanguageLevel.Native => text["Muttersprache"],
        LanguageLevel.Fluent => text["fließend"],
        LanguageLevel.Good => text["gut"],
        LanguageLevel.Basic => text["Grundkenntnisse"],
        _ => level.ToString(),
    };

    public static string LanguageName(string code) => Languages.Find(code)?.Name(WebUi.CurrentCulture) ?? code;

    private string LanguageList(IEnumerable<CandidateLanguage> languages) =>
        string.Join(", ", languages.Select(l => $"{LanguageName(l.Code)} {Level(l.Level)}"));

    private static string TopicList(IEnumerable<int> ids, IReadOnlyDictionary<int, string> names) =>
        string.Join(", ", ids.Select(id => names.TryGetValue(id, out var n) ? n : "#" + id));

    private static string Round(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.CurrentCulture);

    private static string Days(int halfDays) => (halfDays / 2.0).ToString("0.#", CultureInfo.CurrentCulture);
}
