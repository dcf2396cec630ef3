namespace GonPortal.Portal.Components.Settlement;

/// <summary>
/// One figure of a settlement result as shown: a stable key (to line up revisions), the rules' symbol, a Dutch
/// label and the Server's value, formatted. Nothing is computed here.
/// </summary>
public sealed record FigureRow(string Key, string Symbol, string Label, string Value);
