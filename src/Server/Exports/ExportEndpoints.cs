using Grpc.Core;
using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Exports;

/// <summary>
/// <c>GET /api/v1/exports/{table}?format=csv|xlsx&amp;&lt;the list RPC's filters&gt;</c>: a whole filtered table for
/// another system, with the same bearer token, roles, tenancy and audit as the table's list RPC. The rows stream from
/// the database into the file chunk by chunk, so memory does not grow with the table (docs/benchmarks.md).
/// </summary>
public static class ExportEndpoints
{
    public const string Route = "/api/v1/exports/{table}";

    public static WebApplication MapGonExports(this WebApplication app)
    {
        // The fallback policy already demands a signed-in caller: no token answers 401 before this runs.
        app.MapGet(Route, ExportAsync);
        return app;
    }

    private static async Task ExportAsync(HttpContext http, string table, TenantContext tenant, CallInfo call, ILoggerFactory loggers)
    {
        var ct = http.RequestAborted;
        call.Method = $"GET /api/v1/exports/{table}"; // what the audit trail names as the call
        if (!ExportTable.All.TryGetValue(table, out var definition))
        {
            await ExportProblems.Problem(StatusCode.NotFound, "EXPORT" + ErrorReasons.NotFoundSuffix,
                $"There is no export '{table}'; there are: {string.Join(", ", ExportTable.All.Keys)}.").ExecuteAsync(http);
            return;
        }
        if (!TenantResolver.TryResolve(http.User, http.Request.Headers[TenantResolver.PurposeHeader], tenant))
        {
            await ExportProblems.Problem(StatusCode.PermissionDenied, ErrorReasons.NoOrganisationInToken,
                "The access token names no organisation or role.").ExecuteAsync(http);
            return;
        }
        if (!definition.Roles.Contains(tenant.Role))
        {
            await ExportProblems.Problem(StatusCode.PermissionDenied, ErrorReasons.RoleNotAllowed,
                "The caller's role may not read this table.").ExecuteAsync(http);
            return;
        }

        var v = new Violations();
        var format = Format(v, http.Request.Query["format"]);
        IExportSource source;
        try
        {
            source = await definition.OpenAsync(http, v, ct);
        }
        catch (Exception e) when (ExportProblems.From(e, loggers.CreateLogger(typeof(ExportEndpoints))) is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }

        var (extension, contentType) = format == ExportFormat.Csv
            ? ("csv", "text/csv; charset=utf-8")
            : ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{definition.FileName}.{extension}\"";
        http.Response.Headers.CacheControl = "no-store"; // personal data
        try
        {
            if (format == ExportFormat.Csv)
            {
                await source.WriteAsync(http.Response.Body, format, definition.SheetName, ct);
            }
            else
            {
                await WriteWorkbookAsync(http, source, definition.SheetName, ct);
            }
        }
        catch (Exception e) when (!http.Response.HasStarted && ExportProblems.From(e, loggers.CreateLogger(typeof(ExportEndpoints))) is { } problem)
        {
            // the first chunk failed before a byte left (a transient database failure, say): still a plain answer
            http.Response.Headers.ContentDisposition = default;
            await problem.ExecuteAsync(http);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Headers (and perhaps rows) are out: abort, so the client sees a failed transfer, not a shorter file.
            loggers.CreateLogger(typeof(ExportEndpoints)).LogError(e, "Export {Table} failed while streaming", table);
            http.Abort();
        }
    }

    /// <summary>
    /// The Open XML SDK writes synchronously, which Kestrel refuses on a response body; the workbook is written to a
    /// temporary file that deletes itself (disk, not memory, holds it) and then copied out asynchronously.
    /// </summary>
    private static async Task WriteWorkbookAsync(HttpContext http, IExportSource source, string sheetName, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await source.WriteAsync(file, ExportFormat.Xlsx, sheetName, ct);
        file.Position = 0;
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, ct);
    }

    private static ExportFormat Format(Violations v, string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "csv":
                return ExportFormat.Csv;
            case "xlsx":
                return ExportFormat.Xlsx;
            default:
                v.Add("format", "must be csv or xlsx");
                return ExportFormat.Csv;
        }
    }
}
