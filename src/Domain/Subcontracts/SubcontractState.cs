namespace GonPortal.Domain.Subcontracts;

/// <summary>Lifecycle of a subcontract; only Consented is in effect.</summary>
public enum SubcontractState
{
    Proposed = 1,
    Consented = 2,
    Refused = 3,
    Withdrawn = 4,
    Ended = 5,
}
