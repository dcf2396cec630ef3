namespace GonPortal.Server.Conversion;

/// <summary>Why a line of a conversion file was refused (conversion.proto ConversionRefusal, same numbers).</summary>
public enum ConversionProblem
{
    MissingValue = 1,
    InvalidValue = 2,
    InvalidBsn = 3,
    DuplicateSourceReference = 4,
    OtherLineOfClient = 5,
    ClientDetailsDiffer = 6,
    AreaNotHeld = 7,
    BeschikkingRequired = 8,
    BeschikkingNotAllowed = 9,
    UnknownExecutor = 10,
    NoConsentedSubcontract = 11,
    ClientWithOtherHoofdaanbieder = 12,
}

/// <summary>What happened to a line (conversion.proto ConversionOutcome, same numbers).</summary>
public enum ConversionOutcome
{
    Converted = 1,
    AlreadyConverted = 2,
    Refused = 3,
}

/// <param name="Column">The header name of the column concerned; empty for the line as a whole.</param>
/// <param name="Description">Technical, for integrators; people see the problem and the column.</param>
public sealed record ConversionRefusal(ConversionProblem Problem, string Column, string Description);

public sealed record ConversionLineResult(int Line, string SourceReference, ConversionOutcome Outcome, ConversionRefusal? Refusal);

public sealed record ConversionReport(IReadOnlyList<ConversionLineResult> Lines, int ClientsCreated);
