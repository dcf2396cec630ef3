using GonPortal.Contracts.V1;
using Grpc.Core;

namespace GonPortal.Portal.ServerApi;

/// <summary>
/// The portal's view of the Server: calls the gRPC services and turns their answers into view models,
/// and every failure into a Dutch message (the pages never see an exception).
/// </summary>
public sealed partial class GonServerClient(
    ProviderService.ProviderServiceClient providers,
    SubcontractService.SubcontractServiceClient subcontracts,
    ReferenceService.ReferenceServiceClient reference,
    ILogger<GonServerClient> logger)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public Task<ServerResult<OrganisationView>> GetCurrentOrganisationAsync(IReadOnlyDictionary<int, string>? areaNames = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ProviderService.ProviderServiceClient.GetCurrentOrganisation), async options =>
        {
            var response = await providers.GetCurrentOrganisationAsync(new GetCurrentOrganisationRequest(), options);
            return new OrganisationView(
                response.OrganisationId,
                response.OrganisationName,
                DutchLabels.Of(response.Kind),
                DutchLabels.Of(response.Role),
                response.AreaIds.Select(id => AreaName(areaNames, id)).ToList());
        }, cancellationToken);

    public Task<ServerResult<SubcontractList>> ListSubcontractsAsync(IReadOnlyDictionary<int, string>? areaNames = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.ListSubcontracts), async options =>
        {
            var response = await subcontracts.ListSubcontractsAsync(new ListSubcontractsRequest { PageSize = 100 }, options);
            var rows = response.Subcontracts.Select(s => new SubcontractRow(
                s.Id,
                s.HoofdaanbiederName,
                s.OnderaannemerName,
                s.AreaIds.Select(id => AreaName(areaNames, id)).ToList(),
                DutchLabels.Of(s.State),
                ToDateOnly(s.ValidFrom),
                ToDateOnly(s.ValidTo))).ToList();
            return new SubcontractList(rows, !string.IsNullOrEmpty(response.NextPageToken));
        }, cancellationToken);

    public Task<ServerResult<IReadOnlyList<AreaView>>> ListAreasAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AreaView>>(nameof(ReferenceService.ReferenceServiceClient.ListAreas), async options =>
        {
            var response = await reference.ListAreasAsync(new ListAreasRequest(), options);
            return response.Areas.Select(a => new AreaView(a.Id, a.Code, a.Name)).ToList();
        }, cancellationToken);

    private async Task<ServerResult<T>> CallAsync<T>(string method, Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var options = new CallOptions(deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: cancellationToken);
            return ServerResult<T>.Ok(await call(options));
        }
        catch (RpcException ex)
        {
            LogCallFailed(logger, method, ex.StatusCode, ex);
            return ServerResult<T>.Failed(MessageFor(ex.StatusCode));
        }
    }

    /// <summary>The Dutch message shown for a failed call.</summary>
    public static string MessageFor(StatusCode status) => status switch
    {
        StatusCode.Unavailable => "De server is op dit moment niet bereikbaar. Probeer het later opnieuw.",
        StatusCode.DeadlineExceeded => "De server reageerde niet op tijd. Probeer het later opnieuw.",
        StatusCode.Unauthenticated => "De server heeft uw aanmelding niet geaccepteerd. Log uit en log opnieuw in.",
        StatusCode.PermissionDenied => "U hebt geen toegang tot deze gegevens.",
        StatusCode.NotFound => "De gevraagde gegevens zijn niet gevonden.",
        StatusCode.Unimplemented => "Deze functie is nog niet beschikbaar op de server.",
        StatusCode.Cancelled => "Het ophalen van de gegevens is afgebroken.",
        _ => $"De server meldde een fout ({status}). Probeer het later opnieuw.",
    };

    private static string AreaName(IReadOnlyDictionary<int, string>? names, int id) =>
        names is not null && names.TryGetValue(id, out var name) ? name : $"Gebied {id}";

    private static DateOnly? ToDateOnly(Google.Type.Date? date) =>
        date is { Year: > 0, Month: >= 1 and <= 12, Day: >= 1 } && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC call {Method} failed with {StatusCode}.")]
    private static partial void LogCallFailed(ILogger logger, string method, StatusCode statusCode, Exception exception);
}
