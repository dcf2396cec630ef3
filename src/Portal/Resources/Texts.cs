namespace GonPortal.Portal.Resources;

/// <summary>
/// Marker for the interface texts in Texts.resx (Dutch, the default). Another language is added as
/// Texts.{culture}.resx next to it; pages read the texts through <c>IStringLocalizer&lt;Texts&gt;</c>.
/// </summary>
public sealed class Texts;
