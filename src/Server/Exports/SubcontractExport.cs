using System.Runtime.CompilerServices;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Subcontracts;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.Server.Data;

namespace GonPortal.Server.Exports;

/// <summary>
/// Onderaannemingen (subcontracts) as ListSubcontracts shows them to the caller, one row per agreed rate (a
/// subcontract without rates: one row with the rate cells empty), so a system or a controller sees every rate with
/// the period it holds for. No client data, so no client audit; the gemeente's cross-tenant read is audited once.
/// </summary>
internal static class SubcontractExport
{
    public sealed record Row(Subcontract Subcontract, SubcontractRate? Rate, string HoofdaanbiederName, string OnderaannemerName);

    public static async Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var query = await ExportRequestMapping.SubcontractsAsync(http, v, ct);
        return new ExportSource<Row>(Columns, Rows(query, http.RequestServices.GetRequiredService<GonDbContext>(), ct));
    }

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Onderaanneming-id", ExportKind.Text, r => r.Subcontract.Id.ToString()),
        new("Hoofdaanbieder", ExportKind.Text, r => r.HoofdaanbiederName),
        new("Onderaannemer", ExportKind.Text, r => r.OnderaannemerName),
        new("Status", ExportKind.Text, r => StateName(r.Subcontract.State)),
        new("Gebieden", ExportKind.Text, r => string.Join(", ", r.Subcontract.AreaIds.Order())),
        new("Geldig van", ExportKind.Date, r => r.Subcontract.ValidFrom),
        new("Geldig tot en met", ExportKind.Date, r => r.Subcontract.ValidTo),
        new("Voorgesteld op", ExportKind.DateTime, r => r.Subcontract.ProposedAt),
        new("Besloten op", ExportKind.DateTime, r => r.Subcontract.DecidedAt),
        new("Product", ExportKind.Text, r => r.Rate is null ? null : Products.All.Single(p => p.Product == r.Rate.Product).Name),
        new("Eenheid", ExportKind.Text, r => r.Rate is null ? null : Products.Units.Single(u => u.Unit == r.Rate.Unit).Name),
        new("Tarief", ExportKind.Money, r => r.Rate?.RateCents),
        new("Tarief geldig van", ExportKind.Date, r => r.Rate?.ValidFrom),
        new("Tarief geldig tot en met", ExportKind.Date, r => r.Rate?.ValidTo),
    ];

    private static string StateName(SubcontractState state) => state switch
    {
        SubcontractState.Proposed => "Voorgesteld",
        SubcontractState.Consented => "Toestemming gegeven",
        SubcontractState.Refused => "Geweigerd",
        SubcontractState.Withdrawn => "Ingetrokken",
        SubcontractState.Ended => "Beëindigd",
        _ => "",
    };

    private static async IAsyncEnumerable<Row> Rows(IQueryable<Subcontract> query, GonDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in ExportChunks.ReadAsync(query, ct))
        {
            var names = await db.ProviderNamesAsync(chunk.SelectMany(s => new[] { s.TenantId, s.OnderaannemerId }), ct);
            foreach (var subcontract in chunk)
            {
                var ha = names.GetValueOrDefault(subcontract.TenantId, "");
                var oa = names.GetValueOrDefault(subcontract.OnderaannemerId, "");
                if (subcontract.Rates.Count == 0)
                {
                    yield return new Row(subcontract, null, ha, oa);
                }
                foreach (var rate in subcontract.Rates.OrderBy(r => r.Product).ThenBy(r => r.Unit).ThenBy(r => r.ValidFrom))
                {
                    yield return new Row(subcontract, rate, ha, oa);
                }
            }
        }
    }
}
