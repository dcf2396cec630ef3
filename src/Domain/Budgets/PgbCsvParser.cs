using System.Globalization;
using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// Parses and validates a PGB CSV file (budgets.proto ImportPgbCsv) without touching storage: it
/// reports every invalid row, so the gemeente fixes a file in one round. What needs the database
/// (does an area contract exist, which rows replace stored values) is the caller's part.
/// </summary>
public static class PgbCsvParser
{
    /// <summary>Errors listed at most; a file full of errors needs no 50,000-line answer.</summary>
    public const int MaxErrors = 1000;

    public static IReadOnlyList<string> Columns(PgbCsvKind kind) => kind switch
    {
        PgbCsvKind.MonthlyCounts => ["area_id", "year", "month", "client_count"],
        PgbCsvKind.AverageCosts => ["area_id", "year", "average_cost_cents"],
        _ => ["area_contract_id", "reference_date", "client_count"],
    };

    /// <param name="today">Today in Europe/Amsterdam: a monthly count is only accepted for a month that has ended.</param>
    public static PgbCsvFile Parse(PgbCsvKind kind, ReadOnlySpan<byte> bytes, DateOnly today)
    {
        var text = PgbCsvText.Decode(bytes, out var problem);
        if (text is null)
        {
            return Failed(kind, 0, [new PgbCsvError(1, "", problem!)]);
        }
        var separator = PgbCsvText.Separator(text);
        var records = PgbCsvText.Records(text, separator);
        var columns = Columns(kind);
        var names = records.Count > 0 && records[0].Line == 1 ? records[0].Fields.Select(n => n.Trim().ToLowerInvariant()).ToList() : [];
        if (!names.SequenceEqual(columns))
        {
            return Failed(kind, 0, [new PgbCsvError(1, "", $"the header must be {string.Join(separator, columns)}")]);
        }

        var reader = new RowReader(kind, columns, today);
        var rowCount = 0;
        foreach (var record in records.Skip(1))
        {
            rowCount++;
            reader.Read(record.Line, record.Fields);
        }
        if (rowCount == 0)
        {
            reader.Errors.Add(new PgbCsvError(1, "", "the file has a header but no rows"));
        }
        var errors = reader.Errors.OrderBy(e => e.Line).Take(MaxErrors).ToList();
        return errors.Count > 0
            ? Failed(kind, rowCount, errors)
            : new PgbCsvFile(kind, rowCount, reader.Counts, reader.Costs, reader.Baselines, []);
    }

    private static PgbCsvFile Failed(PgbCsvKind kind, int rowCount, IReadOnlyList<PgbCsvError> errors) =>
        new(kind, rowCount, [], [], [], errors);

    /// <summary>Validates rows one by one and remembers the keys seen, for duplicates.</summary>
    private sealed class RowReader(PgbCsvKind kind, IReadOnlyList<string> columns, DateOnly today)
    {
        private readonly Dictionary<string, int> _keys = [];

        public List<PgbCsvError> Errors { get; } = [];
        public List<PgbCountRow> Counts { get; } = [];
        public List<PgbCostRow> Costs { get; } = [];
        public List<PgbBaselineRow> Baselines { get; } = [];

        public void Read(int line, IReadOnlyList<string> fields)
        {
            if (fields.Count != columns.Count)
            {
                Errors.Add(new PgbCsvError(line, "", $"has {fields.Count} fields; expected {columns.Count} ({string.Join(",", columns)})"));
                return;
            }
            var values = fields.Select(f => f.Trim()).ToArray();
            var before = Errors.Count;
            switch (kind)
            {
                case PgbCsvKind.MonthlyCounts:
                    ReadCount(line, values, before);
                    break;
                case PgbCsvKind.AverageCosts:
                    ReadCost(line, values, before);
                    break;
                default:
                    ReadBaseline(line, values, before);
                    break;
            }
        }

        private void ReadCount(int line, string[] f, int before)
        {
            var area = Area(line, f[0]);
            var year = Year(line, f[1]);
            var month = Int(line, "month", f[2], 1, 12, "is not 1-12");
            var count = Int(line, "client_count", f[3], 0, int.MaxValue, "must be 0 or more");
            if (year is { } y && month is { } m && new DateOnly(y, m, 1).AddMonths(1) > today)
            {
                Errors.Add(new PgbCsvError(line, "month", $"{y}-{m:D2} has not ended yet"));
            }
            if (Errors.Count == before && Unique(line, $"{area}/{year}/{month}", $"area {area}, {year}-{month:D2}"))
            {
                Counts.Add(new PgbCountRow(line, area!.Value, year!.Value, month!.Value, count!.Value));
            }
        }

        private void ReadCost(int line, string[] f, int before)
        {
            var area = Area(line, f[0]);
            var year = Year(line, f[1]);
            var cost = Long(line, "average_cost_cents", f[2], 0, BudgetLimits.MaxLumpsumCents, $"must be 0-{BudgetLimits.MaxLumpsumCents} euro cents");
            if (Errors.Count == before && Unique(line, $"{area}/{year}", $"area {area}, {year}"))
            {
                Costs.Add(new PgbCostRow(line, area!.Value, year!.Value, cost!.Value));
            }
        }

        private void ReadBaseline(int line, string[] f, int before)
        {
            Guid? contract = Guid.TryParse(f[0], out var id) ? id : null;
            if (contract is null)
            {
                Errors.Add(new PgbCsvError(line, "area_contract_id", $"'{Shorten(f[0])}' is not a UUID"));
            }
            DateOnly? date = DateOnly.TryParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (date is null)
            {
                Errors.Add(new PgbCsvError(line, "reference_date", $"'{Shorten(f[1])}' is not a date YYYY-MM-DD"));
            }
            var count = Int(line, "client_count", f[2], 0, int.MaxValue, "must be 0 or more");
            if (Errors.Count == before && Unique(line, contract!.Value.ToString(), $"area contract {contract}"))
            {
                Baselines.Add(new PgbBaselineRow(line, contract.Value, date!.Value, count!.Value));
            }
        }

        private bool Unique(int line, string key, string described)
        {
            if (_keys.TryGetValue(key, out var first))
            {
                Errors.Add(new PgbCsvError(line, "", $"{described} is also on line {first}; each key may appear once"));
                return false;
            }
            _keys[key] = line;
            return true;
        }

        private int? Area(int line, string raw) => Int(line, "area_id", raw, Areas.All.Min(a => a.Id), Areas.All.Max(a => a.Id), "is not an area id 1-4");

        private int? Year(int line, string raw) =>
            Int(line, "year", raw, BudgetLimits.MinYear, BudgetLimits.MaxYear, $"is not a year {BudgetLimits.MinYear}-{BudgetLimits.MaxYear}");

        private int? Int(int line, string column, string raw, int min, int max, string rangeMessage) =>
            Long(line, column, raw, min, max, rangeMessage) is { } v ? (int)v : null;

        private long? Long(int line, string column, string raw, long min, long max, string rangeMessage)
        {
            if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Errors.Add(new PgbCsvError(line, column, $"'{Shorten(raw)}' is not a whole number"));
                return null;
            }
            if (value < min || value > max)
            {
                Errors.Add(new PgbCsvError(line, column, $"{column} {value} {rangeMessage}"));
                return null;
            }
            return value;
        }

        /// <summary>Echoes at most 40 characters of a bad value, so an error list stays readable.</summary>
        private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
