namespace GonPortal.Domain.Reference;

/// <summary>Product categories in GON scope from 2027.</summary>
public enum Product
{
    /// <summary>Begeleiding: guidance with daily functioning (iWmo 02).</summary>
    Begeleiding = 1,

    /// <summary>Dagbesteding: day activities including transport (iWmo 07).</summary>
    Dagbesteding = 2,

    /// <summary>Kortdurend verblijf: short respite stay in an institution (iWmo 04).</summary>
    KortdurendVerblijf = 3,
}

/// <summary>Units of allocation, reporting and payment.</summary>
public enum Unit
{
    /// <summary>Hour (iWmo 04); reported in minutes.</summary>
    Hour = 1,

    /// <summary>Dagdeel: part of a day (iWmo 16).</summary>
    Dagdeel = 2,

    /// <summary>Etmaal: 24 hours (iWmo 14).</summary>
    Etmaal = 3,
}

/// <summary>A product with its iWmo code, Dutch name and the units it may be allocated in.</summary>
public sealed record ProductInfo(Product Product, string IwmoCode, string Name, IReadOnlyList<Unit> AllowedUnits);

/// <summary>A unit with its iWmo code and Dutch name.</summary>
public sealed record UnitInfo(Unit Unit, string IwmoCode, string Name);

/// <summary>
/// Product catalogue. Which units a product allows is a product decision (the sources name none):
/// begeleiding by the hour, dagbesteding by dagdeel or hour, kortdurend verblijf by etmaal.
/// </summary>
public static class Products
{
    public static readonly IReadOnlyList<ProductInfo> All =
    [
        new(Product.Begeleiding, "02", "Begeleiding", [Unit.Hour]),
        new(Product.Dagbesteding, "07", "Dagbesteding", [Unit.Dagdeel, Unit.Hour]),
        new(Product.KortdurendVerblijf, "04", "Kortdurend verblijf", [Unit.Etmaal]),
    ];

    public static readonly IReadOnlyList<UnitInfo> Units =
    [
        new(Unit.Hour, "04", "Uur"),
        new(Unit.Dagdeel, "16", "Dagdeel"),
        new(Unit.Etmaal, "14", "Etmaal"),
    ];

    public static bool Allows(Product product, Unit unit) => All.Single(p => p.Product == product).AllowedUnits.Contains(unit);
}
