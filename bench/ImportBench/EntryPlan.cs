using GonPortal.Contracts.V1;

namespace GonPortal.ImportBench;

/// <summary>
/// Builds N valid hour entries over the hour-unit arrangements the reporter executes in 2027, at
/// most 6 × 15 minutes per arrangement-day (well under 24 hours per client-day), with every 100th
/// entry dated in 2099 so the rejection path is measured too.
/// </summary>
internal static class EntryPlan
{
    public static async Task<List<HourEntryInput>> BuildAsync(SupportArrangementService.SupportArrangementServiceClient arrangements, string reporterId, int total)
    {
        var windows = new List<(SupportArrangement A, DateOnly From, DateOnly To)>();
        var token = "";
        do
        {
            var page = await arrangements.ListArrangementsAsync(new ListArrangementsRequest { PageSize = 500, PageToken = token, State = ArrangementState.Active });
            foreach (var a in page.Arrangements.Where(a => a.Unit == Unit.Hour))
            {
                var start = ToDate(a.StartDate) ?? DateOnly.MinValue;
                var end = ToDate(a.EndDate) ?? DateOnly.MaxValue;
                foreach (var v in a.Versions.Where(v => v.Terms.ExecutorProviderId == reporterId))
                {
                    var from = Max(Max(start, ToDate(v.EffectiveFrom)!.Value), new DateOnly(2027, 1, 1));
                    var to = Min(Min(end, ToDate(v.EffectiveTo) ?? DateOnly.MaxValue), new DateOnly(2027, 12, 31));
                    if (from <= to)
                    {
                        windows.Add((a, from, to));
                    }
                }
            }
            token = page.NextPageToken;
        }
        while (token != "");
        if (windows.Count == 0)
        {
            throw new InvalidOperationException("the reporter executes no active hour arrangement in 2027; check the demo data");
        }
        var days = windows.SelectMany(w => Enumerable.Range(0, w.To.DayNumber - w.From.DayNumber + 1).Select(d => (w.A, Date: w.From.AddDays(d)))).ToList();
        var result = new List<HourEntryInput>(total);
        for (var i = 0; i < total; i++)
        {
            var (a, date) = days[i % days.Count];
            var round = i / days.Count;
            if (round >= 6)
            {
                throw new InvalidOperationException($"only {days.Count * 6} entries fit the demo arrangements");
            }
            result.Add(new HourEntryInput
            {
                EntryKey = $"bench-{i}",
                ArrangementId = a.Id,
                ServiceDate = i % 100 == 99 ? new Google.Type.Date { Year = 2099, Month = 1, Day = 1 } : new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day },
                Product = a.Product,
                Unit = Unit.Hour,
                Quantity = 15,
                ActivityNote = round == 0 ? "Ondersteuning thuis" : "",
            });
        }
        return result;
    }

    private static DateOnly? ToDate(Google.Type.Date? d) => d is null || d.Year == 0 ? null : new DateOnly(d.Year, d.Month, d.Day);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
