using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>An organisation in the registry of who may sign in, with its administrators.</summary>
public sealed record OrganisationAdminView(
    string Id,
    string Name,
    OrganisationKind Kind,
    string KvkNumber,
    string AgbCode,
    bool Active,
    DateTimeOffset? DeactivatedAt,
    bool TwoFactorRequiredForAll,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<PersonView> Administrators);

/// <summary>A person of an organisation as its administrators see them.</summary>
public sealed record PersonView(
    string Id,
    string Email,
    string DisplayName,
    bool Administrator,
    PersonState State,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? ActivatedAt,
    bool TwoFactorEnabled);

/// <summary>What the organisation form sends; the kind only on creation.</summary>
public sealed class OrganisationInput
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public string? Name { get; set; }
    public OrganisationKind Kind { get; set; } = OrganisationKind.Hoofdaanbieder;
    public string? KvkNumber { get; set; }
    public string? AgbCode { get; set; }
    public bool TwoFactorRequiredForAll { get; set; }
}

/// <summary>What the invitation form sends.</summary>
public sealed class InvitationInput
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public bool Administrator { get; set; }
}

/// <summary>What the area contract form sends.</summary>
public sealed class AreaContractInput
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public int AreaId { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
}

/// <summary>A machine client (care system) of the organisation; its secret is never part of it.</summary>
public sealed record MachineClientView(
    string ClientId,
    string DisplayName,
    MachineClientState State,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset? RevokedAt);

/// <summary>A client with the secret the Server returned this once (register or rotate).</summary>
public sealed record MachineClientSecret(MachineClientView Client, string Secret);
