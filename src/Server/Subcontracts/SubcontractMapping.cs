using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Subcontracts;

internal static class SubcontractMapping
{
    public static V1.Subcontract ToProto(Subcontract s, IReadOnlyDictionary<Guid, string> names)
    {
        var proto = new V1.Subcontract
        {
            Id = s.Id.ToString(),
            HoofdaanbiederId = s.HoofdaanbiederId.ToString(),
            HoofdaanbiederName = names.GetValueOrDefault(s.HoofdaanbiederId, ""),
            OnderaannemerId = s.OnderaannemerId.ToString(),
            OnderaannemerName = names.GetValueOrDefault(s.OnderaannemerId, ""),
            ValidFrom = ProtoConvert.ToProto(s.ValidFrom),
            ValidTo = ProtoConvert.ToProto(s.ValidTo),
            State = ToProto(s.State),
            ProposedAt = ProtoConvert.ToProto(s.ProposedAt),
            ProposedBy = s.ProposedBy,
            DecidedAt = ProtoConvert.ToProto(s.DecidedAt),
            DecidedBy = s.DecidedBy ?? "",
            ConsentReference = s.ConsentReference ?? "",
            RefusalReason = s.RefusalReason ?? "",
            ClosedAt = ProtoConvert.ToProto(s.ClosedAt),
            ClosedBy = s.ClosedBy ?? "",
            CloseReason = s.CloseReason ?? "",
        };
        proto.AreaIds.AddRange(s.AreaIds);
        proto.Rates.AddRange(s.Rates.Select(r => new V1.SubcontractRate
        {
            Product = ProtoConvert.ToProto(r.Product),
            Unit = ProtoConvert.ToProto(r.Unit),
            RateCents = r.RateCents,
            ValidFrom = ProtoConvert.ToProto(r.ValidFrom),
            ValidTo = ProtoConvert.ToProto(r.ValidTo),
        }));
        proto.RateChanges.AddRange(s.RateChanges.Select(ToProto));
        return proto;
    }

    private static V1.SubcontractRateChange ToProto(SubcontractRateChange c)
    {
        var proto = new V1.SubcontractRateChange
        {
            Product = ProtoConvert.ToProto(c.Product),
            Unit = ProtoConvert.ToProto(c.Unit),
            EffectiveFrom = ProtoConvert.ToProto(c.EffectiveFrom),
            NewRateCents = c.NewRateCents,
            Reason = c.Reason,
            ChangedBy = c.ChangedBy,
            ChangedByName = c.ChangedByName,
            ChangedAt = ProtoConvert.ToProto(c.ChangedAt),
        };
        if (c.OldRateCents is { } old)
        {
            proto.OldRateCents = old;
        }
        return proto;
    }

    public static V1.SubcontractState ToProto(SubcontractState state) => state switch
    {
        SubcontractState.Proposed => V1.SubcontractState.Proposed,
        SubcontractState.Consented => V1.SubcontractState.Consented,
        SubcontractState.Refused => V1.SubcontractState.Refused,
        SubcontractState.Withdrawn => V1.SubcontractState.Withdrawn,
        _ => V1.SubcontractState.Ended,
    };

    public static SubcontractState? ToDomain(V1.SubcontractState state) => state switch
    {
        V1.SubcontractState.Proposed => SubcontractState.Proposed,
        V1.SubcontractState.Consented => SubcontractState.Consented,
        V1.SubcontractState.Refused => SubcontractState.Refused,
        V1.SubcontractState.Withdrawn => SubcontractState.Withdrawn,
        V1.SubcontractState.Ended => SubcontractState.Ended,
        _ => null,
    };
}
