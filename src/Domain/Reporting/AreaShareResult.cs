namespace GonPortal.Domain.Reporting;

/// <summary>The basis share and initiative share of one area on one measurement date.</summary>
public sealed record AreaShareResult(int AreaId, DateOnly Date, TargetAssessment BasisShare, TargetAssessment InitiativeShare)
{
    /// <summary>True on 31 December, the moment the yearly reconciliation assesses the targets.</summary>
    public bool IsYearEnd => Date.Month == 12 && Date.Day == 31;
}
