namespace GonPortal.Portal.ServerApi;

/// <summary>What happened to one line of a conversion file.</summary>
public enum ConversionLineOutcome
{
    Converted,
    AlreadyConverted,
    Refused,
}

/// <param name="ReasonKey">Texts key of the refusal (Conversie.Reden.*); null unless refused.</param>
/// <param name="Column">The file's column the refusal concerns; empty for the line as a whole.</param>
public sealed record ConversionLineView(int Line, string SourceReference, ConversionLineOutcome Outcome, string? ReasonKey, string Column);

public sealed record ConversionReportView(IReadOnlyList<ConversionLineView> Lines, int Converted, int AlreadyConverted, int Refused, int ClientsCreated);
