using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<SubcontractList>> ListSubcontractsAsync(
        IReadOnlyDictionary<int, string>? areaNames = null,
        SubcontractState state = SubcontractState.Unspecified,
        CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.ListSubcontracts), async options =>
        {
            var response = await subcontracts.ListSubcontractsAsync(new ListSubcontractsRequest { PageSize = 100, State = state }, options);
            var rows = response.Subcontracts.Select(s => ToRow(s, areaNames)).ToList();
            return new SubcontractList(rows, !string.IsNullOrEmpty(response.NextPageToken));
        }, cancellationToken);

    public Task<ServerResult<SubcontractRow>> ProposeSubcontractAsync(
        SubcontractProposal proposal, IReadOnlyList<long> rateCents, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.CreateSubcontract), async options =>
        {
            var request = new CreateSubcontractRequest
            {
                RequestId = proposal.RequestId,
                OnderaannemerId = proposal.OnderaannemerId,
                ValidFrom = ToProtoDate(proposal.ValidFrom),
                ValidTo = ToProtoDate(proposal.ValidTo),
            };
            request.AreaIds.AddRange(proposal.AreaIds.Order());
            request.Rates.AddRange(proposal.Rates.Select((r, i) => new SubcontractRate { Product = r.Product, Unit = r.Unit, RateCents = rateCents[i] }));
            var response = await subcontracts.CreateSubcontractAsync(request, options);
            return ToRow(response.Subcontract, null);
        }, cancellationToken);

    public Task<ServerResult<SubcontractRow>> EndSubcontractAsync(string id, DateOnly? endDate, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.EndSubcontract), async options =>
            ToRow((await subcontracts.EndSubcontractAsync(
                new EndSubcontractRequest { SubcontractId = id, EndDate = ToProtoDate(endDate), Reason = reason }, options)).Subcontract, null),
            cancellationToken);

    public Task<ServerResult<SubcontractRow>> WithdrawSubcontractAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.WithdrawSubcontract), async options =>
            ToRow((await subcontracts.WithdrawSubcontractAsync(
                new WithdrawSubcontractRequest { SubcontractId = id, Reason = reason }, options)).Subcontract, null),
            cancellationToken);

    public Task<ServerResult<SubcontractRow>> ConsentSubcontractAsync(string id, string reference, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.ConsentSubcontract), async options =>
            ToRow((await subcontracts.ConsentSubcontractAsync(
                new ConsentSubcontractRequest { SubcontractId = id, ConsentReference = reference }, options)).Subcontract, null),
            cancellationToken);

    public Task<ServerResult<SubcontractRow>> RefuseSubcontractAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.RefuseSubcontract), async options =>
            ToRow((await subcontracts.RefuseSubcontractAsync(
                new RefuseSubcontractRequest { SubcontractId = id, Reason = reason }, options)).Subcontract, null),
            cancellationToken);

    public Task<ServerResult<SubcontractDetail>> GetSubcontractAsync(string id, IReadOnlyDictionary<int, string>? areaNames = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.GetSubcontract), async options =>
            ToDetail((await subcontracts.GetSubcontractAsync(new GetSubcontractRequest { SubcontractId = id }, options)).Subcontract, areaNames),
            cancellationToken);

    public Task<ServerResult<SubcontractDetail>> ChangeSubcontractRateAsync(
        string id, RateChangeInput change, long rateCents, IReadOnlyDictionary<int, string>? areaNames = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SubcontractService.SubcontractServiceClient.ChangeSubcontractRate), async options =>
            ToDetail((await subcontracts.ChangeSubcontractRateAsync(new ChangeSubcontractRateRequest
            {
                SubcontractId = id,
                Product = change.Product,
                Unit = change.Unit,
                RateCents = rateCents,
                EffectiveFrom = ToProtoDate(change.EffectiveFrom),
                Reason = change.Reason,
            }, options)).Subcontract, areaNames),
            cancellationToken);

    private static SubcontractDetail ToDetail(Subcontract s, IReadOnlyDictionary<int, string>? areaNames) => new(
        ToRow(s, areaNames),
        s.Rates.Select(r => new RatePeriodView(r.Product, r.Unit, r.RateCents, ToDateOnly(r.ValidFrom), ToDateOnly(r.ValidTo))).ToList(),
        s.RateChanges.Select(c => new RateChangeView(
            c.Product, c.Unit, ToDateOnly(c.EffectiveFrom), c.HasOldRateCents ? c.OldRateCents : null, c.NewRateCents, c.Reason,
            // Who: the person's name; a change without one is shown as the hoofdaanbieder's (only it changes rates), never the subject id.
            string.IsNullOrWhiteSpace(c.ChangedByName) ? s.HoofdaanbiederName : c.ChangedByName,
            ToDateTime(c.ChangedAt))).Reverse().ToList());

    private static SubcontractRow ToRow(Subcontract s, IReadOnlyDictionary<int, string>? areaNames) => new(
        s.Id,
        s.HoofdaanbiederName,
        s.OnderaannemerName,
        s.AreaIds.Select(id => AreaName(areaNames, id)).ToList(),
        s.State,
        ToDateOnly(s.ValidFrom),
        ToDateOnly(s.ValidTo),
        // The lists show the latest rate of each product and unit; the detail page shows every period.
        s.Rates.Where(r => r.ValidTo is null).Select(r => new RateView(r.Product, r.Unit, r.RateCents)).ToList(),
        ToDateTime(s.ProposedAt),
        s.ConsentReference,
        s.RefusalReason,
        s.CloseReason);
}
