using GonPortal.HostContracts;

namespace GonPortal.Identity.Data;

/// <summary>
/// An organisation whose people and machine clients may sign in: the registry Identity owns. The id is the
/// tenant id the Server uses for the same organisation. A deactivated organisation keeps its rows, but none
/// of its users or clients gets a token (see <see cref="Onboarding.SignInGate"/>).
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public OrganisationKind Kind { get; set; }

    /// <summary>8 digits; unique. Empty only for the demo gemeente and WIJ, which were registered before the field was required.</summary>
    public string? KvkNumber { get; set; }

    /// <summary>8 digits or empty.</summary>
    public string? AgbCode { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Stored per organisation now; enforced by the two-factor sign-in (built separately).</summary>
    public bool TwoFactorRequiredForAll { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The role every user and machine client of this organisation gets.</summary>
    public string Role => Kind switch
    {
        OrganisationKind.Gemeente => GonRoles.Gemeente,
        OrganisationKind.Wij => GonRoles.Wij,
        OrganisationKind.Hoofdaanbieder => GonRoles.Hoofdaanbieder,
        _ => GonRoles.Onderaannemer,
    };
}
