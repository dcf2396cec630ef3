using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Subcontracts;

namespace GonPortal.Domain.Arrangements;

/// <summary>
/// Terms as sent by the hoofdaanbieder. <paramref name="Subcontract"/> is the subcontract named by
/// <paramref name="SubcontractId"/> when it is one of the hoofdaanbieder's own, else null.
/// </summary>
public sealed record TermsInput(
    int Volume,
    VolumeFrequency? Frequency,
    ExecutorKind? ExecutorKind,
    Guid? SubcontractId,
    Subcontract? Subcontract,
    bool ViaInitiative,
    string? InitiativeName);

/// <summary>A decision as sent to DecideArrangement.</summary>
public sealed record DecisionInput(
    SupportType? SupportType,
    Product? Product,
    Unit? Unit,
    TermsInput Terms,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Note);

/// <summary>Checked terms, ready to become a version.</summary>
public sealed record ValidTerms(
    int Volume,
    VolumeFrequency Frequency,
    ExecutorKind ExecutorKind,
    Guid? SubcontractId,
    Guid ExecutorProviderId,
    bool ViaInitiative,
    string? InitiativeName);

/// <summary>The decision as made, kept in the transition history even when a later decision replaces it.</summary>
public sealed class DecisionSnapshot
{
    private DecisionSnapshot() { }

    public SupportType SupportType { get; private set; }
    public Product Product { get; private set; }
    public Unit Unit { get; private set; }
    public int Volume { get; private set; }
    public VolumeFrequency Frequency { get; private set; }
    public ExecutorKind ExecutorKind { get; private set; }
    public Guid? SubcontractId { get; private set; }
    public Guid ExecutorProviderId { get; private set; }
    public bool ViaInitiative { get; private set; }
    public string? InitiativeName { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public string? Note { get; private set; }

    internal static DecisionSnapshot Of(SupportType type, Product product, Unit unit, ValidTerms t, DateOnly start, DateOnly? end, string? note) => new()
    {
        SupportType = type,
        Product = product,
        Unit = unit,
        Volume = t.Volume,
        Frequency = t.Frequency,
        ExecutorKind = t.ExecutorKind,
        SubcontractId = t.SubcontractId,
        ExecutorProviderId = t.ExecutorProviderId,
        ViaInitiative = t.ViaInitiative,
        InitiativeName = t.InitiativeName,
        StartDate = start,
        EndDate = end,
        Note = note,
    };
}
