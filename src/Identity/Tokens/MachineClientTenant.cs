using System.Collections.Immutable;
using System.Text.Json;
using GonPortal.HostContracts;
using OpenIddict.Abstractions;

namespace GonPortal.Identity.Tokens;

/// <summary>
/// The organisation a machine client (client credentials) acts for. Stored in the OpenIddict
/// application's Properties JSON, so it travels with the client registration and is read back
/// at token issuance without a separate table.
/// </summary>
public sealed record MachineClientTenant(Guid TenantId, string TenantName, string Role)
{
    // Property names mirror the claim names they become.
    private const string TenantIdProperty = GonClaimTypes.TenantId;
    private const string TenantNameProperty = GonClaimTypes.TenantName;
    private const string RoleProperty = GonClaimTypes.Role;

    public void WriteTo(OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.Properties[TenantIdProperty] = JsonSerializer.SerializeToElement(TenantId.ToString());
        descriptor.Properties[TenantNameProperty] = JsonSerializer.SerializeToElement(TenantName);
        descriptor.Properties[RoleProperty] = JsonSerializer.SerializeToElement(Role);
    }

    /// <summary>The given properties with this tenant written over them; other properties (the client's state) stay.</summary>
    public ImmutableDictionary<string, JsonElement> WriteTo(ImmutableDictionary<string, JsonElement> properties) => properties
        .SetItem(TenantIdProperty, JsonSerializer.SerializeToElement(TenantId.ToString()))
        .SetItem(TenantNameProperty, JsonSerializer.SerializeToElement(TenantName))
        .SetItem(RoleProperty, JsonSerializer.SerializeToElement(Role));

    /// <summary>Null when the application carries no (valid) tenant: such a client gets no token.</summary>
    public static MachineClientTenant? ReadFrom(ImmutableDictionary<string, JsonElement> properties)
    {
        if (properties.TryGetValue(TenantIdProperty, out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var tenantId)
            && properties.TryGetValue(TenantNameProperty, out var name) && name.ValueKind == JsonValueKind.String
            && properties.TryGetValue(RoleProperty, out var role) && role.ValueKind == JsonValueKind.String
            && GonRoles.All.Contains(role.GetString()))
        {
            return new(tenantId, name.GetString()!, role.GetString()!);
        }

        return null;
    }
}
