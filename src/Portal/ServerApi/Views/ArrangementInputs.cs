using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>The terms of an arrangement as typed (volume as text, in hours for the unit hour).</summary>
public sealed class TermsInput
{
    public string Volume { get; set; } = string.Empty;

    /// <summary>The person confirmed a volume beyond the plausible one ("Ja, dit klopt").</summary>
    public bool VolumeConfirmed { get; set; }
    public VolumeFrequency Frequency { get; set; } = VolumeFrequency.PerWeek;
    public ExecutorKind ExecutorKind { get; set; } = ExecutorKind.Hoofdaanbieder;
    public string SubcontractId { get; set; } = string.Empty;
    public bool ViaInitiative { get; set; }
    public string InitiativeName { get; set; } = string.Empty;

    /// <summary>The proto terms with the volume already converted (minutes for hours).</summary>
    public ArrangementTerms ToProto(int volume) => new()
    {
        Volume = volume,
        Frequency = Frequency,
        ExecutorKind = ExecutorKind,
        SubcontractId = ExecutorKind == ExecutorKind.Onderaannemer ? SubcontractId : string.Empty,
        ViaInitiative = ViaInitiative,
        InitiativeName = ViaInitiative ? InitiativeName.Trim() : string.Empty,
    };
}

/// <summary>A new arrangement as typed: how the client came in, and the decision.</summary>
public sealed class NewArrangementInput
{
    /// <summary>Fixed per filled-in form: a retry after a failed decision finds the arrangement already made.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString();
    public EntryChannel EntryChannel { get; set; } = EntryChannel.WijReferral;
    public string ReferralId { get; set; } = string.Empty;
    public SupportType SupportType { get; set; } = SupportType.Basis;
    public Product Product { get; set; } = Product.Begeleiding;
    public Unit Unit { get; set; } = Unit.Hour;
    public TermsInput Terms { get; set; } = new();
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Note { get; set; } = string.Empty;
}

/// <summary>An accepted referral of a client, to choose from when making an arrangement.</summary>
public sealed record ReferralChoice(string Id, string WijTeam, DateTimeOffset? ReferredAt, IReadOnlyList<string> Goals);
