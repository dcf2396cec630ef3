using GonPortal.Domain.Arrangements;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Arrangements;

/// <summary>
/// Arrangements to the wire. <paramref name="forOnderaannemer"/> leaves out what an executing
/// onderaannemer does not need: the referral link, the hoofdaanbieder's decision note, WIJ's review
/// (who and why) and who recorded a beschikking.
/// </summary>
internal static class ArrangementMapping
{
    public static V1.SupportArrangement ToProto(Arrangement a, IReadOnlyDictionary<Guid, string> names, bool forOnderaannemer)
    {
        var proto = new V1.SupportArrangement
        {
            Id = a.Id.ToString(),
            ClientId = a.ClientId.ToString(),
            AreaId = a.AreaId,
            HoofdaanbiederId = a.TenantId.ToString(),
            HoofdaanbiederName = names.GetValueOrDefault(a.TenantId, ""),
            EntryChannel = AccessProcessSupport.ToProto<V1.EntryChannel>(a.EntryChannel),
            ReferralId = forOnderaannemer ? "" : a.ReferralId?.ToString() ?? "",
            State = AccessProcessSupport.ToProto<V1.ArrangementState>(a.State),
            SupportType = AccessProcessSupport.ToProto<V1.SupportType>(a.SupportType),
            Product = a.Product is { } p ? ProtoConvert.ToProto(p) : V1.Product.Unspecified,
            Unit = a.Unit is { } u ? ProtoConvert.ToProto(u) : V1.Unit.Unspecified,
            StartDate = ProtoConvert.ToProto(a.StartDate),
            EndDate = ProtoConvert.ToProto(a.EndDate),
            DecisionNote = forOnderaannemer ? "" : a.DecisionNote ?? "",
            DecidedAt = ProtoConvert.ToProto(a.DecidedAt),
            DecidedBy = a.DecidedBy ?? "",
            WijReviewedAt = forOnderaannemer ? null : ProtoConvert.ToProto(a.WijReviewedAt),
            WijReviewedBy = forOnderaannemer ? "" : a.WijReviewedBy ?? "",
            WijReviewNote = forOnderaannemer ? "" : a.WijReviewNote ?? "",
            EndReason = AccessProcessSupport.ToProto<V1.ArrangementEndReason>(a.EndReason),
            EndNote = a.EndNote ?? "",
            CreatedAt = ProtoConvert.ToProto(a.CreatedAt),
            CreatedBy = a.CreatedBy,
            UpdatedAt = ProtoConvert.ToProto(a.UpdatedAt),
        };
        proto.Versions.AddRange(a.OrderedVersions.Select(v => ToProto(a, v, names)));
        proto.Beschikkingen.AddRange(a.Beschikkingen.OrderBy(b => b.RecordedAt).ThenBy(b => b.ValidFrom).Select(b => ToProto(b, forOnderaannemer)));
        return proto;
    }

    public static V1.ArrangementVersion ToProto(Arrangement a, ArrangementVersion v, IReadOnlyDictionary<Guid, string> names) => new()
    {
        Version = v.Number,
        EffectiveFrom = ProtoConvert.ToProto(v.EffectiveFrom),
        EffectiveTo = ProtoConvert.ToProto(a.EffectiveTo(v)),
        Terms = new V1.ArrangementTerms
        {
            Volume = v.Volume,
            Frequency = AccessProcessSupport.ToProto<V1.VolumeFrequency>(v.Frequency),
            ExecutorKind = AccessProcessSupport.ToProto<V1.ExecutorKind>(v.ExecutorKind),
            SubcontractId = v.SubcontractId?.ToString() ?? "",
            ExecutorProviderId = v.ExecutorProviderId.ToString(),
            ExecutorProviderName = names.GetValueOrDefault(v.ExecutorProviderId, ""),
            ViaInitiative = v.ViaInitiative,
            InitiativeName = v.InitiativeName ?? "",
        },
        Note = v.Note ?? "",
        CreatedAt = ProtoConvert.ToProto(v.CreatedAt),
        CreatedBy = v.CreatedBy,
    };

    public static V1.Beschikking ToProto(Beschikking b, bool forOnderaannemer) => new()
    {
        BeschikkingNumber = b.Number,
        DecisionDate = ProtoConvert.ToProto(b.DecisionDate),
        ValidFrom = ProtoConvert.ToProto(b.ValidFrom),
        ValidTo = ProtoConvert.ToProto(b.ValidTo),
        RecordedAt = ProtoConvert.ToProto(b.RecordedAt),
        RecordedBy = forOnderaannemer ? "" : b.RecordedBy,
    };

    public static V1.ArrangementTransition ToProto(ArrangementTransition t, Arrangement a, IReadOnlyDictionary<Guid, string> names, bool forOnderaannemer)
    {
        var hideReason = forOnderaannemer && t.Action is ArrangementAction.WijApprove or ArrangementAction.WijReject;
        var proto = new V1.ArrangementTransition
        {
            Sequence = t.Sequence,
            Action = AccessProcessSupport.ToProto<V1.ArrangementAction>(t.Action),
            FromState = AccessProcessSupport.ToProto<V1.ArrangementState>(t.FromState),
            ToState = AccessProcessSupport.ToProto<V1.ArrangementState>(t.ToState),
            OccurredAt = ProtoConvert.ToProto(t.OccurredAt),
            ActorSubject = t.ActorSubject,
            ActorName = t.ActorName ?? "",
            ActorOrganisationId = t.ActorOrganisationId.ToString(),
            ActorRole = ProtoConvert.ToProtoRole(AccessProcessSupport.RoleName(t.ActorRole)),
            Reason = hideReason ? "" : t.Reason ?? "",
            Date = ProtoConvert.ToProto(t.Date),
            EndReason = AccessProcessSupport.ToProto<V1.ArrangementEndReason>(t.EndReason),
        };
        if (t.Decision is { } d)
        {
            proto.Decision = new V1.ArrangementDecision
            {
                SupportType = AccessProcessSupport.ToProto<V1.SupportType>(d.SupportType),
                Product = ProtoConvert.ToProto(d.Product),
                Unit = ProtoConvert.ToProto(d.Unit),
                Terms = new V1.ArrangementTerms
                {
                    Volume = d.Volume,
                    Frequency = AccessProcessSupport.ToProto<V1.VolumeFrequency>(d.Frequency),
                    ExecutorKind = AccessProcessSupport.ToProto<V1.ExecutorKind>(d.ExecutorKind),
                    SubcontractId = d.SubcontractId?.ToString() ?? "",
                    ExecutorProviderId = d.ExecutorProviderId.ToString(),
                    ExecutorProviderName = names.GetValueOrDefault(d.ExecutorProviderId, ""),
                    ViaInitiative = d.ViaInitiative,
                    InitiativeName = d.InitiativeName ?? "",
                },
                StartDate = ProtoConvert.ToProto(d.StartDate),
                EndDate = ProtoConvert.ToProto(d.EndDate),
                Note = forOnderaannemer ? "" : d.Note ?? "",
            };
        }
        if (t.VersionNumber is { } number && a.Versions.FirstOrDefault(v => v.Number == number) is { } version)
        {
            proto.Version = ToProto(a, version, names);
        }
        if (t.BeschikkingNumber is { } bn && a.Beschikkingen.FirstOrDefault(b => b.Number == bn) is { } beschikking)
        {
            proto.Beschikking = ToProto(beschikking, forOnderaannemer);
        }
        return proto;
    }

    /// <summary>Every provider id a set of arrangements (and their transitions) names, for one name look-up.</summary>
    public static IEnumerable<Guid> ProviderIds(IEnumerable<Arrangement> arrangements) =>
        arrangements.SelectMany(a => a.Versions.Select(v => v.ExecutorProviderId).Append(a.TenantId));
}
