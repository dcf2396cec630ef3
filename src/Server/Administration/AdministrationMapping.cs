using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;
using Kind = GonPortal.HostContracts.OrganisationKind;

namespace GonPortal.Server.Administration;

internal static class AdministrationMapping
{
    public static V1.Organisation ToProto(AdminOrganisation o)
    {
        var organisation = new V1.Organisation
        {
            Id = o.Id.ToString(),
            Name = o.Name,
            Kind = ToProto(o.Kind),
            KvkNumber = o.KvkNumber ?? "",
            AgbCode = o.AgbCode ?? "",
            Active = o.Active,
            DeactivatedAt = ProtoConvert.ToProto(o.DeactivatedAt),
            TwoFactorRequiredForAll = o.TwoFactorRequiredForAll,
            CreatedAt = ProtoConvert.ToProto(o.CreatedAt),
        };
        organisation.Administrators.AddRange(o.Administrators.Select(ToProto));
        return organisation;
    }

    public static V1.Person ToProto(AdminPerson p) => new()
    {
        Id = p.Id,
        OrganisationId = p.OrganisationId.ToString(),
        Email = p.Email,
        DisplayName = p.DisplayName,
        Administrator = p.Administrator,
        State = p.State switch
        {
            AdminPersonStates.Invited => V1.PersonState.Invited,
            AdminPersonStates.Active => V1.PersonState.Active,
            AdminPersonStates.Deactivated => V1.PersonState.Deactivated,
            _ => V1.PersonState.Unspecified,
        },
        InvitedAt = ProtoConvert.ToProto(p.InvitedAt),
        ActivatedAt = ProtoConvert.ToProto(p.ActivatedAt),
        TwoFactorEnabled = p.TwoFactorEnabled,
    };

    public static V1.OrganisationKind ToProto(Kind kind) => kind switch
    {
        Kind.Gemeente => V1.OrganisationKind.Gemeente,
        Kind.Wij => V1.OrganisationKind.Wij,
        Kind.Hoofdaanbieder => V1.OrganisationKind.Hoofdaanbieder,
        _ => V1.OrganisationKind.Onderaannemer,
    };

    public static Kind? ToHost(V1.OrganisationKind kind) => kind switch
    {
        V1.OrganisationKind.Gemeente => Kind.Gemeente,
        V1.OrganisationKind.Wij => Kind.Wij,
        V1.OrganisationKind.Hoofdaanbieder => Kind.Hoofdaanbieder,
        V1.OrganisationKind.Onderaannemer => Kind.Onderaannemer,
        _ => null,
    };
}
