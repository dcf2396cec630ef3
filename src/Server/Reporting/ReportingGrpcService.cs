using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Validation;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Grpc;
using GonPortal.Server.Paging;
using GonPortal.Server.Reporting;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainFigures = GonPortal.Domain.Reporting.VolumeFigures;
using DomainTarget = GonPortal.Domain.Reporting.TargetAssessment;
using DomainTargetStatus = GonPortal.Domain.Reporting.TargetStatus;
using ProtoFigures = GonPortal.Contracts.V1.VolumeFigures;
using ProtoRational = GonPortal.Contracts.V1.Rational;

namespace GonPortal.Server.Reporting;

/// <summary>
/// Monitoring per area (reporting.proto): allocated versus delivered volume per arrangement,
/// executing provider and product, and the basis and initiative share against the year's targets.
/// Read-only and computed on request; <see cref="ReportingQuery"/> gathers the facts, the domain
/// computes. Roles: the gemeente (audited) and hoofdaanbieders (their areas) everything;
/// onderaannemers only the arrangement and provider rows of what they execute; WIJ nothing.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente}")]
public sealed class ReportingGrpcService(ReportingQuery query, TimeProvider clock) : ReportingService.ReportingServiceBase
{
    public override async Task<ListArrangementVolumesResponse> ListArrangementVolumes(ListArrangementVolumesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        CheckMonth(v, request.AreaId, request.Year, request.Month);
        var product = OptionalProduct(v, "product", request.Product);
        var executor = ProtoConvert.ToId(v, "executor_provider_id", request.ExecutorProviderId, required: false);
        v.ThrowIfAny();

        var ct = context.CancellationToken;
        await query.RequireAreaAsync(request.AreaId, Periods.Month(request.Year, request.Month), ct);
        var months = await query.MonthAsync(request.AreaId, request.Year, request.Month, ct);
        if (product is not null)
        {
            months = months.Where(m => m.Arrangement.Product == product).ToList();
        }
        if (executor is { } e)
        {
            months = months.Where(m => m.Executes(e)).ToList();
        }
        var rows = months.Select(m => (Month: m, Figures: m.Figures)).ToList();
        if (request.OnlyShortfall)
        {
            rows = rows.Where(r => r.Figures.Shortfall.Sign > 0).ToList();
        }

        var clientNames = await query.ClientNamesAsync(rows.Select(r => r.Month.Arrangement.ClientId).ToList(), ct);
        var ordered = rows
            .OrderBy(r => (int)r.Month.Arrangement.Product!.Value)
            .ThenBy(r => clientNames.GetValueOrDefault(r.Month.Arrangement.ClientId, ""), StringComparer.Ordinal)
            .ThenBy(r => r.Month.Arrangement.Id)
            .ToList();
        var (pageRows, next) = await page.ApplyAsync(ordered.AsQueryable(), (q, _) => Task.FromResult(q.ToList()), ct);
        var providerNames = await query.ProviderNamesAsync(pageRows.Select(r => r.Month.VersionAtMonthEnd?.ExecutorProviderId).OfType<Guid>().ToList(), ct);

        var response = new ListArrangementVolumesResponse { NextPageToken = next };
        response.Rows.AddRange(pageRows.Select(r =>
        {
            var a = r.Month.Arrangement;
            var version = r.Month.VersionAtMonthEnd;
            return new ArrangementVolumeRow
            {
                ArrangementId = a.Id.ToString(),
                ClientId = a.ClientId.ToString(),
                ClientDisplayName = clientNames.GetValueOrDefault(a.ClientId, ""),
                SupportType = AccessProcessSupport.ToProto<Contracts.V1.SupportType>(a.SupportType),
                Product = ProtoConvert.ToProto(a.Product!.Value),
                Unit = ProtoConvert.ToProto(a.Unit!.Value),
                ExecutorKind = AccessProcessSupport.ToProto<Contracts.V1.ExecutorKind>(version?.ExecutorKind),
                ExecutorProviderId = version?.ExecutorProviderId.ToString() ?? "",
                ExecutorProviderName = version is null ? "" : providerNames.GetValueOrDefault(version.ExecutorProviderId, ""),
                ViaInitiative = version?.ViaInitiative ?? false,
                ActiveDays = r.Month.ActiveDays,
                Figures = ToProto(r.Figures),
            };
        }));
        return response;
    }

    public override async Task<ListProviderVolumesResponse> ListProviderVolumes(ListProviderVolumesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        CheckMonth(v, request.AreaId, request.Year, request.Month);
        v.ThrowIfAny();

        var ct = context.CancellationToken;
        await query.RequireAreaAsync(request.AreaId, Periods.Month(request.Year, request.Month), ct);
        var months = await query.MonthAsync(request.AreaId, request.Year, request.Month, ct);
        // One slice per arrangement and provider, so the shortfall is summed per arrangement first.
        var slices = months.SelectMany(m => m.Providers
                .Where(p => query.OnlyExecutor is not { } me || p == me)
                .Select(p => new
                {
                    Kind = p == m.Arrangement.TenantId ? Contracts.V1.ExecutorKind.Hoofdaanbieder : Contracts.V1.ExecutorKind.Onderaannemer,
                    Provider = p,
                    Product = m.Arrangement.Product!.Value,
                    Unit = m.Arrangement.Unit!.Value,
                    Counts = m.Executes(p),
                    Figures = m.FiguresOf(p),
                }))
            .ToList();
        var names = await query.ProviderNamesAsync(slices.Select(s => s.Provider).ToList(), ct);
        var response = new ListProviderVolumesResponse();
        response.Rows.AddRange(slices
            .GroupBy(s => (s.Kind, s.Provider, s.Product, s.Unit))
            .Select(g => new ProviderVolumeRow
            {
                ExecutorKind = g.Key.Kind,
                ExecutorProviderId = g.Key.Provider.ToString(),
                ExecutorProviderName = names.GetValueOrDefault(g.Key.Provider, ""),
                Product = ProtoConvert.ToProto(g.Key.Product),
                Unit = ProtoConvert.ToProto(g.Key.Unit),
                ArrangementCount = g.Count(s => s.Counts),
                Figures = ToProto(DomainFigures.Sum(g.Select(s => s.Figures))),
            })
            .OrderBy(r => (int)r.ExecutorKind)
            .ThenBy(r => r.ExecutorProviderName, StringComparer.Ordinal)
            .ThenBy(r => r.ExecutorProviderId, StringComparer.Ordinal)
            .ThenBy(r => (int)r.Product)
            .ThenBy(r => (int)r.Unit));
        return response;
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Gemeente}")]
    public override async Task<ListProductVolumesResponse> ListProductVolumes(ListProductVolumesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        CheckMonth(v, request.AreaId, request.Year, request.Month);
        v.ThrowIfAny();

        var ct = context.CancellationToken;
        await query.RequireAreaAsync(request.AreaId, Periods.Month(request.Year, request.Month), ct);
        var months = await query.MonthAsync(request.AreaId, request.Year, request.Month, ct);
        var response = new ListProductVolumesResponse();
        response.Rows.AddRange(months
            .GroupBy(m => (Product: m.Arrangement.Product!.Value, Unit: m.Arrangement.Unit!.Value))
            .OrderBy(g => (int)g.Key.Product).ThenBy(g => (int)g.Key.Unit)
            .Select(g => new ProductVolumeRow
            {
                Product = ProtoConvert.ToProto(g.Key.Product),
                Unit = ProtoConvert.ToProto(g.Key.Unit),
                ArrangementCount = g.Count(m => m.ActiveDays > 0),
                BasisArrangementCount = g.Count(m => m.ActiveDays > 0 && m.Arrangement.SupportType == Domain.Arrangements.SupportType.Basis),
                Figures = ToProto(DomainFigures.Sum(g.Select(m => m.Figures))),
            }));
        return response;
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Gemeente}")]
    public override async Task<GetAreaSharesResponse> GetAreaShares(GetAreaSharesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        var now = clock.GetUtcNow();
        var today = AmsterdamCalendar.Today(now);
        var date = ProtoConvert.ToDate(v, "date", request.Date) ?? today;
        v.Check(date > today, "date", $"must not be in the future (today is {today:yyyy-MM-dd})");
        v.ThrowIfAny();

        var ct = context.CancellationToken;
        await query.RequireAreaAsync(request.AreaId, new Domain.Common.DateRange(date, date), ct);
        var shares = await query.SharesAsync(request.AreaId, date, ct);
        return new GetAreaSharesResponse
        {
            AreaShares = new Contracts.V1.AreaShares
            {
                AreaId = shares.AreaId,
                Date = ProtoConvert.ToProto(shares.Date),
                Year = shares.Date.Year,
                BasisShare = ToProto(shares.BasisShare),
                InitiativeShare = ToProto(shares.InitiativeShare),
                IsYearEnd = shares.IsYearEnd,
                ComputedAt = ProtoConvert.ToProto(now),
            },
        };
    }

    private static void CheckMonth(Violations v, int areaId, int year, int month)
    {
        AreaIdRules.Required(v, areaId);
        v.Check(year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        v.Check(month is < 1 or > 12, "month", "must be a month 1-12");
    }

    private static Domain.Reference.Product? OptionalProduct(Violations v, string field, Contracts.V1.Product product)
    {
        if (product == Contracts.V1.Product.Unspecified)
        {
            return null;
        }
        var domain = ProtoConvert.ToDomain(product);
        v.Check(domain is null, field, "must be PRODUCT_UNSPECIFIED (all) or a product category");
        return domain;
    }

    private static ProtoFigures ToProto(DomainFigures f) => new()
    {
        AllocatedQuantity = ToProto(f.Allocated),
        ApprovedQuantity = f.Approved,
        SubmittedQuantity = f.Submitted,
        ShortfallQuantity = ToProto(f.Shortfall),
        DeliveredShareBp = f.DeliveredShareBp,
    };

    private static ProtoRational ToProto(Domain.Reporting.Rational r) => new()
    {
        Numerator = r.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Denominator = r.Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Rounded = r.ToRoundedString(4),
    };

    private static Contracts.V1.TargetAssessment ToProto(DomainTarget t) => new()
    {
        Numerator = t.Numerator,
        Denominator = t.Denominator,
        ShareBp = t.ShareBp,
        TargetBp = t.TargetBp,
        Status = t.Status switch
        {
            DomainTargetStatus.Met => Contracts.V1.TargetStatus.Met,
            DomainTargetStatus.Missed => Contracts.V1.TargetStatus.Missed,
            _ => Contracts.V1.TargetStatus.NotAssessed,
        },
    };
}
