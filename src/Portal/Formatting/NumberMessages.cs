namespace GonPortal.Portal.Formatting;

/// <summary>
/// The sentences <see cref="DutchNumber"/> refuses with: each says what is wrong and shows how to write it.
/// Kept next to the parser (not in Texts.resx) so the parser stays plain C# that unit tests read directly.
/// </summary>
public static class NumberMessages
{
    public const string TooLarge = "Dit getal is te groot.";

    public const string NotWhole = "Vul een heel getal in, zonder komma: bijvoorbeeld 12.";

    public const string MoneyDecimals = "Een bedrag heeft hoogstens 2 cijfers achter de komma: bijvoorbeeld 64,50.";

    public const string PercentDecimals = "Een percentage heeft hoogstens 2 cijfers achter de komma: bijvoorbeeld 4,96.";

    public const string HoursNotMinutes = "Dit is geen heel aantal minuten. Schrijf uren als 1,5 of 1:30 (uren:minuten).";

    public const string Clock = "Schrijf uren en minuten als 1:30, of uren met een komma: 1,5.";

    public const string ClockMinutes = "Na de dubbele punt komen minuten, van 00 tot en met 59: bijvoorbeeld 1:30.";

    public static string Empty(NumberKind kind) => kind switch
    {
        NumberKind.Money => "Vul een bedrag in, bijvoorbeeld 64,50.",
        NumberKind.Percent => "Vul een percentage in, bijvoorbeeld 4,96.",
        NumberKind.Hours => "Vul het aantal uren in, bijvoorbeeld 1,5 of 1:30.",
        _ => "Vul een aantal in, bijvoorbeeld 12.",
    };

    public static string Negative(NumberKind kind) => kind switch
    {
        NumberKind.Money => "Een bedrag kan hier niet negatief zijn.",
        NumberKind.Percent => "Een percentage kan hier niet negatief zijn.",
        NumberKind.Hours => "Het aantal uren kan niet negatief zijn.",
        _ => "Een aantal kan niet negatief zijn.",
    };

    public static string NotANumber(NumberKind kind) => kind switch
    {
        NumberKind.Money => "Dit is geen bedrag. Schrijf alleen cijfers met een komma voor de centen: 64,50 of € 1.234,56.",
        NumberKind.Percent => "Dit is geen percentage. Schrijf alleen cijfers met een komma: 4,96.",
        NumberKind.Hours => "Dit is geen aantal uren. Schrijf uren met een komma of als uren:minuten: 1,5 of 1:30.",
        _ => "Dit is geen heel getal. Schrijf alleen cijfers: 12.",
    };

    /// <summary>A point without a comma part: "64.50" or "1.500" could mean two numbers, so it is refused.</summary>
    public static string Ambiguous(NumberKind kind) => kind switch
    {
        NumberKind.Money => "Schrijf bedragen met een komma: 64,50. Met een punt is niet zeker wat u bedoelt (1.500 kan 1500 of 1,50 zijn); schrijf 1500 of 1.500,00.",
        NumberKind.Percent => "Schrijf een percentage met een komma: 4,96. Met een punt is niet zeker wat u bedoelt.",
        NumberKind.Hours => "Schrijf uren met een komma of als uren:minuten: 1,5 of 1:30. Met een punt is niet zeker wat u bedoelt.",
        _ => "Schrijf een heel getal zonder punt: 1500. Met een punt is niet zeker wat u bedoelt (1.500 kan ook 1,5 zijn).",
    };
}
