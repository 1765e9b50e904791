using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beraterpool.Web.Features.Advisors.Editor;

/// <summary>Small steps both editor pages take the same way.</summary>
public static class EditorPage
{
    /// <summary>
    /// A "Suchen" submit is not a save: keep what was typed but drop the messages, then offer the matches.
    /// </summary>
    public static async Task SearchCityAsync(ProfileEditor editor, ProfileInput input, ModelStateDictionary modelState, CancellationToken ct)
    {
        foreach (var entry in modelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Skipped;
        }
        var matches = await editor.SearchCitiesAsync(input.CityQuery, ct);
        input.Options.CityMatches = matches;
        input.Options.CitySearched = true;
        input.CityKey = matches.Count == 1 ? matches[0].Key : null;
        modelState.Remove("Input.CityKey");
    }

    /// <summary>The coordinator's "Suchen" for the employer: like <see cref="SearchCityAsync"/>, districts included.</summary>
    public static async Task SearchEmployerAsync(ProfileEditor editor, ProfileInput input, ModelStateDictionary modelState, CancellationToken ct)
    {
        foreach (var entry in modelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Skipped;
        }
        var matches = await editor.SearchEmployersAsync(input.EmployerQuery, ct);
        input.Options.EmployerMatches = matches;
        input.Options.EmployerSearched = true;
        input.EmployerKey = matches.Count == 1 ? matches[0].Key : null;
        modelState.Remove("Input.EmployerKey");
    }
}
