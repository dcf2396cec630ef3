namespace GonPortal.Domain.Reporting;

/// <summary>
/// One effective-dated version of an arrangement's volume. It applies from
/// <paramref name="EffectiveFrom"/> until the day before the next version (the last one runs to the
/// arrangement's end date). Versions are never changed afterwards, so a volume change mid-month
/// splits the month instead of rewriting what was allocated before it.
/// </summary>
/// <param name="Volume">In the arrangement's unit: minutes for the hour unit, a count for dagdeel and etmaal.</param>
public sealed record VolumeVersion(DateOnly EffectiveFrom, long Volume, VolumeFrequency Frequency);
