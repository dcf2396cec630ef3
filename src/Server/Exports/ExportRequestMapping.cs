using System.Globalization;
using GonPortal.Contracts.V1;
using GonPortal.Domain.Validation;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Grpc;
using GonPortal.Server.Settlements;
using GonPortal.Server.Hours;
using GonPortal.Server.Paging;
using GonPortal.Server.Subcontracts;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using DomainAuditEntry = GonPortal.Server.Audit.AuditEntry;
using DomainArrangement = GonPortal.Domain.Arrangements.Arrangement;
using DomainClient = GonPortal.Domain.Clients.Client;
using DomainReferral = GonPortal.Domain.Referrals.Referral;
using DomainEntry = GonPortal.Domain.Hours.HourEntry;
using DomainSubcontract = GonPortal.Domain.Subcontracts.Subcontract;

namespace GonPortal.Server.Exports;

/// <summary>
/// A table export's query string read as the filters of the table's list RPC (the same request message, so the same
/// names: <c>area_id</c> or <c>areaId</c>, enum values by name, dates as <c>2027-03-31</c>), then handed to that RPC's
/// own validation and query builder (<c>ListQueryAsync</c> on the gRPC service). Paging fields are not filters: an
/// export is the whole filtered set.
/// </summary>
internal static class ExportRequestMapping
{
    /// <summary>Query parameters of the endpoint itself, not of the list.</summary>
    public static readonly IReadOnlySet<string> EndpointParameters = new HashSet<string>(StringComparer.Ordinal) { "format" };

    private static readonly IReadOnlySet<string> NotFilters = new HashSet<string>(StringComparer.Ordinal) { "page_size", "page_token", "include_total_count" };

    public static async Task<(IQueryable<DomainClient> Query, bool ShowBsn)> ClientsAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var request = FromQuery<ListClientsRequest>(http.Request.Query, v);
        var order = OrderBy.Parse(v, request.OrderBy, ClientListOrder.Clients.Names);
        var service = ActivatorUtilities.CreateInstance<ClientGrpcService>(http.RequestServices);
        return (await service.ListQueryAsync(v, request, order, ct), service.ShowBsn);
    }

    public static async Task<IQueryable<DomainEntry>> HourEntriesAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var request = FromQuery<ListHourEntriesRequest>(http.Request.Query, v);
        var order = OrderBy.Parse(v, request.OrderBy, HourEntryListOrder.Entries.Names);
        var service = ActivatorUtilities.CreateInstance<HourGrpcService>(http.RequestServices);
        return await service.ListQueryAsync(v, request, order, ct);
    }

    public static async Task<IQueryable<DomainSubcontract>> SubcontractsAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var request = FromQuery<ListSubcontractsRequest>(http.Request.Query, v);
        var service = ActivatorUtilities.CreateInstance<SubcontractGrpcService>(http.RequestServices);
        return await service.ListQueryAsync(v, request, ct);
    }

    public static async Task<(IQueryable<DomainArrangement> Query, bool ForOnderaannemer)> ArrangementsAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var request = FromQuery<ListArrangementsRequest>(http.Request.Query, v);
        var order = OrderBy.Parse(v, request.OrderBy, ArrangementListOrder.Arrangements.Names);
        var service = ActivatorUtilities.CreateInstance<SupportArrangementGrpcService>(http.RequestServices);
        return (await service.ListQueryAsync(v, request, order, ct), service.ForOnderaannemerView);
    }

    public static async Task<IQueryable<DomainReferral>> ReferralsAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var request = FromQuery<ListReferralsRequest>(http.Request.Query, v);
        var order = OrderBy.Parse(v, request.OrderBy, ClientListOrder.Referrals.Names);
        var service = ActivatorUtilities.CreateInstance<ClientGrpcService>(http.RequestServices);
        return await service.ListQueryAsync(v, request, order, ct);
    }

    public static IQueryable<DomainAuditEntry> AuditEntries(HttpContext http, Violations v)
    {
        var request = FromQuery<ListAuditEntriesRequest>(http.Request.Query, v);
        var order = OrderBy.Parse(v, request.OrderBy, AuditListOrder.Entries.Names);
        var service = ActivatorUtilities.CreateInstance<AuditGrpcService>(http.RequestServices);
        return service.ListQuery(v, request, order);
    }

    /// <summary>
    /// The current statements as ListSubcontractorStatements gives them (the same message, mapped by SettlementMapping),
    /// one line after another; a statement without lines is one line without figures.
    /// </summary>
    public static async Task<List<StatementExport.Line>> StatementLinesAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var request = FromQuery<ListSubcontractorStatementsRequest>(http.Request.Query, v);
        var service = ActivatorUtilities.CreateInstance<SettlementGrpcService>(http.RequestServices);
        var (statements, names) = await service.ListStatementsAsync(v, request, ct);
        var lines = new List<StatementExport.Line>();
        foreach (var s in statements.Select(r => SettlementMapping.ToStatement(r, false, names)))
        {
            var head = new StatementExport.Head(s.Id, s.SubcontractId, s.HoofdaanbiederName, s.OnderaannemerName, s.Year, s.Month, s.Revision,
                s.RulesVersion, s.ComputedAt?.ToDateTimeOffset(), s.TotalCents);
            if (s.Lines.Count == 0)
            {
                lines.Add(new StatementExport.Line(head, null));
            }
            lines.AddRange(s.Lines.Select(l => new StatementExport.Line(head, new StatementExport.Figures(l.AreaId,
                ProtoConvert.ToDomain(l.Product), ProtoConvert.ToDomain(l.Unit), l.RateCents, l.Quantity, l.AmountCents, l.EntryCount))));
        }
        return lines;
    }

    /// <summary>
    /// The fields of a list request that an export reads from the query string, in declaration order: every single
    /// field of a type <see cref="FromQuery{T}"/> can parse, paging aside. The OpenAPI document lists exactly these.
    /// </summary>
    public static IEnumerable<FieldDescriptor> Filters(MessageDescriptor request) => request.Fields.InDeclarationOrder().Where(IsFilter);

    private static bool IsFilter(FieldDescriptor field) =>
        !NotFilters.Contains(field.Name) && !field.IsRepeated && !field.IsMap
        && (field.FieldType is FieldType.String or FieldType.Int32 or FieldType.Bool or FieldType.Enum
            || (field.FieldType == FieldType.Message && field.MessageType.FullName == Google.Type.Date.Descriptor.FullName));

    /// <summary>Sets each parameter on the request's field of that name; what cannot be set becomes a violation.</summary>
    public static T FromQuery<T>(IQueryCollection query, Violations v) where T : IMessage<T>, new()
    {
        var message = new T();
        var fields = message.Descriptor.Fields.InDeclarationOrder();
        foreach (var (key, values) in query)
        {
            if (EndpointParameters.Contains(key))
            {
                continue;
            }
            var field = fields.FirstOrDefault(f => f.Name == key || f.JsonName == key);
            if (field is null || !IsFilter(field))
            {
                v.Add(key, "is not a filter of this export");
                continue;
            }
            if (values.Count != 1)
            {
                v.Add(field.Name, "must be given once");
                continue;
            }
            if (Parse(field, values[0] ?? "", message) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
            else
            {
                v.Add(field.Name, Expected(field));
            }
        }
        return message;
    }

    private static object? Parse(FieldDescriptor field, string text, IMessage message) => field.FieldType switch
    {
        FieldType.String => text,
        FieldType.Int32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
        FieldType.Bool => bool.TryParse(text, out var b) ? b : null,
        FieldType.Enum => EnumValue(field, text) is { } number
            ? Enum.ToObject(message.GetType().GetProperty(field.PropertyName)!.PropertyType, number)
            : null,
        FieldType.Message when field.MessageType.FullName == Google.Type.Date.Descriptor.FullName =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day }
                : null,
        _ => null,
    };

    /// <summary>The value's full name (HOUR_ENTRY_STATUS_APPROVED) or its last part (APPROVED), any case; never a number.</summary>
    private static int? EnumValue(FieldDescriptor field, string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        var value = field.EnumType.Values.FirstOrDefault(e => e.Name == upper)
            ?? field.EnumType.Values.FirstOrDefault(e => e.Number != 0 && upper.Length > 0 && e.Name.EndsWith("_" + upper, StringComparison.Ordinal));
        return value?.Number;
    }

    private static string Expected(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Int32 => "must be a whole number",
        FieldType.Bool => "must be true or false",
        FieldType.Enum => "must be one of " + string.Join(", ", field.EnumType.Values.Where(e => e.Number != 0).Select(e => e.Name)),
        FieldType.Message when field.MessageType.FullName == Google.Type.Date.Descriptor.FullName => "must be a date such as 2027-03-31",
        _ => "is not a filter of this export",
    };
}
