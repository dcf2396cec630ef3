using Google.Protobuf.WellKnownTypes;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Grpc;

/// <summary>Conversions between wire types and domain types; invalid input becomes a field violation.</summary>
public static class ProtoConvert
{
    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    public static Timestamp? ToProto(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    /// <summary>Unset gives null; a set but impossible date (e.g. 2027-02-30) adds a violation and gives null.</summary>
    public static DateOnly? ToDate(Violations v, string field, Google.Type.Date? date)
    {
        if (date is null)
        {
            return null;
        }
        var result = TryToDate(date);
        if (result is null)
        {
            v.Add(field, "is not a valid calendar date");
        }
        return result;
    }

    /// <summary>The date, or null when unset or impossible; for callers that report the problem themselves.</summary>
    public static DateOnly? TryToDate(Google.Type.Date? date) =>
        date is { Year: >= 1 and <= 9999, Month: >= 1 and <= 12 } d && d.Day >= 1 && d.Day <= DateTime.DaysInMonth(d.Year, d.Month)
            ? new DateOnly(d.Year, d.Month, d.Day)
            : null;

    /// <summary>An id field: null when empty or not a UUID (with a violation when <paramref name="required"/>).</summary>
    public static Guid? ToId(Violations v, string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                v.Add(field, "is required");
            }
            return null;
        }
        if (!Guid.TryParse(value, out var id))
        {
            v.Add(field, "must be a UUID");
            return null;
        }
        return id;
    }

    public static Product? ToDomain(V1.Product p) => p switch
    {
        V1.Product.Begeleiding => Product.Begeleiding,
        V1.Product.Dagbesteding => Product.Dagbesteding,
        V1.Product.KortdurendVerblijf => Product.KortdurendVerblijf,
        _ => null,
    };

    public static V1.Product ToProto(Product p) => p switch
    {
        Product.Begeleiding => V1.Product.Begeleiding,
        Product.Dagbesteding => V1.Product.Dagbesteding,
        _ => V1.Product.KortdurendVerblijf,
    };

    public static Unit? ToDomain(V1.Unit u) => u switch
    {
        V1.Unit.Hour => Unit.Hour,
        V1.Unit.Dagdeel => Unit.Dagdeel,
        V1.Unit.Etmaal => Unit.Etmaal,
        _ => null,
    };

    public static V1.Unit ToProto(Unit u) => u switch
    {
        Unit.Hour => V1.Unit.Hour,
        Unit.Dagdeel => V1.Unit.Dagdeel,
        _ => V1.Unit.Etmaal,
    };

    public static V1.Role ToProtoRole(string role) => role switch
    {
        HostContracts.GonRoles.Hoofdaanbieder => V1.Role.Hoofdaanbieder,
        HostContracts.GonRoles.Onderaannemer => V1.Role.Onderaannemer,
        HostContracts.GonRoles.Gemeente => V1.Role.Gemeente,
        HostContracts.GonRoles.Wij => V1.Role.Wij,
        _ => V1.Role.Unspecified,
    };
}
