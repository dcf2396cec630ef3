namespace GonPortal.Portal.Documents;

/// <summary>A table column of a PDF document: its header, its share of the page width and whether it holds figures (right-aligned).</summary>
public sealed record PdfColumn(string Header, double Share, bool Figures = false);
