namespace GonPortal.Portal.Formatting;

/// <summary>A value read by <see cref="DutchNumber"/> in words, to show the person what will be saved.</summary>
public static class NumberDescription
{
    /// <summary>"€ 64,50", "4,96 %", "1 uur en 30 minuten", "12".</summary>
    public static string Of(NumberKind kind, long value) => kind switch
    {
        NumberKind.Money => DutchFormat.Money(value),
        NumberKind.Percent => DutchFormat.PercentExact((int)Math.Clamp(value, int.MinValue, int.MaxValue)),
        NumberKind.Hours => HoursAndMinutes(value),
        _ => DutchFormat.Number(value, 0),
    };

    /// <summary>What the field will save, in a sentence: "Wordt opgeslagen als € 64,50 per uur"; for hours "1,5 uur = 1 uur en 30 minuten".</summary>
    public static string Understood(NumberKind kind, long value, string? per = null)
    {
        var suffix = string.IsNullOrEmpty(per) ? string.Empty : " " + per;
        if (kind == NumberKind.Hours)
        {
            var hours = value / 60m;
            var decimalHours = decimal.Round(hours, 2) == hours ? DutchFormat.Number(hours, 2) + " uur = " : string.Empty;
            return $"{decimalHours}{HoursAndMinutes(value)}{suffix}";
        }

        return $"Wordt opgeslagen als {Of(kind, value)}{suffix}";
    }

    /// <summary>90 → "1 uur en 30 minuten", 45 → "45 minuten", 120 → "2 uur", 61 → "1 uur en 1 minuut".</summary>
    public static string HoursAndMinutes(long minutes)
    {
        var sign = minutes < 0 ? "-" : string.Empty;
        var abs = Math.Abs(minutes);
        var (h, m) = (abs / 60, abs % 60);
        var minutePart = m == 1 ? "1 minuut" : $"{m} minuten";
        return h == 0 ? sign + minutePart
            : m == 0 ? $"{sign}{DutchFormat.Number(h, 0)} uur"
            : $"{sign}{DutchFormat.Number(h, 0)} uur en {minutePart}";
    }
}
