using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Web.Features.Me;

/// <summary>
/// Each role's overview, the page a person lands on after signing in and finds again in the navigation.
/// With several roles the one with the most to do wins: the office, then advisors, then municipalities.
/// </summary>
public static class HomePages
{
    public static readonly (string Role, string Page)[] ByRole =
    [
        (Roles.Administrator, "/Manage/Index"),
        (Roles.Coordinator, "/Manage/Index"),
        (Roles.Advisor, "/Me/Index"),
        (Roles.MunicipalityContact, "/Requests/Contact/Index"),
        (Roles.Reviewer, "/Me/Review"),
        (Roles.Mentor, "/Me/Mentoring"),
    ];

    public static string Of(IEnumerable<string> roles)
    {
        var mine = roles.ToHashSet();
        return ByRole.Where(r => mine.Contains(r.Role)).Select(r => r.Page).FirstOrDefault() ?? "/Home/Index";
    }
}
