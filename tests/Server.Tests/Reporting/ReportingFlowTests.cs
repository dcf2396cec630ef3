using System.Numerics;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Reporting;

/// <summary>
/// Reports through the real API, with figures computed by hand. Demo data and other tests share the
/// database, so per-arrangement rows are looked up by id and aggregates are compared before and
/// after the test adds its own data (tests in one collection run one after another).
/// </summary>
public abstract class ReportingFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private async Task<ReportingService.ReportingServiceClient> Reports(string caller) => new(await hosts.InvokerFor(caller));

    private static async Task<List<ArrangementVolumeRow>> AllRows(ReportingService.ReportingServiceClient client, int area, int year, int month, string executor = "")
    {
        var rows = new List<ArrangementVolumeRow>();
        var token = "";
        do
        {
            var page = await client.ListArrangementVolumesAsync(new()
            { AreaId = area, Year = year, Month = month, PageSize = 500, PageToken = token, ExecutorProviderId = executor });
            rows.AddRange(page.Rows);
            token = page.NextPageToken;
        }
        while (token != "");
        return rows;
    }

    /// <summary>The exact value of a wire Rational as a (numerator, denominator) pair in lowest terms.</summary>
    private static (BigInteger N, BigInteger D) Exact(Rational r) => (BigInteger.Parse(r.Numerator), BigInteger.Parse(r.Denominator));

    private static (BigInteger N, BigInteger D) Frac(BigInteger n, BigInteger d)
    {
        var g = BigInteger.GreatestCommonDivisor(n, d);
        if (g.IsZero)
        {
            return (0, 1);
        }
        return (n / g, d / g);
    }

    private static (BigInteger N, BigInteger D) Minus((BigInteger N, BigInteger D) a, (BigInteger N, BigInteger D) b) =>
        Frac(a.N * b.D - b.N * a.D, a.D * b.D);

    private async Task<List<HourEntry>> Report(string caller, SupportArrangement a, params (int Day, int Minutes)[] entries)
    {
        var client = await _s.Hours(caller);
        var request = new BatchCreateHourEntriesRequest();
        request.Entries.AddRange(entries.Select(e => HourScenario.Entry(a, month: 3, day: e.Day, minutes: e.Minutes)));
        return (await client.BatchCreateHourEntriesAsync(request)).HourEntries.ToList();
    }

    [Fact]
    public async Task Arrangement_volume_for_March_is_180_minutes_a_week_over_31_days_against_approved_entries()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = await Report(Callers.OaDeLinde, arrangement, (3, 90), (10, 120), (17, 60), (24, 45));
        var stadseHours = await _s.Hours(Callers.HaStadse);
        await stadseHours.ApproveHourEntriesAsync(new() { HourEntryIds = { entries[0].Id, entries[1].Id } });
        await stadseHours.RejectHourEntriesAsync(new() { HourEntryIds = { entries[3].Id }, Reason = "Niet geleverd" });

        // Allocated: 180 / 7 per day * 31 days = 5580/7 = 797.1429 minutes; approved 90 + 120 = 210;
        // submitted 60 (not delivered); the rejected 45 counts nowhere; shortfall 5580/7 - 210 = 4110/7.
        // Delivered share: 210 * 10000 / (5580/7) = 2634.41 -> 2634 bp.
        foreach (var caller in new[] { Callers.HaStadse, Callers.Gemeente, Callers.OaDeLinde })
        {
            var rows = await AllRows(await Reports(caller), 1, 2027, 3);
            var row = Assert.Single(rows, r => r.ArrangementId == arrangement.Id);
            Assert.Equal(31, row.ActiveDays);
            Assert.Equal(Unit.Hour, row.Unit);
            Assert.Equal(Product.Begeleiding, row.Product);
            Assert.Equal(SupportType.Basis, row.SupportType);
            Assert.Equal(ExecutorKind.Onderaannemer, row.ExecutorKind);
            Assert.Equal(DemoIds.DeLinde, row.ExecutorProviderId);
            Assert.Equal(DemoNames.DeLinde, row.ExecutorProviderName);
            Assert.Equal(arrangement.ClientId, row.ClientId);
            Assert.Equal(((BigInteger)5580, (BigInteger)7), Exact(row.Figures.AllocatedQuantity));
            Assert.Equal("797.1429", row.Figures.AllocatedQuantity.Rounded);
            Assert.Equal(210, row.Figures.ApprovedQuantity);
            Assert.Equal(60, row.Figures.SubmittedQuantity);
            Assert.Equal(((BigInteger)4110, (BigInteger)7), Exact(row.Figures.ShortfallQuantity));
            Assert.Equal("587.1429", row.Figures.ShortfallQuantity.Rounded);
            Assert.Equal(2634, row.Figures.DeliveredShareBp);
        }

        // February: nothing allocated (start 1 March), so the arrangement has no row at all.
        Assert.DoesNotContain(await AllRows(await Reports(Callers.HaStadse), 1, 2027, 2), r => r.ArrangementId == arrangement.Id);
        // April: 180 / 7 * 30 = 5400/7, no entries; the filters narrow the list.
        var stadse = await Reports(Callers.HaStadse);
        var april = Assert.Single(await AllRows(stadse, 1, 2027, 4, DemoIds.DeLinde), r => r.ArrangementId == arrangement.Id);
        Assert.Equal(((BigInteger)5400, (BigInteger)7), Exact(april.Figures.AllocatedQuantity));
        Assert.Equal(0, april.Figures.DeliveredShareBp);
        var shortfallOnly = await stadse.ListArrangementVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3, OnlyShortfall = true, PageSize = 500, ExecutorProviderId = DemoIds.DeLinde });
        Assert.All(shortfallOnly.Rows, r => Assert.NotEqual("0", r.Figures.ShortfallQuantity.Numerator));
        var dagbesteding = await stadse.ListArrangementVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3, Product = Product.Dagbesteding, PageSize = 500 });
        Assert.All(dagbesteding.Rows, r => Assert.Equal(Product.Dagbesteding, r.Product));
        Assert.DoesNotContain(dagbesteding.Rows, r => r.ArrangementId == arrangement.Id);
    }

    [Fact]
    public async Task Provider_and_product_volumes_split_an_arrangement_at_the_executor_change()
    {
        hosts.RequireAvailable();
        var stadse = await Reports(Callers.HaStadse);
        var providersBefore = (await stadse.ListProviderVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).Rows;
        var productsBefore = (await stadse.ListProductVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).Rows;

        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var delindeEntries = await Report(Callers.OaDeLinde, arrangement, (2, 100), (9, 50));
        var own = AccessProcessScenario.Decision(SupportType.Basis).Terms;
        own.Volume = 120;
        await (await _s.Arrangements(Callers.HaStadse)).ChangeArrangementTermsAsync(new()
        { ArrangementId = arrangement.Id, EffectiveFrom = Date(2027, 3, 16), Terms = own, Note = "Eigen medewerker neemt over" });
        var ownEntries = await Report(Callers.HaStadse, arrangement, (20, 30));
        var stadseHours = await _s.Hours(Callers.HaStadse);
        await stadseHours.ApproveHourEntriesAsync(new() { HourEntryIds = { delindeEntries[0].Id, ownEntries[0].Id } });

        // De Linde executes 1-15 March: 180/7 * 15 = 2700/7; approved 100, submitted 50; shortfall 2700/7 - 100 = 2000/7.
        // Own staff 16-31 March: 120/7 * 16 = 1920/7; approved 30; shortfall 1920/7 - 30 = 1710/7.
        var providersAfter = (await stadse.ListProviderVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).Rows;
        ProviderVolumeRow Find(IEnumerable<ProviderVolumeRow> rows, string provider) =>
            rows.SingleOrDefault(r => r.ExecutorProviderId == provider && r.Product == Product.Begeleiding && r.Unit == Unit.Hour)
            ?? new ProviderVolumeRow { Figures = new() { AllocatedQuantity = new() { Numerator = "0", Denominator = "1" }, ShortfallQuantity = new() { Numerator = "0", Denominator = "1" } } };
        void AssertDelta(string provider, ExecutorKind kind, (BigInteger, BigInteger) allocated, long approved, long submitted, (BigInteger, BigInteger) shortfall)
        {
            var before = Find(providersBefore, provider);
            var after = Find(providersAfter, provider);
            Assert.Equal(kind, after.ExecutorKind);
            Assert.Equal(1, after.ArrangementCount - before.ArrangementCount);
            Assert.Equal(allocated, Minus(Exact(after.Figures.AllocatedQuantity), Exact(before.Figures.AllocatedQuantity)));
            Assert.Equal(approved, after.Figures.ApprovedQuantity - before.Figures.ApprovedQuantity);
            Assert.Equal(submitted, after.Figures.SubmittedQuantity - before.Figures.SubmittedQuantity);
            Assert.Equal(shortfall, Minus(Exact(after.Figures.ShortfallQuantity), Exact(before.Figures.ShortfallQuantity)));
        }
        AssertDelta(DemoIds.DeLinde, ExecutorKind.Onderaannemer, (2700, 7), 100, 50, (2000, 7));
        AssertDelta(DemoIds.StadseZorg, ExecutorKind.Hoofdaanbieder, (1920, 7), 30, 0, (1710, 7));
        Assert.Equal(ExecutorKind.Hoofdaanbieder, providersAfter[0].ExecutorKind);

        // Per product: one more basis arrangement; 4620/7 = 660 allocated, 130 approved, shortfall per slice 2000/7 + 1710/7 = 530.
        var productsAfter = (await stadse.ListProductVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).Rows;
        var pBefore = productsBefore.SingleOrDefault(r => r.Product == Product.Begeleiding && r.Unit == Unit.Hour);
        var pAfter = productsAfter.Single(r => r.Product == Product.Begeleiding && r.Unit == Unit.Hour);
        Assert.Equal(1, pAfter.ArrangementCount - (pBefore?.ArrangementCount ?? 0));
        Assert.Equal(1, pAfter.BasisArrangementCount - (pBefore?.BasisArrangementCount ?? 0));
        var allocatedBefore = pBefore is null ? ((BigInteger)0, (BigInteger)1) : Exact(pBefore.Figures.AllocatedQuantity);
        var shortfallBefore = pBefore is null ? ((BigInteger)0, (BigInteger)1) : Exact(pBefore.Figures.ShortfallQuantity);
        Assert.Equal(((BigInteger)660, (BigInteger)1), Minus(Exact(pAfter.Figures.AllocatedQuantity), allocatedBefore));
        Assert.Equal(130, pAfter.Figures.ApprovedQuantity - (pBefore?.Figures.ApprovedQuantity ?? 0));
        Assert.Equal(((BigInteger)530, (BigInteger)1), Minus(Exact(pAfter.Figures.ShortfallQuantity), shortfallBefore));
        Assert.Equal(productsAfter.OrderBy(r => (int)r.Product).ThenBy(r => (int)r.Unit).ToList(), productsAfter.ToList());

        // The hoofdaanbieder's row shows the whole arrangement and the executor at month end (own staff);
        // De Linde's row shows only the part it executed and reported.
        var whole = Assert.Single(await AllRows(stadse, 1, 2027, 3), r => r.ArrangementId == arrangement.Id);
        Assert.Equal(((BigInteger)660, (BigInteger)1), Exact(whole.Figures.AllocatedQuantity));
        Assert.Equal(130, whole.Figures.ApprovedQuantity);
        Assert.Equal(ExecutorKind.Hoofdaanbieder, whole.ExecutorKind);
        Assert.Equal(DemoIds.StadseZorg, whole.ExecutorProviderId);
        var part = Assert.Single(await AllRows(await Reports(Callers.OaDeLinde), 1, 2027, 3), r => r.ArrangementId == arrangement.Id);
        Assert.Equal(((BigInteger)2700, (BigInteger)7), Exact(part.Figures.AllocatedQuantity));
        Assert.Equal(100, part.Figures.ApprovedQuantity);
        Assert.Equal(50, part.Figures.SubmittedQuantity);
        // In April only own staff executes: De Linde has no row for it any more.
        Assert.DoesNotContain(await AllRows(await Reports(Callers.OaDeLinde), 1, 2027, 4), r => r.ArrangementId == arrangement.Id);
    }

    [Fact]
    public async Task An_onderaannemer_of_two_hoofdaanbieders_sees_only_its_own_volumes()
    {
        hosts.RequireAvailable();
        var (stadseArrangement, _) = await _s.ActiveExecutedBy(1);
        var (oostArrangement, _) = await _s.ActiveExecutedBy(3);
        var (atelierArrangement, _) = await _s.ActiveExecutedBy(1, Callers.OaAtelier);
        await Report(Callers.OaDeLinde, stadseArrangement, (4, 60));
        await Report(Callers.OaAtelier, atelierArrangement, (4, 60));

        var delinde = await Reports(Callers.OaDeLinde);
        var area1 = await AllRows(delinde, 1, 2027, 3);
        Assert.Contains(area1, r => r.ArrangementId == stadseArrangement.Id);
        Assert.DoesNotContain(area1, r => r.ArrangementId == atelierArrangement.Id);
        Assert.Contains(await AllRows(delinde, 3, 2027, 3), r => r.ArrangementId == oostArrangement.Id);
        var providers = (await delinde.ListProviderVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).Rows;
        Assert.NotEmpty(providers);
        Assert.All(providers, r => Assert.Equal(DemoIds.DeLinde, r.ExecutorProviderId));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await delinde.ListProductVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await delinde.GetAreaSharesAsync(new() { AreaId = 1 }));

        var atelier = await Reports(Callers.OaAtelier);
        var atelierRows = await AllRows(atelier, 1, 2027, 3);
        Assert.Contains(atelierRows, r => r.ArrangementId == atelierArrangement.Id);
        Assert.DoesNotContain(atelierRows, r => r.ArrangementId == stadseArrangement.Id);
        Assert.All((await atelier.ListProviderVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).Rows,
            r => Assert.NotEqual(DemoIds.DeLinde, r.ExecutorProviderId));

        // The hoofdaanbieders: Stadse sees both of its arrangements, none of Oost's; Oost may not ask for area 1.
        var stadseRows = await AllRows(await Reports(Callers.HaStadse), 1, 2027, 3);
        Assert.Contains(stadseRows, r => r.ArrangementId == stadseArrangement.Id);
        Assert.Contains(stadseRows, r => r.ArrangementId == atelierArrangement.Id);
        Assert.DoesNotContain(await AllRows(await Reports(Callers.HaOost), 3, 2027, 3), r => r.ArrangementId == stadseArrangement.Id);
        var oost = await Reports(Callers.HaOost);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await oost.ListArrangementVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 3 }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await oost.GetAreaSharesAsync(new() { AreaId = 1, Date = Date(2027, 6, 15) }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await (await Reports(Callers.Wij)).GetAreaSharesAsync(new() { AreaId = 1 }));
    }

    [Fact]
    public async Task Area_shares_count_basis_initiative_and_aanvullend_clients()
    {
        hosts.RequireAvailable();
        var stadse = await Reports(Callers.HaStadse);
        var date = Date(2027, 6, 15);
        var before = (await stadse.GetAreaSharesAsync(new() { AreaId = 1, Date = date })).AreaShares;

        var ha = await _s.Arrangements(Callers.HaStadse);
        async Task<SupportArrangement> Started(ArrangementDecision decision)
        {
            var referral = await _s.Accepted(1);
            var created = (await ha.CreateArrangementAsync(new()
            { RequestId = $"test-{Guid.NewGuid():N}", ClientId = referral.ClientId, EntryChannel = EntryChannel.WijReferral, ReferralId = referral.Id })).Arrangement;
            var decided = (await ha.DecideArrangementAsync(new() { ArrangementId = created.Id, Decision = decision })).Arrangement;
            if (decision.SupportType == SupportType.Aanvullend)
            {
                await (await _s.Arrangements(Callers.Wij)).ApproveArrangementAsync(new() { ArrangementId = decided.Id });
                await (await _s.Arrangements(Callers.Gemeente)).RecordBeschikkingAsync(new()
                { ArrangementId = decided.Id, BeschikkingNumber = $"WMO-{Next()}", DecisionDate = Date(2026, 11, 1) });
            }
            return (await ha.StartArrangementAsync(new() { ArrangementId = decided.Id })).Arrangement;
        }
        // A basis client, a basis client through an initiative, and an aanvullend client (1 March - 31 December).
        await Started(AccessProcessScenario.Decision(SupportType.Basis));
        await Started(AccessProcessScenario.Decision(SupportType.Basis, viaInitiative: true));
        await Started(AccessProcessScenario.Decision(SupportType.Aanvullend));
        // One that ends before the date does not count.
        var ended = await Started(AccessProcessScenario.Decision(SupportType.Basis));
        await ha.EndArrangementAsync(new() { ArrangementId = ended.Id, EndDate = Date(2027, 5, 31), Reason = ArrangementEndReason.GoalsReached });

        var after = (await stadse.GetAreaSharesAsync(new() { AreaId = 1, Date = date })).AreaShares;
        Assert.Equal(2027, after.Year);
        Assert.False(after.IsYearEnd);
        Assert.Equal(date, after.Date);
        Assert.Equal(3, after.BasisShare.Denominator - before.BasisShare.Denominator);
        Assert.Equal(2, after.BasisShare.Numerator - before.BasisShare.Numerator);
        Assert.Equal(2, after.InitiativeShare.Denominator - before.InitiativeShare.Denominator);
        Assert.Equal(1, after.InitiativeShare.Numerator - before.InitiativeShare.Numerator);
        Assert.Equal(after.BasisShare.Numerator, after.InitiativeShare.Denominator);
        Assert.Equal(1500, after.BasisShare.TargetBp);
        Assert.Equal(1500, after.InitiativeShare.TargetBp);
        foreach (var share in new[] { after.BasisShare, after.InitiativeShare })
        {
            Assert.True(share.Denominator > 0);
            Assert.Equal((int)Math.Round(share.Numerator * 10_000m / share.Denominator, MidpointRounding.AwayFromZero), share.ShareBp);
            Assert.Equal((long)share.Numerator * 10_000 >= (long)share.TargetBp * share.Denominator ? TargetStatus.Met : TargetStatus.Missed, share.Status);
        }

        // The gemeente sees the same figures (audited); year-end and year targets; validation.
        var gemeente = await Reports(Callers.Gemeente);
        Assert.Equal(after.BasisShare, (await gemeente.GetAreaSharesAsync(new() { AreaId = 1, Date = date })).AreaShares.BasisShare);
        var yearEnd = (await gemeente.GetAreaSharesAsync(new() { AreaId = 1, Date = Date(2027, 12, 31) })).AreaShares;
        Assert.True(yearEnd.IsYearEnd);
        var today = (await stadse.GetAreaSharesAsync(new() { AreaId = 1 })).AreaShares;
        Assert.Equal(Date(2028, 1, 15), today.Date);
        Assert.Equal(3000, today.BasisShare.TargetBp);
        await RpcAssert.InvalidFields(async () => await stadse.GetAreaSharesAsync(new() { AreaId = 5, Date = Date(2028, 1, 16) }), "area_id", "date");
        await RpcAssert.InvalidFields(async () => await stadse.GetAreaSharesAsync(new() { AreaId = 1, Date = new Google.Type.Date { Year = 2027, Month = 2, Day = 30 } }), "date");
    }

    [Fact]
    public async Task Every_request_field_is_validated()
    {
        hosts.RequireAvailable();
        var stadse = await Reports(Callers.HaStadse);
        await RpcAssert.InvalidFields(async () => await stadse.ListArrangementVolumesAsync(new()
        { AreaId = 0, Year = 1999, PageSize = 501, PageToken = "nope", ExecutorProviderId = "x" }),
            "area_id", "year", "month", "page_size", "page_token", "executor_provider_id");
        // A month past 12 or an enum value the contract does not define is refused by the request's shape, before the RPC's own rules.
        await RpcAssert.InvalidFields(async () => await stadse.ListArrangementVolumesAsync(new() { AreaId = 1, Year = 2027, Month = 13, Product = (Product)99 }),
            "month", "product");
        await RpcAssert.InvalidFields(async () => await stadse.ListProviderVolumesAsync(new() { AreaId = 5, Year = 2101, Month = 0 }), "area_id", "year", "month");
        await RpcAssert.InvalidFields(async () => await stadse.ListProductVolumesAsync(new() { AreaId = -1, Year = 0, Month = -1 }), "area_id", "month");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReportingFlowTests(SqliteHosts hosts) : ReportingFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReportingFlowTests(PostgresHosts hosts) : ReportingFlowTests(hosts);
