namespace GonPortal.HostContracts;

/// <summary>
/// The contract between Identity (which issues access tokens) and Server/Portal (which read them).
/// Kept in one place so the three hosts cannot drift apart.
/// </summary>
public static class GonClaimTypes
{
    /// <summary>Role of the caller: one of <see cref="GonRoles"/>.</summary>
    public const string Role = "role";

    /// <summary>Id (GUID) of the organisation the caller belongs to: the tenant.</summary>
    public const string TenantId = "gon_tenant";

    /// <summary>Display name of the caller's organisation (for the portal's header).</summary>
    public const string TenantName = "gon_tenant_name";

    /// <summary>Display name of a person (not present for machine clients).</summary>
    public const string Name = "name";

    /// <summary>Standard subject claim: user id, or client id for machine clients.</summary>
    public const string Subject = "sub";

    /// <summary>
    /// Present (value <see cref="AdministratorValue"/>) only for people flagged as administrators of their
    /// organisation (any kind): they manage its people; with role gemeente also organisations and the Server's
    /// jobs dashboard. Absent for everyone else, never "false".
    /// </summary>
    public const string Administrator = "gon_admin";

    /// <summary>The one value of <see cref="Administrator"/>.</summary>
    public const string AdministratorValue = "true";
}

/// <summary>The four roles. Every user and machine client has exactly one.</summary>
public static class GonRoles
{
    /// <summary>Hoofdaanbieder: main provider holding one or two areas.</summary>
    public const string Hoofdaanbieder = "hoofdaanbieder";

    /// <summary>Onderaannemer: subcontractor delivering care for one or more hoofdaanbieders.</summary>
    public const string Onderaannemer = "onderaannemer";

    /// <summary>Gemeente: the municipality; the only cross-tenant reader.</summary>
    public const string Gemeente = "gemeente";

    /// <summary>WIJ: the neighbourhood access teams (toegang).</summary>
    public const string Wij = "wij";

    public static readonly IReadOnlyList<string> All = [Hoofdaanbieder, Onderaannemer, Gemeente, Wij];

    /// <summary>Every role, for an <c>[Authorize(Roles = ...)]</c> that admits any organisation.</summary>
    public const string AnyRole = $"{Hoofdaanbieder},{Onderaannemer},{Gemeente},{Wij}";
}

/// <summary>OAuth scopes and the resource (audience) they map to.</summary>
public static class GonScopes
{
    /// <summary>Scope that grants access to the GonPortal gRPC API.</summary>
    public const string Api = "gon.api";

    /// <summary>Audience of access tokens for the gRPC server; the server rejects any other.</summary>
    public const string ServerResource = "gon-server";

    /// <summary>Client id of the web portal (authorization code + PKCE).</summary>
    public const string PortalClientId = "gon-portal";
}
