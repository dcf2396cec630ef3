using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// Builds a plausible request for any message from its descriptor alone: ids drawn from the database, the demo's
/// years and months, a valid BSN, Dutch-looking text. Many are still refused (a random client is rarely the
/// caller's, a random state rarely the right one), but they get past parsing and basic validation, so a single
/// mutated field then reaches the handler's deeper code.
/// </summary>
public sealed class ValidRequests(IdPool ids)
{
    private const int MaxDepth = 4;

    public IMessage Build(MessageDescriptor descriptor, Random random) => Build(descriptor, descriptor.Name, random, 0);

    private IMessage Build(MessageDescriptor descriptor, string requestName, Random random, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        if (descriptor.FullName == "google.type.Date")
        {
            Set(message, "year", 2027);
            Set(message, "month", random.Next(1, 13));
            Set(message, "day", random.Next(1, 29));
            return message;
        }
        if (descriptor.FullName == "google.protobuf.Timestamp")
        {
            Set(message, "seconds", new DateTimeOffset(2027, random.Next(1, 13), 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
            return message;
        }
        // One member per oneof, chosen at random.
        var chosen = descriptor.Oneofs.Where(o => !o.IsSynthetic).ToDictionary(o => o, o => o.Fields[random.Next(o.Fields.Count)]);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.RealContainingOneof is { } oneof && chosen[oneof] != field)
            {
                continue;
            }
            if (field.IsMap || (field.HasPresence && field.RealContainingOneof is null && random.Next(4) == 0))
            {
                continue;
            }
            if (field.FieldType == FieldType.Message && depth >= MaxDepth)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = random.Next(1, 3);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Value(field, requestName, random, depth));
                }
            }
            else
            {
                field.Accessor.SetValue(message, Value(field, requestName, random, depth));
            }
        }
        return message;
    }

    /// <summary>A plausible value of the field's type, chosen by the field's name.</summary>
    public object Value(FieldDescriptor field, string requestName, Random random, int depth = 0)
    {
        var name = field.Name;
        return field.FieldType switch
        {
            FieldType.Message => Build(field.MessageType, requestName, random, depth + 1),
            FieldType.Enum => EnumValue(field, PlausibleEnumNumber(field, random)),
            FieldType.String => PlausibleString(field, requestName, random),
            FieldType.Bytes => ByteString.CopyFromUtf8(name.Contains("csv", StringComparison.Ordinal) ? "kolom;waarde\n1;2\n" : "fuzz"),
            FieldType.Bool => random.Next(2) == 0,
            FieldType.Double => 1.5d,
            FieldType.Float => 1.5f,
            _ => Number(field, PlausibleNumber(name, random)),
        };
    }

    private static int PlausibleEnumNumber(FieldDescriptor field, Random random)
    {
        var values = field.EnumType.Values.Where(v => v.Number != 0).ToList();
        return values.Count == 0 ? 0 : values[random.Next(values.Count)].Number;
    }

    private string PlausibleString(FieldDescriptor field, string requestName, Random random)
    {
        var name = field.Name;
        if (name is "request_id")
        {
            return new Guid(IdPool.Bytes(random)).ToString();
        }
        if (name is "id" || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal))
        {
            return ids.For(name, requestName, random);
        }
        return name switch
        {
            "page_token" => "",
            "bsn" => Bsn(random),
            "email" => $"fuzz{random.Next(100000)}@voorbeeld.nl",
            "postcode" => "9711 AB",
            "kvk_number" or "agb_code" => random.Next(10000000, 99999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "phone_number" => "050 123 4567",
            "house_number" => random.Next(1, 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "initials" => "J.",
            _ => Words[random.Next(Words.Length)],
        };
    }

    private static readonly string[] Words = ["Fuzz test", "De Vries", "Oosterpoort", "begeleiding thuis", "Jansen", "controle", "Zuiderdiep 12"];

    private static long PlausibleNumber(string name, Random random) => name switch
    {
        "area_id" or "area_ids" => random.Next(1, 5), // the demo's four areas
        "year" => 2027,
        "base_year" => 2026,
        "month" => random.Next(1, 13),
        "page_size" => random.Next(1, 51),
        "revision" or "version" or "expected_count" => 1,
        "index" => 0,
        _ when name.EndsWith("_cents", StringComparison.Ordinal) => random.Next(1, 1_000_000),
        _ when name.EndsWith("_bp", StringComparison.Ordinal) => random.Next(0, 10_001),
        _ => random.Next(1, 600),
    };

    /// <summary>A number boxed as the field's CLR type (the accessors do not convert).</summary>
    public static object Number(FieldDescriptor field, long value) => field.FieldType switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)value),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)value),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)value),
        _ => value,
    };

    public static object EnumValue(FieldDescriptor field, int number) => Enum.ToObject(field.EnumType.ClrType, number);

    /// <summary>A BSN that passes the elfproef (9 digits, weighted sum divisible by 11, last weight -1).</summary>
    private static string Bsn(Random random)
    {
        while (true)
        {
            var digits = Enumerable.Range(0, 9).Select(i => i == 0 ? random.Next(1, 10) : random.Next(10)).ToArray();
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += digits[i] * (9 - i);
            }
            sum -= digits[8];
            if (sum % 11 == 0)
            {
                return string.Concat(digits);
            }
        }
    }

    private static void Set(IMessage message, string field, object value) =>
        message.Descriptor.FindFieldByName(field).Accessor.SetValue(message, value);
}
