using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>Where the statements of each ended month of an area's year stand (settlement-rules 1.1 §4), before a reconciliation.</summary>
    public Task<ServerResult<StatementCompletenessView>> GetStatementCompletenessAsync(int areaId, int year, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SettlementService.SettlementServiceClient.GetStatementCompleteness), async options =>
        {
            var r = await settlements.GetStatementCompletenessAsync(new GetStatementCompletenessRequest { AreaId = areaId, Year = year }, options);
            return new StatementCompletenessView(
                r.Complete,
                r.Months.Select(m => new StatementMonthView(
                    m.Month, m.State, m.Subcontracts.Select(s => s.OnderaannemerName).Order(StringComparer.Ordinal).ToList())).ToList());
        }, cancellationToken);
}
