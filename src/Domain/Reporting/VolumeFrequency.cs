namespace GonPortal.Domain.Reporting;

/// <summary>
/// How often an arrangement version's volume applies (common.proto VolumeFrequency, same values). The
/// arrangement versions store it; reporting and settlement turn it into a rate per day (<see cref="AllocatedVolume"/>).
/// </summary>
public enum VolumeFrequency
{
    /// <summary>Per calendar week: v / 7 per day.</summary>
    PerWeek = 1,

    /// <summary>Per calendar month: v * 12 / 365 per day, also in a leap year (a month is 1/12 of a 365-day year).</summary>
    PerMonth = 2,

    /// <summary>For the whole arrangement from start to end date (both counted): v / days per day; needs an end date.</summary>
    Total = 3,
}
