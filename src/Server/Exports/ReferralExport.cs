using System.Runtime.CompilerServices;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Referrals;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Exports;

/// <summary>
/// Verwijzingen (WIJ referrals of a resident to the area's hoofdaanbieder) as ListReferrals shows them to the caller:
/// same filters, order, roles and tenancy (the gemeente's audited read), with the client's name as the caller may see
/// it and the arrangements each referral led to. Per chunk, as the list per page: one audit entry per client, and the
/// outcome read through <see cref="ReferralOutcomes"/> (for the gemeente an audited read of the arrangements).
/// </summary>
internal static class ReferralExport
{
    public sealed record Row(Referral Referral, string ClientName, string HoofdaanbiederName, IReadOnlyList<Guid> ArrangementIds);

    public static async Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var query = await ExportRequestMapping.ReferralsAsync(http, v, ct);
        var services = http.RequestServices;
        return new ExportSource<Row>(Columns, Rows(query, services.GetRequiredService<CrossTenantAccess>(), services.GetRequiredService<ReferralOutcomes>(),
            services.GetRequiredService<ClientAccessLog>(), ct));
    }

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Verwijzing-id", ExportKind.Text, r => r.Referral.Id.ToString()),
        new("Cliënt", ExportKind.Text, r => r.ClientName),
        new("Cliënt-id", ExportKind.Text, r => r.Referral.ClientId.ToString()),
        new("Gebied", ExportKind.Integer, r => r.Referral.AreaId),
        new("Hoofdaanbieder", ExportKind.Text, r => r.HoofdaanbiederName),
        new("WIJ-team", ExportKind.Text, r => r.Referral.WijTeam),
        new("Status", ExportKind.Text, r => StateName(r.Referral.State)),
        new("Doelen", ExportKind.Text, r => string.Join("; ", r.Referral.Goals.Select(g => g.Description))),
        new("Geïndiceerde producten", ExportKind.Text,
            r => string.Join("; ", r.Referral.IndicatedProducts.Select(p => Products.All.Single(x => x.Product == p).Name))),
        new("Eigen regie", ExportKind.Text, r => r.Referral.SelfDirected ? "ja" : "nee"),
        new("Toelichting", ExportKind.Text, r => r.Referral.Note),
        new("Verwezen op", ExportKind.DateTime, r => r.Referral.ReferredAt),
        new("Geaccepteerd op", ExportKind.DateTime, r => r.Referral.AcceptedAt),
        new("Afgesloten op", ExportKind.DateTime, r => r.Referral.ClosedAt),
        new("Reden afsluiting", ExportKind.Text, r => r.Referral.CloseReason),
        new("Arrangement-ids", ExportKind.Text, r => string.Join("; ", r.ArrangementIds)),
    ];

    private static string StateName(ReferralState state) => state switch
    {
        ReferralState.Referred => "Verwezen",
        ReferralState.Accepted => "Geaccepteerd",
        ReferralState.Returned => "Teruggestuurd",
        ReferralState.Withdrawn => "Ingetrokken",
        _ => "",
    };

    private static async IAsyncEnumerable<Row> Rows(IQueryable<Referral> query, CrossTenantAccess crossTenant, ReferralOutcomes outcomes, ClientAccessLog log,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in ExportChunks.ReadAsync(query, ct))
        {
            // recorded before the chunk leaves, like a page of the list
            await log.ReadAsync(ClientGrpcService.ReferralResource, chunk.Select(r => r.ClientId), ct);
            var view = await outcomes.ForAsync(chunk, ct);
            // the caller's own view of the clients (for the gemeente: alongside its audited read of the referrals)
            var clients = await crossTenant.ClientNamesAsync(chunk.Select(r => r.ClientId), ct);
            foreach (var referral in chunk)
            {
                yield return new Row(referral, clients.GetValueOrDefault(referral.ClientId, ""),
                    view.HoofdaanbiederNames.GetValueOrDefault(referral.HoofdaanbiederId, ""), view.ArrangementIds[referral.Id].ToList());
            }
        }
    }
}
