using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

public static class AccountRoles
{
    /// <summary>Creates the six roles if missing; every installation needs them, demo or not.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All)
        {
            if (await roles.RoleExistsAsync(name)) continue;
            var result = await roles.CreateAsync(new IdentityRole(name));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Role {name} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
