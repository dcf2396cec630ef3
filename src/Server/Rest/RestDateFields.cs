using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GonPortal.Domain.Common;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.Rest;

/// <summary>
/// Finds the <c>google.type.Date</c> fields of a JSON message by its proto descriptor (never by guessing names) and turns
/// them into ISO 8601 strings (<c>"2027-03-01"</c>, responses) or back into the Date object the transcoder reads
/// (requests). Repeated fields, maps and nested messages are followed; fields whose type cannot hold a Date are skipped
/// without looking at their JSON. Responses carry the JSON (camelCase) names only; requests may use either the JSON name
/// or the proto name, as the transcoder accepts both.
/// </summary>
public static class RestDateFields
{
    public const string DateFullName = "google.type.Date";

    private static readonly ConcurrentDictionary<MessageDescriptor, bool> Holding = new();

    public static bool IsDate(MessageDescriptor message) => message.FullName == DateFullName;

    /// <summary>Whether a message of this type can carry a Date anywhere inside it (cached per type).</summary>
    public static bool HoldsDate(MessageDescriptor message) =>
        Holding.GetOrAdd(message, static m => Reaches(m, []));

    private static bool Reaches(MessageDescriptor message, HashSet<MessageDescriptor> seen) =>
        IsDate(message) || (seen.Add(message) && message.Fields.InFieldNumberOrder().Any(f => ValueMessage(f) is { } v && Reaches(v, seen)));

    /// <summary>The message type of a field's values (a map's value type), or null for scalar fields.</summary>
    public static MessageDescriptor? ValueMessage(FieldDescriptor field) => field switch
    {
        { IsMap: true } => field.MessageType.FindFieldByNumber(2) is { FieldType: FieldType.Message } value ? value.MessageType : null,
        { FieldType: FieldType.Message } => field.MessageType,
        _ => null,
    };

    /// <summary>Response: every valid Date object below <paramref name="node"/> (a message of type <paramref name="message"/>) becomes "yyyy-MM-dd".</summary>
    public static void ToIso(JsonNode? node, MessageDescriptor message)
    {
        if (node is not JsonObject json)
        {
            return;
        }
        foreach (var (field, value) in DateHolding(message))
        {
            if (json.TryGetPropertyValue(field.JsonName, out var found) && found is not null)
            {
                Each(found, field, (get, set, _) =>
                {
                    if (!IsDate(value))
                    {
                        ToIso(get(), value);
                    }
                    else if (get() is JsonObject date && IsoDate.Format(date) is { } text)
                    {
                        set(JsonValue.Create(text));
                    }
                }, "");
            }
        }
    }

    /// <summary>
    /// Request: every Date given as a string becomes the Date object; a string that is not a real "yyyy-MM-dd" date is
    /// left as it is and reported in <paramref name="violations"/> under its proto path (e.g. <c>entries[0].service_date</c>).
    /// A Date given as an object passes unchanged (the transcoder's own form stays accepted). Gives the number converted.
    /// </summary>
    public static int FromIso(JsonNode? node, MessageDescriptor message, string path, List<FieldViolation> violations)
    {
        if (node is not JsonObject json)
        {
            return 0;
        }
        var converted = 0;
        foreach (var (field, value) in DateHolding(message))
        {
            foreach (var name in field.JsonName == field.Name ? [field.Name] : new[] { field.JsonName, field.Name })
            {
                if (!json.TryGetPropertyValue(name, out var found) || found is null)
                {
                    continue;
                }
                Each(found, field, (get, set, at) =>
                {
                    if (!IsDate(value))
                    {
                        converted += FromIso(get(), value, at, violations);
                    }
                    else if (get() is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        if (IsoDate.TryParse(s, out var date))
                        {
                            set(IsoDate.ToObject(date));
                            converted++;
                        }
                        else
                        {
                            violations.Add(new FieldViolation(at, IsoDate.InvalidDescription));
                        }
                    }
                }, Join(path, field.Name));
            }
        }
        return converted;
    }

    /// <summary>
    /// The proto path of the singular Date field a dotted query key names (JSON or proto names, as the transcoder resolves
    /// them), or null; fields under the body field are not bound from the query.
    /// </summary>
    public static string? QueryDateField(MessageDescriptor input, string key, string bodyField)
    {
        var message = input;
        var path = new List<string>();
        var parts = key.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == parts[i] || f.Name == parts[i]);
            if (field is null || field.IsRepeated || field.FieldType != FieldType.Message || (i == 0 && field.Name == bodyField))
            {
                return null;
            }
            path.Add(field.Name);
            message = field.MessageType;
        }
        return IsDate(message) ? string.Join('.', path) : null;
    }

    private static IEnumerable<(FieldDescriptor Field, MessageDescriptor Value)> DateHolding(MessageDescriptor message) =>
        message.Fields.InFieldNumberOrder()
            .Select(f => (Field: f, Value: ValueMessage(f)))
            .Where(p => p.Value is not null && HoldsDate(p.Value))
            .Select(p => (p.Field, p.Value!));

    /// <summary>Calls <paramref name="visit"/> for the one value of a singular field, each element of a list, or each value of a map.</summary>
    private static void Each(JsonNode found, FieldDescriptor field, Action<Func<JsonNode?>, Action<JsonNode?>, string> visit, string path)
    {
        switch (found)
        {
            case JsonArray list when field.IsRepeated && !field.IsMap:
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    visit(() => list[index], n => list[index] = n, $"{path}[{index}]");
                }
                break;
            case JsonObject map when field.IsMap:
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    visit(() => map[key], n => map[key] = n, $"{path}[{key}]");
                }
                break;
            default:
                if (!field.IsRepeated && found.Parent is JsonObject parent && found.GetPropertyName() is { } name)
                {
                    visit(() => found, n => parent[name] = n, path);
                }
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
