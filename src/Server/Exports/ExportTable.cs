using GonPortal.Domain.Validation;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Hours;
using GonPortal.Server.Settlements;
using GonPortal.Server.Subcontracts;

namespace GonPortal.Server.Exports;

/// <summary>
/// One table systems can export: its path segment, file and sheet name, the list RPC it reads through (its roles and
/// filters, <see cref="ExportListRpc"/>) and how it opens. <see cref="OrderFields"/> names the list's order_by fields
/// when the list has them, for the OpenAPI document (<c>Rest/ExportDocumentFilter</c>).
/// </summary>
internal sealed record ExportTable(string Name, string FileName, string SheetName, ExportListRpc List,
    Func<HttpContext, Violations, CancellationToken, Task<IExportSource>> OpenAsync)
{
    /// <summary>Who may read the table: who may call its list RPC.</summary>
    public IReadOnlySet<string> Roles => List.Roles;

    /// <summary>The fields the list's order_by accepts; null when the list has no order_by.</summary>
    public IReadOnlyCollection<string>? OrderFields { get; init; }

    /// <summary>The tables of <c>GET /api/v1/exports/{table}</c>, by the kebab-case plural in the path.</summary>
    public static readonly IReadOnlyDictionary<string, ExportTable> All = new[]
    {
        new ExportTable("clients", "clienten", "Cliënten",
            new ExportListRpc(typeof(ClientGrpcService), nameof(ClientGrpcService.ListClients)), ClientExport.OpenAsync)
        {
            OrderFields = ClientListOrder.Clients.Names,
        },
        new ExportTable("hour-entries", "uurregels", "Uurregels",
            new ExportListRpc(typeof(HourGrpcService), nameof(HourGrpcService.ListHourEntries)), HourEntryExport.OpenAsync)
        {
            OrderFields = HourEntryListOrder.Entries.Names,
        },
        new ExportTable("subcontracts", "onderaannemingen", "Onderaannemingen",
            new ExportListRpc(typeof(SubcontractGrpcService), nameof(SubcontractGrpcService.ListSubcontracts)), SubcontractExport.OpenAsync),
        new ExportTable("arrangements", "arrangementen", "Arrangementen",
            new ExportListRpc(typeof(SupportArrangementGrpcService), nameof(SupportArrangementGrpcService.ListArrangements)), ArrangementExport.OpenAsync)
        {
            OrderFields = ArrangementListOrder.Arrangements.Names,
        },
        new ExportTable("statements", "onderaannemersoverzichten", "Overzichten",
            new ExportListRpc(typeof(SettlementGrpcService), nameof(SettlementGrpcService.ListSubcontractorStatements)), StatementExport.OpenAsync),
        new ExportTable("referrals", "verwijzingen", "Verwijzingen",
            new ExportListRpc(typeof(ClientGrpcService), nameof(ClientGrpcService.ListReferrals)), ReferralExport.OpenAsync)
        {
            OrderFields = ClientListOrder.Referrals.Names,
        },
        new ExportTable("audit-entries", "audittrail", "Audittrail",
            new ExportListRpc(typeof(AuditGrpcService), nameof(AuditGrpcService.ListAuditEntries)), AuditEntryExport.OpenAsync)
        {
            OrderFields = AuditListOrder.Entries.Names,
        },
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);
}
