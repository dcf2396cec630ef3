namespace GonPortal.Domain.Reporting;

/// <summary>Outcome of comparing a share with its target (common.proto TargetStatus).</summary>
public enum TargetStatus
{
    /// <summary>The exact share is at least the target (equal counts as met).</summary>
    Met = 1,

    /// <summary>The exact share is below the target.</summary>
    Missed = 2,

    /// <summary>The denominator is 0: there is no share to assess, and no sanction.</summary>
    NotAssessed = 3,
}
