using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>Dutch words for the contract's enums.</summary>
public static class DutchLabels
{
    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Gemeente => "gemeente",
        OrganisationKind.Wij => "WIJ",
        OrganisationKind.Hoofdaanbieder => "hoofdaanbieder",
        OrganisationKind.Onderaannemer => "onderaannemer",
        _ => "onbekend",
    };

    public static string Of(Role role) => role switch
    {
        Role.Gemeente => "gemeente",
        Role.Wij => "WIJ",
        Role.Hoofdaanbieder => "hoofdaanbieder",
        Role.Onderaannemer => "onderaannemer",
        _ => "onbekend",
    };

    public static string Of(SubcontractState state) => state switch
    {
        SubcontractState.Proposed => "Voorgesteld, wacht op toestemming",
        SubcontractState.Consented => "Toestemming verleend",
        SubcontractState.Refused => "Geweigerd",
        SubcontractState.Withdrawn => "Ingetrokken",
        SubcontractState.Ended => "Beëindigd",
        _ => "Onbekend",
    };
}
