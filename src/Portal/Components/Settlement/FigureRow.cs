namespace GonPortal.Portal.Components.Settlement;

/// <summary>
/// One figure of a settlement result as shown: a stable key (to line up revisions), the rules' symbol, a Dutch
/// label and the Server's value, formatted. Nothing is computed here. <see cref="Cents"/> is the amount of a money
/// figure, so a download holds it as a real number beside the text shown.
/// </summary>
public sealed record FigureRow(string Key, string Symbol, string Label, string Value, long? Cents = null);
