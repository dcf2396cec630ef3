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
}
