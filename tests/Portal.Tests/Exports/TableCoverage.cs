namespace GonPortal.Portal.Tests.Exports;

/// <summary>
/// Which portal tables may go without a sort header and a download, and why. Every other table sorts by each data
/// column and exports (issue 16 part 1); <see cref="TableSourceCoverageTests"/> and <c>TableCoverageFlowTests</c> fail on a
/// new table that does neither. A derivation may still download without sorting (<see cref="ExportOnly"/>).
/// </summary>
public static class TableCoverage
{
    /// <summary>Tables where sorting or downloading makes no sense for the person using them, by razor file.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoSortNoExport = new Dictionary<string, string>
    {
        ["Components/Pages/Onderaannemer/HourEntry.razor"] = "the week grid is a form: a row per client with an input per day",
        ["Components/Charts/BarChart.razor"] = "the figures under a chart are its text alternative, in the chart's order; the page's own table sorts and exports",
        ["Components/Budget/LumpsumCalculationView.razor"] = "the index chain is a derivation year after year: its order is the calculation",
        ["Components/Budget/BudgetPositionSection.razor"] = "the budget position is cumulative from January: sorted, the running totals lose their meaning",
        ["Components/Settlement/RevisionComparison.razor"] = "two revisions side by side, figure by figure, in the order of the calculation",
        ["Components/Pages/Gemeente/YearOverviewRowsTable.razor"] = "a holder's figures (onderdeel, waarde) in the order of the calculation; the page's download is the year-overview workbook, a sheet per area",
    };

    /// <summary>
    /// Paged tables sort on the Server (a header sends the list's order_by and page 1 reloads; the download follows the
    /// same order). These columns of paged tables have no Server order, by "razor file|text key", and why; every other
    /// header of a paged table is clicked in the browser by <c>PagedTableCoverageFlowTests</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PagedColumnsWithoutSort = new Dictionary<string, string>
    {
        ["Components/Pages/Wij/Approvals.razor|Volume"] = VolumeReason,
        ["Components/Pages/Gemeente/Beschikkingen.razor|Volume"] = VolumeReason,
        ["Components/Pages/Wij/Referrals.razor|Doelen"] = GoalsReason,
        ["Components/Pages/Wij/Referrals.razor|Uitkomst"] = "the referral's arrangements, each a product with its state: a list per row, not one value",
        ["Components/Pages/Hoofdaanbieder/IncomingReferrals.razor|Doelen"] = GoalsReason,
        ["Components/Pages/Hoofdaanbieder/IncomingReferrals.razor|Ontvangen.Geindiceerd"] = "the indicated products are a list per referral, not one value",
        ["Components/Pages/Hoofdaanbieder/HourReview.razor|UrenReview.Lopend"] =
            "the running total is worked out on screen per arrangement and month from the page's rows, not a figure the Server stores",
    };

    private const string VolumeReason =
        "volumes in different units and frequencies (uren per week, dagdelen per maand) have no one order; the download carries them";

    private const string GoalsReason = "the support goals are a list per referral, not one value";

    /// <summary>
    /// Tables that download but do not sort, by razor file: their order is the content (a derivation read top to bottom),
    /// yet a controller wants the figures in a spreadsheet.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExportOnly = new Dictionary<string, string>
    {
        ["Components/Settlement/FigureTable.razor"] = "a settlement's figures in the order of the calculation, each built on the ones above it; the download holds them in that order, money as amounts",
    };

    /// <summary>Column headers that name no data (buttons, links) and so have nothing to sort by.</summary>
    public static readonly IReadOnlySet<string> ActionHeaders = new HashSet<string> { "Acties", "Revisies" };
}
