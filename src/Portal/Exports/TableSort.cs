namespace GonPortal.Portal.Exports;

/// <summary>
/// Which column a table is sorted on and which way: a header button calls <see cref="Toggle"/>; the first click sorts
/// ascending, the next descending. Keys compare as their type does (dates as dates, money as numbers, names with the
/// Dutch order), never as their display text.
/// </summary>
public sealed class TableSort
{
    public string? Column { get; private set; }

    public bool Descending { get; private set; }

    public void Toggle(string column)
    {
        Descending = Column == column && !Descending;
        Column = column;
    }

    /// <summary>
    /// For a paged table the Server sorts: the column keys are the list's order_by fields, and this is the order_by to
    /// send ("name", "birth_date desc"); empty until a header was clicked, which leaves the Server's own order.
    /// </summary>
    public string OrderBy => Column is null ? "" : Descending ? $"{Column} desc" : Column;

    /// <summary>A table's caption: the one naming the Server's own order ("nieuwste eerst") until a header was clicked.</summary>
    public string Caption(string serverOrder, string chosenOrder) => Column is null ? serverOrder : chosenOrder;

    /// <summary>The value of the header's aria-sort attribute: only the sorted column says a direction.</summary>
    public string AriaSort(string column) => Column != column ? "none" : Descending ? "descending" : "ascending";

    /// <summary>Sorts the rows on the chosen column's key; unsorted rows keep the Server's order.</summary>
    public IReadOnlyList<T> Apply<T>(IReadOnlyList<T> rows, IReadOnlyDictionary<string, Func<T, object?>> keys)
    {
        if (Column is null || !keys.TryGetValue(Column, out var key))
        {
            return rows;
        }
        var comparer = Comparer<object?>.Create(Compare);
        return Descending ? rows.OrderByDescending(key, comparer).ToList() : rows.OrderBy(key, comparer).ToList();
    }

    /// <summary>Names compare as a Dutch reader expects ("é" with "e", case ignored), whatever the server's culture.</summary>
    private static readonly StringComparer Names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1, // empty cells last, either way round
        (_, null) => -1,
        (string x, string y) => Names.Compare(x, y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => Names.Compare(a.ToString(), b.ToString()),
    };
}
