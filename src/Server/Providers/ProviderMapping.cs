using GonPortal.Domain.Providers;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Providers;

internal static class ProviderMapping
{
    public static V1.Provider ToProto(Provider p) => new()
    {
        Id = p.Id.ToString(),
        Name = p.Name,
        Kind = ToProto(p.Kind),
        KvkNumber = p.KvkNumber,
        AgbCode = p.AgbCode ?? "",
        CreatedAt = ProtoConvert.ToProto(p.CreatedAt),
    };

    public static V1.OrganisationKind ToProto(ProviderKind kind) =>
        kind == ProviderKind.Hoofdaanbieder ? V1.OrganisationKind.Hoofdaanbieder : V1.OrganisationKind.Onderaannemer;

    public static ProviderKind? ToDomain(V1.OrganisationKind kind) => kind switch
    {
        V1.OrganisationKind.Hoofdaanbieder => ProviderKind.Hoofdaanbieder,
        V1.OrganisationKind.Onderaannemer => ProviderKind.Onderaannemer,
        _ => null,
    };

    public static V1.AreaContract ToProto(AreaContract c, string hoofdaanbiederName) => new()
    {
        Id = c.Id.ToString(),
        AreaId = c.AreaId,
        HoofdaanbiederId = c.HoofdaanbiederId.ToString(),
        HoofdaanbiederName = hoofdaanbiederName,
        PeriodStart = ProtoConvert.ToProto(c.PeriodStart),
        PeriodEnd = ProtoConvert.ToProto(c.PeriodEnd),
        CreatedAt = ProtoConvert.ToProto(c.CreatedAt),
    };
}
