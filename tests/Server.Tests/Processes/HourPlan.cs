using GonPortal.Contracts.V1;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// N valid hour entries over the hour-unit arrangements the reporter executes in 2027, at most six of
/// 15 minutes per arrangement-day (well under 24 hours per client-day), keyed "<paramref name="prefix"/>-i";
/// every 100th entry is dated 2099 and so rejected, so acknowledgements carry rejections too.
/// </summary>
public static class HourPlan
{
    public static async Task<List<HourEntryInput>> BuildAsync(SupportArrangementService.SupportArrangementServiceClient arrangements, string reporterId, string prefix, int total)
    {
        var days = new List<(SupportArrangement A, DateOnly Date)>();
        var token = "";
        do
        {
            var page = await arrangements.ListArrangementsAsync(new ListArrangementsRequest { PageSize = 500, PageToken = token, State = ArrangementState.Active });
            foreach (var a in page.Arrangements.Where(a => a.Unit == Unit.Hour))
            {
                foreach (var v in a.Versions.Where(v => v.Terms.ExecutorProviderId == reporterId))
                {
                    var from = Max(Max(ToDate(a.StartDate) ?? DateOnly.MinValue, ToDate(v.EffectiveFrom)!.Value), new DateOnly(2027, 1, 1));
                    var to = Min(Min(ToDate(a.EndDate) ?? DateOnly.MaxValue, ToDate(v.EffectiveTo) ?? DateOnly.MaxValue), new DateOnly(2027, 12, 31));
                    for (var d = from; d <= to; d = d.AddDays(1))
                    {
                        days.Add((a, d));
                    }
                }
            }
            token = page.NextPageToken;
        }
        while (token != "");
        Assert.True(days.Count * 6 >= total, $"only {days.Count * 6} entries fit the demo arrangements");
        return Enumerable.Range(0, total).Select(i =>
        {
            var (a, date) = days[i % days.Count];
            return new HourEntryInput
            {
                EntryKey = $"{prefix}-{i}",
                ArrangementId = a.Id,
                ServiceDate = i % 100 == 99 ? new Google.Type.Date { Year = 2099, Month = 1, Day = 1 } : new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day },
                Product = a.Product,
                Unit = Unit.Hour,
                Quantity = 15,
            };
        }).ToList();
    }

    /// <summary>Entries of the plan that are valid (all but the 2099 ones).</summary>
    public static int Valid(IEnumerable<HourEntryInput> plan) => plan.Count(e => e.ServiceDate.Year != 2099);

    private static DateOnly? ToDate(Google.Type.Date? d) => d is null || d.Year == 0 ? null : new DateOnly(d.Year, d.Month, d.Day);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
