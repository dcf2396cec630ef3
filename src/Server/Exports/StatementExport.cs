using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;
using GonPortal.Exports;

namespace GonPortal.Server.Exports;

/// <summary>
/// Onderaannemersoverzichten (subcontractor statements: what a hoofdaanbieder owes an onderaannemer for a month) as
/// ListSubcontractorStatements gives them to the caller, one row per statement line with the statement's identity
/// (subcontract, payer, onderaannemer, year, month, revision, rules version) on every row. Lines are grouped figures
/// (area, product, unit, rate), not clients, so nothing here is client data; the gemeente's cross-tenant read is
/// audited by the same query as the list's. A year holds at most twelve statements per subcontract, so the list (and
/// this export) orders them in memory by the providers' names.
/// </summary>
internal static class StatementExport
{
    public sealed record Head(string Id, string SubcontractId, string HoofdaanbiederName, string OnderaannemerName, int Year, int Month,
        int Revision, string RulesVersion, DateTimeOffset? ComputedAt, long TotalCents);

    public sealed record Figures(int AreaId, Product? Product, Unit? Unit, long RateCents, long Quantity, long AmountCents, int EntryCount);

    /// <summary>One row of the file; <see cref="Figures"/> null for a statement without lines.</summary>
    public sealed record Line(Head Statement, Figures? Figures);

    public static async Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var lines = await ExportRequestMapping.StatementLinesAsync(http, v, ct);
        return new ExportSource<Line>(Columns, lines.ToAsyncEnumerable());
    }

    private static readonly IReadOnlyList<ExportColumn<Line>> Columns =
    [
        new("Overzicht-id", ExportKind.Text, r => r.Statement.Id),
        new("Onderaanneming-id", ExportKind.Text, r => r.Statement.SubcontractId),
        new("Hoofdaanbieder (betaler)", ExportKind.Text, r => r.Statement.HoofdaanbiederName),
        new("Onderaannemer", ExportKind.Text, r => r.Statement.OnderaannemerName),
        new("Jaar", ExportKind.Integer, r => r.Statement.Year),
        new("Maand", ExportKind.Integer, r => r.Statement.Month),
        new("Revisie", ExportKind.Integer, r => r.Statement.Revision),
        new("Regelsversie", ExportKind.Text, r => r.Statement.RulesVersion),
        new("Berekend op", ExportKind.DateTime, r => r.Statement.ComputedAt),
        new("Totaal overzicht", ExportKind.Money, r => r.Statement.TotalCents),
        new("Gebied", ExportKind.Integer, r => r.Figures?.AreaId),
        new("Product", ExportKind.Text, r => r.Figures?.Product is { } p ? Products.All.Single(x => x.Product == p).Name : null),
        new("Eenheid", ExportKind.Text, r => r.Figures?.Unit is { } u ? Products.Units.Single(x => x.Unit == u).Name : null),
        new("Tarief", ExportKind.Money, r => r.Figures?.RateCents),
        // hours as hours (stored in minutes, signed when reversals dominate); dagdelen and etmalen a count
        new("Uren", ExportKind.Hours, r => r.Figures is { Unit: Unit.Hour } f ? checked((int)f.Quantity) : null),
        new("Aantal", ExportKind.Integer, r => r.Figures is { } f && f.Unit != Unit.Hour ? f.Quantity : null),
        new("Bedrag", ExportKind.Money, r => r.Figures?.AmountCents),
        new("Aantal uurregels", ExportKind.Integer, r => r.Figures?.EntryCount),
    ];
}
