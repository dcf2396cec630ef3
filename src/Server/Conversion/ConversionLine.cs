using System.Globalization;
using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using C = GonPortal.Server.Conversion.ConversionColumns;

namespace GonPortal.Server.Conversion;

/// <summary>
/// One line of a conversion file read into typed values. A cell that cannot be read (a date that is
/// no date, an unknown product) becomes the line's <see cref="Refusal"/>; an empty required cell stays
/// null and is reported by the domain's checks, as a missing value.
/// </summary>
public sealed class ConversionLine
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly string[] DateFormats = ["d-M-yyyy", "dd-MM-yyyy", "yyyy-MM-dd"];

    private ConversionLine(ConversionRow row) => Row = row;

    public ConversionRow Row { get; }
    public int Line => Row.Line;
    public string SourceReference => Row.Cell(C.SourceReference);
    public string Bsn => Row.Cell(C.Bsn);
    public int AreaId { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public SupportType? SupportType { get; private set; }
    public Product? Product { get; private set; }
    public Unit? Unit { get; private set; }
    public int Volume { get; private set; }
    public VolumeFrequency? Frequency { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public DateOnly? BeschikkingDecisionDate { get; private set; }
    public DateOnly? BeschikkingValidFrom { get; private set; }
    public DateOnly? BeschikkingValidTo { get; private set; }
    public string ExecutorKvk => Row.Cell(C.ExecutorKvk).Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);

    /// <summary>The first problem found with this line; null while it is fine.</summary>
    public ConversionRefusal? Refusal { get; private set; }

    public bool Refused => Refusal is not null;

    public void Refuse(ConversionProblem problem, string column, string description) => Refusal ??= new ConversionRefusal(problem, column, description);

    /// <summary>Refuses for a domain violation: a missing value when the cell was empty, else the problem the field and description name.</summary>
    public void Refuse(Domain.Common.FieldViolation violation)
    {
        var column = ConversionColumns.ForField(violation.Field);
        var empty = column.Length > 0 && Row.Cell(column).Length == 0;
        var problem = violation.Field switch
        {
            "bsn" when !empty => ConversionProblem.InvalidBsn,
            "beschikking_number" when violation.Description.StartsWith("basis", StringComparison.Ordinal) => ConversionProblem.BeschikkingNotAllowed,
            "beschikking_number" or "beschikking_decision_date" when empty => ConversionProblem.BeschikkingRequired,
            "terms.subcontract_id" => ConversionProblem.NoConsentedSubcontract,
            _ when empty => ConversionProblem.MissingValue,
            _ => ConversionProblem.InvalidValue,
        };
        Refuse(problem, column, $"{violation.Field} {violation.Description}");
    }

    public ClientRegistration Registration(Guid ownerId, DateOnly today) => new(AreaId, Bsn, Optional(C.GivenNames), Optional(C.Initials),
        Optional(C.SurnamePrefix), Optional(C.Surname), DateOfBirth, Optional(C.Postcode), null, ownerId, CallerHoldsArea: true, today);

    public ConversionInput Input(TermsInput terms, DateOnly today) => new(SourceReference, SupportType, Product, Unit, terms, StartDate, EndDate,
        Optional(C.BeschikkingNumber), BeschikkingDecisionDate, BeschikkingValidFrom, BeschikkingValidTo, today);

    /// <summary>The client's details as one comparable key: lines of one BSN must agree on them.</summary>
    public string ClientKey => string.Join('|', AreaId, DateOfBirth, Fold(C.Surname), Fold(C.SurnamePrefix), Fold(C.Initials), Fold(C.GivenNames),
        Postcode.Normalise(Optional(C.Postcode)) ?? Fold(C.Postcode));

    public static ConversionLine Read(ConversionRow row)
    {
        var line = new ConversionLine(row);
        line.AreaId = line.Parse(C.Area, ParseArea) ?? 0;
        line.DateOfBirth = line.Parse(C.DateOfBirth, ParseDate);
        line.SupportType = line.Parse(C.SupportType, ParseSupportType);
        line.Product = line.Parse(C.Product, ParseProduct);
        line.Unit = line.Parse(C.Unit, ParseUnit);
        line.Frequency = line.Parse(C.Frequency, ParseFrequency);
        line.StartDate = line.Parse(C.StartDate, ParseDate);
        line.EndDate = line.Parse(C.EndDate, ParseDate);
        line.BeschikkingDecisionDate = line.Parse(C.BeschikkingDecisionDate, ParseDate);
        line.BeschikkingValidFrom = line.Parse(C.BeschikkingValidFrom, ParseDate);
        line.BeschikkingValidTo = line.Parse(C.BeschikkingValidTo, ParseDate);
        line.Volume = line.Parse(C.Volume, v => ParseVolume(v, line.Unit)) ?? 0;
        var kvk = line.ExecutorKvk;
        if (kvk.Length > 0 && !Domain.Providers.KvkNumber.IsValid(kvk))
        {
            line.Refuse(ConversionProblem.InvalidValue, C.ExecutorKvk, "must be a KvK number of 8 digits");
        }
        return line;
    }

    private T? Parse<T>(string column, Func<string, T?> parse) where T : struct
    {
        var raw = Row.Cell(column);
        if (raw.Length == 0)
        {
            return null;
        }
        var value = parse(raw);
        if (value is null)
        {
            Refuse(ConversionProblem.InvalidValue, column, $"'{column}' cannot be read");
        }
        return value;
    }

    private string? Optional(string column) => Row.Cell(column) is { Length: > 0 } value ? value : null;

    private string Fold(string column) => Client.Fold(Row.Cell(column));

    private static DateOnly? ParseDate(string raw) =>
        DateOnly.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static int? ParseArea(string raw)
    {
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Areas.Exists(id) ? id : null;
        }
        var folded = Client.Fold(raw);
        return Areas.All.FirstOrDefault(a => Client.Fold(a.Name) == folded || a.Code == folded)?.Id;
    }

    private static SupportType? ParseSupportType(string raw) => Client.Fold(raw) switch
    {
        "basis" => Domain.Arrangements.SupportType.Basis,
        "aanvullend" => Domain.Arrangements.SupportType.Aanvullend,
        _ => null,
    };

    private static Product? ParseProduct(string raw)
    {
        var folded = Client.Fold(raw);
        return Products.All.FirstOrDefault(p => Client.Fold(p.Name) == folded || p.IwmoCode == folded)?.Product;
    }

    private static Unit? ParseUnit(string raw) => Client.Fold(raw) switch
    {
        "uur" or "uren" => Domain.Reference.Unit.Hour,
        "dagdeel" or "dagdelen" => Domain.Reference.Unit.Dagdeel,
        "etmaal" or "etmalen" => Domain.Reference.Unit.Etmaal,
        _ => null,
    };

    private static VolumeFrequency? ParseFrequency(string raw) => Client.Fold(raw) switch
    {
        "week" or "per week" => VolumeFrequency.PerWeek,
        "maand" or "per maand" => VolumeFrequency.PerMonth,
        "totaal" => VolumeFrequency.Total,
        _ => null,
    };

    /// <summary>Hours as people write them ("1,5") become minutes; dagdelen and etmalen are whole numbers.</summary>
    private static int? ParseVolume(string raw, Unit? unit)
    {
        if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Dutch, out var value) || value <= 0)
        {
            return null;
        }
        var inUnit = unit == Domain.Reference.Unit.Hour ? value * 60 : value;
        return inUnit == decimal.Truncate(inUnit) && inUnit <= Arrangement.MaxVolume ? (int)inUnit : null;
    }
}
