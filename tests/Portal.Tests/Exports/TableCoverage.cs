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
    /// Paged tables: a click must sort on the Server, not the page on screen; done with the Server's order_by by the
    /// paged-table work of issue 16.
    /// </summary>
    public static readonly IReadOnlySet<string> Paged = new HashSet<string>
    {
        "Components/Pages/Wij/Approvals.razor",
        "Components/Pages/Wij/Referrals.razor",
        "Components/Pages/Hoofdaanbieder/IncomingReferrals.razor",
        "Components/Pages/Hoofdaanbieder/HourReview.razor",
        "Components/Pages/Gemeente/AuditTrail.razor",
        "Components/Pages/Gemeente/Beschikkingen.razor",
        "Components/Pages/Audit/ClientAccess.razor",
    };

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
