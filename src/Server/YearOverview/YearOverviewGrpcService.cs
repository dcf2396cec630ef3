using GonPortal.Contracts.V1;
using GonPortal.Domain.Budgets;
using GonPortal.Domain.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.YearOverview;

/// <summary>
/// The gemeente controller's year overview (year_overview.proto): validates the year, lets
/// <see cref="YearOverviewQuery"/> gather every area's figures and maps them. The gemeente only: every other
/// role is PERMISSION_DENIED by the attribute, before anything is read.
/// </summary>
[Authorize(Roles = GonRoles.Gemeente)]
internal sealed class YearOverviewGrpcService(YearOverviewQuery query) : YearOverviewService.YearOverviewServiceBase
{
    public override async Task<GetYearOverviewResponse> GetYearOverview(GetYearOverviewRequest request, ServerCallContext context)
    {
        var v = new Violations();
        BudgetKeys.Year(v, request.Year);
        v.ThrowIfAny();
        return YearOverviewMapping.ToProto(await query.LoadAsync(request.Year, context.CancellationToken));
    }
}
