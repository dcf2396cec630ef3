using System.Runtime.CompilerServices;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.HostContracts;
using GonPortal.Server.Audit;

namespace GonPortal.Server.Exports;

/// <summary>
/// The audit trail (NEN 7513) as ListAuditEntries gives it to the gemeente: the same filter, order and role. The trail
/// has no tenant filter (only the gemeente may list it), so, like the list, the export takes no cross-tenant read and
/// records none. An entry names a client by its id only, never a BSN. The method and resource are the codes the
/// Server records (a system reads them; the portal's audit page puts them into words).
/// </summary>
internal static class AuditEntryExport
{
    public static Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var query = ExportRequestMapping.AuditEntries(http, v);
        return Task.FromResult<IExportSource>(new ExportSource<AuditEntry>(Columns, Rows(query, ct)));
    }

    private static readonly IReadOnlyList<ExportColumn<AuditEntry>> Columns =
    [
        new("Auditregel-id", ExportKind.Text, e => e.Id.ToString()),
        new("Moment", ExportKind.DateTime, e => e.OccurredAt),
        new("Wie", ExportKind.Text, e => string.IsNullOrEmpty(e.ActorName) ? e.ActorSubject : e.ActorName),
        new("Gebruiker-id", ExportKind.Text, e => e.ActorSubject),
        new("Organisatie", ExportKind.Text, e => e.ActorOrganisationName),
        new("Organisatie-id", ExportKind.Text, e => e.ActorTenantId.ToString()),
        new("Rol", ExportKind.Text, e => RoleName(e.ActorRole)),
        new("Toegang", ExportKind.Text, e => AccessName(e.Access)),
        new("Handeling", ExportKind.Text, e => e.Method),
        new("Gegevens", ExportKind.Text, e => e.Resource),
        new("Doel", ExportKind.Text, e => e.Purpose),
        new("Cliënt-id", ExportKind.Text, e => e.ClientId?.ToString()),
    ];

    private static async IAsyncEnumerable<AuditEntry> Rows(IQueryable<AuditEntry> query, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in ExportChunks.ReadAsync(query, ct))
        {
            foreach (var entry in chunk)
            {
                yield return entry;
            }
        }
    }

    private static string RoleName(string role) => role switch
    {
        GonRoles.Hoofdaanbieder => "Hoofdaanbieder",
        GonRoles.Onderaannemer => "Onderaannemer",
        GonRoles.Gemeente => "Gemeente",
        GonRoles.Wij => "WIJ",
        _ => "",
    };

    private static string AccessName(string access) => access switch
    {
        ClientAccessLog.Read => "Inzien",
        ClientAccessLog.Write => "Wijzigen",
        "admin" => "Beheer",
        _ => access,
    };
}
