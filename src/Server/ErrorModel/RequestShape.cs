using System.Collections;
using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// What every request must look like before any work, checked in one place for every RPC by walking the message
/// with protobuf reflection (the interceptor calls it, so no RPC can forget): each repeated field holds at most
/// its documented maximum (<see cref="RequestLimits"/>; elements of an oversized list are not looked at), each
/// enum holds a value the contract defines (an unknown number such as 999 is refused, not ignored), numbers such as a year, month or area id
/// are not negative or past their end (<see cref="NumberBounds"/>), and no text holds control characters (line breaks and tabs only in free text, <see cref="MultiLineFields"/>). Field
/// names in violations are paths such as <c>rates[2].product</c>.
/// </summary>
public static class RequestShape
{
    public const string UndefinedEnumRule = "is not a value the contract defines";
    private const int MaxDepth = 32;

    /// <summary>Free text people write in a text area: the only fields where line breaks and tabs are allowed.</summary>
    public static readonly IReadOnlySet<string> MultiLineFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "note", "reason", "activity_note", "change_note", "decision_note", "end_note", "review_note", "wij_review_note",
        "close_reason", "refusal_reason", "description", "goals",
    };

    /// <summary>
    /// Numbers that mean the same in every gon.v1 request (0 = not given, a filter's "all"): a value outside these
    /// bounds is never meaningful, and a list must not quietly treat it as "all". Tighter rules stay with each RPC.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (int Min, int Max)> NumberBounds = new Dictionary<string, (int, int)>
    {
        ["year"] = (0, 9999),
        ["base_year"] = (0, 9999),
        ["year_from"] = (0, 9999),
        ["year_to"] = (0, 9999),
        ["month"] = (0, 12),
        ["area_id"] = (0, int.MaxValue),
        ["area_ids"] = (0, int.MaxValue),
        ["page_size"] = (0, int.MaxValue),
    };

    public static IReadOnlyList<FieldViolation> Check(IMessage message)
    {
        var v = new Violations();
        Walk(v, message, "", 0);
        return v.Items;
    }

    private static void Walk(Violations v, IMessage message, string prefix, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var map = (IDictionary)value;
                Count(v, field, path, map.Count);
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (IList)value;
                if (!Count(v, field, path, list.Count))
                {
                    continue;
                }
                for (var i = 0; i < list.Count; i++)
                {
                    Element(v, field, list[i], $"{path}[{i}]", depth);
                }
                continue;
            }
            Element(v, field, value, path, depth);
        }
    }

    private static bool Count(Violations v, FieldDescriptor field, string path, int count)
    {
        var max = RequestLimits.For(field);
        return v.Check(count > max, path, $"must hold at most {max} items");
    }

    private static void Element(Violations v, FieldDescriptor field, object? value, string path, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                Text.NoControlCharacters(v, path, value as string, MultiLineFields.Contains(field.Name));
                break;
            case FieldType.Enum when value is not null:
                var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                v.Check(field.EnumType.FindValueByNumber(number) is null, path, UndefinedEnumRule);
                break;
            case FieldType.Int32 when value is int integer && field.File.Package == ErrorReasons.Domain
                && NumberBounds.TryGetValue(field.Name, out var bounds):
                v.Check(integer < bounds.Min || integer > bounds.Max, path, bounds.Max == int.MaxValue
                    ? "must be 0 or more"
                    : $"must be between {bounds.Min} and {bounds.Max}");
                break;
            case FieldType.Message when value is IMessage nested && depth < MaxDepth:
                Walk(v, nested, path + ".", depth + 1);
                break;
        }
    }
}
