namespace GonPortal.HostContracts;

/// <summary>
/// Identity's internal admin API (<c>/admin/v1</c>), called only by the Server with a client-credentials token
/// of <see cref="ServerClientId"/> carrying <see cref="Scope"/>. Paths and bodies are shared here so the two
/// hosts cannot drift. Errors: 400 with field errors named as the Server's proto fields, 404, and 409 whose
/// problem type is <see cref="AlreadyExistsType"/> or <see cref="WrongStateType"/>.
/// </summary>
public static class AdminApiContract
{
    public const string BasePath = "/admin/v1";

    /// <summary>Scope that grants the admin API; its resource (audience) is <see cref="Audience"/>.</summary>
    public const string Scope = "gon.admin";

    public const string Audience = "gon-identity";

    /// <summary>The Server's client id at Identity (client credentials).</summary>
    public const string ServerClientId = "gon-server";

    public const string AlreadyExistsType = "already-exists";
    public const string WrongStateType = "wrong-state";
}

/// <summary>States of a person; lower case in JSON.</summary>
public static class AdminPersonStates
{
    /// <summary>Invited, no password chosen yet.</summary>
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Deactivated = "deactivated";
}

/// <summary>A person as the admin API shows them.</summary>
public sealed record AdminPerson(
    string Id,
    Guid OrganisationId,
    string Email,
    string DisplayName,
    bool Administrator,
    string State,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? DeactivatedAt,
    bool TwoFactorEnabled);

/// <summary>An organisation in Identity's registry, with its administrators.</summary>
public sealed record AdminOrganisation(
    Guid Id,
    string Name,
    OrganisationKind Kind,
    string? KvkNumber,
    string? AgbCode,
    bool Active,
    DateTimeOffset? DeactivatedAt,
    bool TwoFactorRequiredForAll,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AdminPerson> Administrators);

/// <summary>POST /organisations. The id is chosen by the Server (the tenant id), so a retry cannot create a second one.</summary>
public sealed record AdminCreateOrganisation(Guid Id, OrganisationKind Kind, string Name, string? KvkNumber, string? AgbCode, bool TwoFactorRequiredForAll);

/// <summary>PUT /organisations/{id}. The kind cannot change.</summary>
public sealed record AdminUpdateOrganisation(string Name, string? KvkNumber, string? AgbCode, bool TwoFactorRequiredForAll);

/// <summary>POST /organisations/{id}/people. The id is chosen by the Server, for the same reason.</summary>
public sealed record AdminInvitePerson(Guid Id, string Email, string DisplayName, bool Administrator);

/// <summary>PUT /people/{id}/administrator.</summary>
public sealed record AdminSetAdministrator(bool Administrator);

/// <summary>States of a machine client; lower case in JSON.</summary>
public static class AdminMachineClientStates
{
    public const string Active = "active";
    public const string Revoked = "revoked";
}

/// <summary>
/// A machine client as the admin API shows it; never a secret. <see cref="RegistrationId"/> is the id the Server chose
/// when it registered the client (null for clients registered otherwise, such as the demo clients).
/// </summary>
public sealed record AdminMachineClient(
    string ClientId,
    Guid OrganisationId,
    Guid? RegistrationId,
    string DisplayName,
    string State,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset? RevokedAt);

/// <summary>
/// POST /organisations/{id}/machine-clients. The registration id is chosen by the Server: the same id again registers
/// nothing and returns the stored client with an empty secret.
/// </summary>
public sealed record AdminRegisterMachineClient(Guid Id, string DisplayName);

/// <summary>A client with a secret that is shown this once (register, rotate); empty on a repeated registration.</summary>
public sealed record AdminMachineClientWithSecret(AdminMachineClient MachineClient, string ClientSecret);
