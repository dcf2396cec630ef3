using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Resources;

/// <summary>Labels of the contract's enums, kept in Texts.resx as "{EnumType}.{Value}" (e.g. "Product.Begeleiding").</summary>
public static class LocalizerExtensions
{
    public static string Of<TEnum>(this IStringLocalizer<Texts> texts, TEnum value)
        where TEnum : struct, Enum
    {
        var text = texts[$"{typeof(TEnum).Name}.{value}"];
        return text.ResourceNotFound ? value.ToString() : text.Value;
    }

    /// <summary>
    /// A text with a count as {0}: "{key}.Een" when the count is 1 ("1 vakje is"), else "{key}"
    /// ("2 vakjes zijn"); further arguments are {1}, {2}, ….
    /// </summary>
    public static string Count(this IStringLocalizer<Texts> texts, string key, int count, params object[] more)
    {
        var one = count == 1 ? texts[key + ".Een"] : null;
        var text = one is { ResourceNotFound: false } ? one.Value : texts[key].Value;
        return string.Format(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), text, [count, .. more]);
    }
}
