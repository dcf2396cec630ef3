using System.Globalization;
using System.Text;
using GonPortal.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Portal.ServerApi;

/// <summary>
/// The portal's view of the Server: calls the gRPC services and turns their answers into view models,
/// and every failure into an <see cref="ApiFailure"/> (the pages never see an exception). One partial file
/// per service; this one holds the call plumbing.
/// </summary>
public sealed partial class GonServerClient(
    ProviderService.ProviderServiceClient providers,
    SubcontractService.SubcontractServiceClient subcontracts,
    ReferenceService.ReferenceServiceClient reference,
    ClientService.ClientServiceClient clients,
    SupportArrangementService.SupportArrangementServiceClient arrangements,
    HourService.HourServiceClient hours,
    ReportingService.ReportingServiceClient reporting,
    AuditService.AuditServiceClient audit,
    BudgetService.BudgetServiceClient budgets,
    SettlementService.SettlementServiceClient settlements,
    AdministrationService.AdministrationServiceClient administration,
    MachineClientService.MachineClientServiceClient machineClients,
    WorkQueueService.WorkQueueServiceClient workQueue,
    ConversionService.ConversionServiceClient conversion,
    YearOverviewService.YearOverviewServiceClient yearOverview,
    PurposeContext purpose,
    ILogger<GonServerClient> logger)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private async Task<ServerResult<T>> CallAsync<T>(string method, Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return ServerResult<T>.Ok(await call(Options(cancellationToken)));
        }
        catch (RpcException ex)
        {
            LogCallFailed(logger, method, ex.StatusCode, ex);
            return ServerResult<T>.Failed(FailureFrom(ex));
        }
    }

    private CallOptions Options(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var headers = new Metadata();
        if (purpose.HasPurpose)
        {
            headers.Add(PurposeContext.Header, AsciiHeaderValue(purpose.Purpose!));
        }

        return new CallOptions(headers, DateTime.UtcNow.Add(timeout ?? CallTimeout), cancellationToken);
    }

    /// <summary>
    /// gRPC metadata values outside "-bin" headers must be printable ASCII; Dutch text keeps its letters
    /// without accents (é becomes e) so the audit trail stays readable.
    /// </summary>
    internal static string AsciiHeaderValue(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        var value = builder.ToString().Trim();
        return value.Length > PurposeContext.MaxLength ? value[..PurposeContext.MaxLength] : value;
    }

    /// <summary>
    /// Turns a gRPC error into what the page needs: kind, a Dutch message from the Server's reason
    /// (ErrorInfo) and a Dutch sentence per violated field (BadRequest). The Server's English text is
    /// kept only in <see cref="ApiFailure.Detail"/> for logs and never shown.
    /// </summary>
    internal static ApiFailure FailureFrom(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var metadata = info?.Metadata.ToDictionary(m => m.Key, m => m.Value) ?? new Dictionary<string, string>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ex.StatusCode == StatusCode.InvalidArgument && status?.GetDetail<BadRequest>() is { } badRequest)
        {
            foreach (var violation in badRequest.FieldViolations)
            {
                var sentence = ErrorSentences.Field(violation.Field, violation.Reason, metadata);
                fields[violation.Field] = fields.TryGetValue(violation.Field, out var earlier) && earlier != sentence
                    ? $"{earlier} {sentence}"
                    : sentence;
                reasons.TryAdd(violation.Field, violation.Reason);
            }
        }

        var kind = ex.StatusCode switch
        {
            StatusCode.Unauthenticated => FailureKind.SignInRequired,
            StatusCode.NotFound => FailureKind.NotFound,
            StatusCode.PermissionDenied => FailureKind.PermissionDenied,
            StatusCode.InvalidArgument => FailureKind.Invalid,
            StatusCode.FailedPrecondition => FailureKind.WrongState,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => FailureKind.Unavailable,
            _ => FailureKind.Other,
        };
        var message = ErrorSentences.Message(ex.StatusCode, info?.Reason, metadata);
        return ApiFailure.Of(kind, ex.StatusCode, message, fields) with
        {
            Detail = ex.Status.Detail,
            Reason = info?.Reason,
            Metadata = metadata,
            FieldReasons = reasons,
        };
    }

    /// <summary>The Dutch message shown for a failed call.</summary>
    public static string MessageFor(StatusCode status) => status switch
    {
        StatusCode.Unavailable => "De server is op dit moment niet bereikbaar. Probeer het later opnieuw.",
        StatusCode.DeadlineExceeded => "De server reageerde niet op tijd. Probeer het later opnieuw.",
        StatusCode.Unauthenticated => "Uw sessie is verlopen. U wordt opnieuw aangemeld.",
        StatusCode.PermissionDenied => "U hebt geen toestemming voor deze gegevens of deze handeling.",
        StatusCode.NotFound => "De gevraagde gegevens zijn niet gevonden.",
        StatusCode.InvalidArgument => "Niet alles is goed ingevuld. Controleer de gemarkeerde velden.",
        StatusCode.FailedPrecondition => "Deze stap kan nu niet: de gegevens zijn in een andere status.",
        StatusCode.AlreadyExists => "Dit bestaat al.",
        StatusCode.Unimplemented => "Deze functie is nog niet beschikbaar op de server.",
        StatusCode.Cancelled => "Het ophalen van de gegevens is afgebroken.",
        _ => $"De server meldde een fout ({status}). Probeer het later opnieuw.",
    };

    private static string AreaName(IReadOnlyDictionary<int, string>? names, int id) =>
        names is not null && names.TryGetValue(id, out var name) ? name : $"Gebied {id}";

    internal static DateOnly? ToDateOnly(Google.Type.Date? date) =>
        date is { Year: > 0, Month: >= 1 and <= 12, Day: >= 1 } && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;

    internal static Google.Type.Date? ToProtoDate(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    internal static DateTimeOffset? ToDateTime(Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp?.ToDateTimeOffset();

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC call {Method} failed with {StatusCode}.")]
    private static partial void LogCallFailed(ILogger logger, string method, StatusCode statusCode, Exception exception);
}
