using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Arrangements;

/// <summary>
/// One running arrangement carried over from the previous contract (conversie), as read from the
/// gemeente's conversion file. <see cref="SourceReference"/> is the old system's reference
/// (bronkenmerk): unique per gemeente and the key that makes a re-sent line store nothing.
/// The beschikking fields are for aanvullend support only; <see cref="Today"/> is the day of the
/// conversion (Europe/Amsterdam).
/// </summary>
public sealed record ConversionInput(
    string? SourceReference,
    SupportType? SupportType,
    Product? Product,
    Unit? Unit,
    TermsInput Terms,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? BeschikkingNumber,
    DateOnly? BeschikkingDecisionDate,
    DateOnly? BeschikkingValidFrom,
    DateOnly? BeschikkingValidTo,
    DateOnly Today)
{
    public const int MaxSourceReferenceLength = 50;

    /// <summary>Whether any beschikking field is filled in.</summary>
    public bool HasBeschikkingFields => !string.IsNullOrWhiteSpace(BeschikkingNumber) || BeschikkingDecisionDate is not null
        || BeschikkingValidFrom is not null || BeschikkingValidTo is not null;
}
