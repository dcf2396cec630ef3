using GonPortal.Domain.Validation;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Hours;
using GonPortal.Server.Settlements;
using GonPortal.Server.Subcontracts;

namespace GonPortal.Server.Exports;

/// <summary>One table systems can export: its path segment, file and sheet name, who may read it and how it opens.</summary>
internal sealed record ExportTable(string Name, string FileName, string SheetName, IReadOnlySet<string> Roles,
    Func<HttpContext, Violations, CancellationToken, Task<IExportSource>> OpenAsync)
{
    /// <summary>The tables of <c>GET /api/v1/exports/{table}</c>, by the kebab-case plural in the path.</summary>
    public static readonly IReadOnlyDictionary<string, ExportTable> All = new[]
    {
        new ExportTable("clients", "clienten", "Cliënten",
            ExportRoles.Of(typeof(ClientGrpcService), nameof(ClientGrpcService.ListClients)), ClientExport.OpenAsync),
        new ExportTable("hour-entries", "uurregels", "Uurregels",
            ExportRoles.Of(typeof(HourGrpcService), nameof(HourGrpcService.ListHourEntries)), HourEntryExport.OpenAsync),
        new ExportTable("subcontracts", "onderaannemingen", "Onderaannemingen",
            ExportRoles.Of(typeof(SubcontractGrpcService), nameof(SubcontractGrpcService.ListSubcontracts)), SubcontractExport.OpenAsync),
        new ExportTable("arrangements", "arrangementen", "Arrangementen",
            ExportRoles.Of(typeof(SupportArrangementGrpcService), nameof(SupportArrangementGrpcService.ListArrangements)), ArrangementExport.OpenAsync),
        new ExportTable("statements", "onderaannemersoverzichten", "Overzichten",
            ExportRoles.Of(typeof(SettlementGrpcService), nameof(SettlementGrpcService.ListSubcontractorStatements)), StatementExport.OpenAsync),
        new ExportTable("referrals", "verwijzingen", "Verwijzingen",
            ExportRoles.Of(typeof(ClientGrpcService), nameof(ClientGrpcService.ListReferrals)), ReferralExport.OpenAsync),
        new ExportTable("audit-entries", "audittrail", "Audittrail",
            ExportRoles.Of(typeof(AuditGrpcService), nameof(AuditGrpcService.ListAuditEntries)), AuditEntryExport.OpenAsync),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);
}
