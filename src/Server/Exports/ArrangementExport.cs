using System.Runtime.CompilerServices;
using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;

namespace GonPortal.Server.Exports;

/// <summary>
/// Ondersteuningsarrangementen (support arrangements) as ListArrangements shows them to the caller: same filters, order
/// and roles, the terms of the latest version (volume, executor), and one audit entry per client as each chunk is sent,
/// as the list writes per page. An executing onderaannemer gets no decision note, as ArrangementMapping leaves it out.
/// </summary>
internal static class ArrangementExport
{
    public sealed record Row(Arrangement Arrangement, ArrangementVersion? Latest, string HoofdaanbiederName, string ExecutorName);

    public static async Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var (query, forOnderaannemer) = await ExportRequestMapping.ArrangementsAsync(http, v, ct);
        var services = http.RequestServices;
        return new ExportSource<Row>(Columns(forOnderaannemer),
            Rows(query, services.GetRequiredService<GonDbContext>(), services.GetRequiredService<ClientAccessLog>(), ct));
    }

    /// <summary>The audit trail's resource for arrangements (SupportArrangementGrpcService writes the same).</summary>
    public const string Resource = "Arrangement";

    private static IReadOnlyList<ExportColumn<Row>> Columns(bool forOnderaannemer)
    {
        List<ExportColumn<Row>> columns =
        [
            new("Arrangement-id", ExportKind.Text, r => r.Arrangement.Id.ToString()),
            new("Hoofdaanbieder", ExportKind.Text, r => r.HoofdaanbiederName),
            new("Cliënt-id", ExportKind.Text, r => r.Arrangement.ClientId.ToString()),
            new("Gebied", ExportKind.Integer, r => r.Arrangement.AreaId),
            new("Status", ExportKind.Text, r => StateName(r.Arrangement.State)),
            new("Soort ondersteuning", ExportKind.Text, r => r.Arrangement.SupportType switch
            {
                SupportType.Basis => "Basis",
                SupportType.Aanvullend => "Aanvullend",
                _ => "",
            }),
            new("Product", ExportKind.Text, r => r.Arrangement.Product is { } p ? Products.All.Single(x => x.Product == p).Name : null),
            new("Eenheid", ExportKind.Text, r => r.Arrangement.Unit is { } u ? Products.Units.Single(x => x.Unit == u).Name : null),
            new("Startdatum", ExportKind.Date, r => r.Arrangement.StartDate),
            new("Einddatum", ExportKind.Date, r => r.Arrangement.EndDate),
            new("Versie", ExportKind.Integer, r => r.Latest?.Number),
            new("Volume", ExportKind.Integer, r => r.Latest?.Volume),
            new("Frequentie", ExportKind.Text, r => r.Latest?.Frequency switch
            {
                VolumeFrequency.PerWeek => "per week",
                VolumeFrequency.PerMonth => "per maand",
                VolumeFrequency.Total => "in totaal",
                _ => null,
            }),
            new("Uitvoerder", ExportKind.Text, r => r.ExecutorName),
            new("Onderaanneming-id", ExportKind.Text, r => r.Latest?.SubcontractId?.ToString()),
            new("Besloten op", ExportKind.DateTime, r => r.Arrangement.DecidedAt),
        ];
        if (!forOnderaannemer)
        {
            columns.Add(new("Toelichting besluit", ExportKind.Text, r => r.Arrangement.DecisionNote));
        }
        columns.Add(new("Aangemaakt op", ExportKind.DateTime, r => r.Arrangement.CreatedAt));
        columns.Add(new("Bijgewerkt op", ExportKind.DateTime, r => r.Arrangement.UpdatedAt));
        return columns;
    }

    private static string StateName(ArrangementState state) => state switch
    {
        ArrangementState.Requested => "Aangevraagd",
        ArrangementState.Decided => "Besloten",
        ArrangementState.AwaitingWijApproval => "Wacht op WIJ",
        ArrangementState.RejectedByWij => "Afgewezen door WIJ",
        ArrangementState.AdvisedToGemeente => "Advies aan gemeente",
        ArrangementState.DecisionIssued => "Beschikking afgegeven",
        ArrangementState.Active => "Lopend",
        ArrangementState.Ended => "Beëindigd",
        ArrangementState.Cancelled => "Geannuleerd",
        _ => "",
    };

    private static async IAsyncEnumerable<Row> Rows(IQueryable<Arrangement> query, GonDbContext db, ClientAccessLog log,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        await foreach (var chunk in ExportChunks.ReadAsync(query, ct))
        {
            var latest = chunk.ToDictionary(a => a.Id, a => a.OrderedVersions.LastOrDefault());
            var missing = chunk.Select(a => a.TenantId).Concat(latest.Values.Where(x => x is not null).Select(x => x!.ExecutorProviderId))
                .Where(id => !names.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var (id, name) in await db.ProviderNamesAsync(missing, ct))
                {
                    names[id] = name;
                }
            }
            // recorded before the chunk leaves, like a page of the list
            await log.ReadAsync(Resource, chunk.Select(a => a.ClientId), ct);
            foreach (var arrangement in chunk)
            {
                var version = latest[arrangement.Id];
                yield return new Row(arrangement, version, names.GetValueOrDefault(arrangement.TenantId, ""),
                    version is null ? "" : names.GetValueOrDefault(version.ExecutorProviderId, ""));
            }
        }
    }
}
