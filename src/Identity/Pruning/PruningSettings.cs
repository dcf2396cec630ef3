namespace GonPortal.Identity.Pruning;

/// <summary>The <c>Identity:Pruning</c> section.</summary>
public sealed class PruningSettings
{
    public const string SectionName = "Identity:Pruning";

    /// <summary>Minutes between two prunes; the first runs one interval after start-up.</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>
    /// Rows younger than this are kept even when expired or redeemed: OpenIddict needs a redeemed refresh token
    /// or code for a while to detect its replay and revoke the whole chain. OpenIddict's own default is 14 days.
    /// </summary>
    public int RetentionDays { get; set; } = 14;
}
