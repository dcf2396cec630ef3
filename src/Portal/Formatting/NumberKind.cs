namespace GonPortal.Portal.Formatting;

/// <summary>What a typed number stands for; decides the unit it is read into and how the message explains it.</summary>
public enum NumberKind
{
    /// <summary>Euros with at most two decimals, read as whole cents ("€ 1.234,56" → 123456).</summary>
    Money,

    /// <summary>A percentage with at most two decimals, read as basis points ("4,96" → 496).</summary>
    Percent,

    /// <summary>Hours as "1,5" or "1:30", read as whole minutes (90).</summary>
    Hours,

    /// <summary>A whole count (dagdelen, etmalen, clients, a year).</summary>
    Count,
}
