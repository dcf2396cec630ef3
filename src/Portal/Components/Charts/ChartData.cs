namespace GonPortal.Portal.Components.Charts;

/// <summary>One group of bars: a label (e.g. a product) and one value per series, already formatted for reading.</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<decimal> Values, IReadOnlyList<string> Texts, decimal? Target = null, string? TargetText = null);
