using System.Reflection;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Exports;

/// <summary>
/// Who may export a table: exactly who may call its list RPC, read from that RPC's <c>[Authorize]</c> attributes (the
/// service's and the method's must both admit the role, as ASP.NET Core combines them), so the two cannot drift apart.
/// </summary>
internal static class ExportRoles
{
    public static IReadOnlySet<string> Of(Type service, string method)
    {
        var lists = service.GetCustomAttributes<AuthorizeAttribute>(inherit: true)
            .Concat(service.GetMethod(method)!.GetCustomAttributes<AuthorizeAttribute>(inherit: true))
            .Where(a => a.Roles is not null)
            .Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal))
            .ToList();
        if (lists.Count == 0)
        {
            throw new InvalidOperationException($"{service.Name}.{method} names no roles; every list RPC does.");
        }
        var allowed = lists[0];
        foreach (var roles in lists.Skip(1))
        {
            allowed.IntersectWith(roles);
        }
        return allowed;
    }
}
