using Beraterpool.Web.Features.Accounts;
using Microsoft.Extensions.Configuration;

namespace Beraterpool.Tests.Accounts;

/// <summary>Production requires two factors of administrators and coordinators unless configured otherwise.</summary>
public sealed class TwoFactorPolicyTests
{
    private static TwoFactorPolicy From(string? setting) =>
        TwoFactorPolicy.From(new ConfigurationBuilder().AddInMemoryCollection(
            setting is null ? [] : [new KeyValuePair<string, string?>(TwoFactorPolicy.SettingKey, setting)]).Build());

    [Fact]
    public void Without_the_setting_administrators_and_coordinators_need_two_factors() =>
        Assert.Equal([Roles.Administrator, Roles.Coordinator], From(null).RequiredForRoles);

    [Fact]
    public void An_empty_setting_requires_it_of_nobody() => Assert.Empty(From("").RequiredForRoles);

    [Fact]
    public void The_setting_lists_roles_separated_by_commas() =>
        Assert.Equal([Roles.Administrator, Roles.Reviewer], From(" Administrator , Reviewer ").RequiredForRoles);
}
