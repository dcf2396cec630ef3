using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>One generated call: its class, the field it aims at ("" for the whole message) and the messages to send.</summary>
public sealed record FuzzRequest(FuzzClass Class, string Field, IReadOnlyList<byte[]> Messages);

/// <summary>
/// Turns a class and an RPC into request bytes. Most classes start from a valid-looking request
/// (<see cref="ValidRequests"/>) and spoil one field, found by walking the message's descriptor, so the bad value
/// arrives in an otherwise sensible request. A class that has no field to aim at in an RPC (no enum, no list)
/// falls back to <see cref="FuzzClass.MutatedField"/>.
/// </summary>
public sealed class BadRequests(ValidRequests valid, IdPool ids)
{
    public const int HugeListSize = 100_000;

    /// <summary>A field that can be spoiled: the message holding it, the field, its path from the request, and the outer fields (for wire-level edits).</summary>
    private sealed record Slot(IMessage Owner, FieldDescriptor Field, string Path, IReadOnlyList<FieldDescriptor> Outer);

    public FuzzRequest Generate(FuzzRpc rpc, FuzzClass fuzzClass, Random random)
    {
        // A stream carries a few messages; one of them is the bad one, the others valid-looking.
        var count = rpc.ClientStreaming ? random.Next(2, 6) : 1;
        var bad = random.Next(count);
        var messages = new List<byte[]>(count);
        var request = new FuzzRequest(fuzzClass, "", messages);
        for (var i = 0; i < count; i++)
        {
            if (i != bad)
            {
                messages.Add(valid.Build(rpc.Input, random).ToByteArray());
                continue;
            }
            var (actual, field, bytes) = One(rpc, fuzzClass, random);
            request = request with { Class = actual, Field = field };
            messages.Add(bytes);
        }
        return request with { Messages = messages };
    }

    private (FuzzClass, string, byte[]) One(FuzzRpc rpc, FuzzClass fuzzClass, Random random)
    {
        var message = valid.Build(rpc.Input, random);
        var slots = Slots(message, "", [], 0).ToList();
        Slot? Pick(Func<Slot, bool> fits)
        {
            var candidates = slots.Where(fits).ToList();
            return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
        }

        switch (fuzzClass)
        {
            case FuzzClass.Garbage:
                var garbage = new byte[random.Next(1, 2048)];
                random.NextBytes(garbage);
                return (fuzzClass, "", garbage);
            case FuzzClass.Truncated:
                var whole = message.ToByteArray();
                return whole.Length < 2 ? (fuzzClass, "", [0x0A]) : (fuzzClass, "", whole[..random.Next(1, whole.Length)]);
            case FuzzClass.Empty:
                return (fuzzClass, "", []);
            case FuzzClass.Valid:
                return (fuzzClass, "", message.ToByteArray());
            case FuzzClass.UnknownFields:
                return (fuzzClass, "", Append(message.ToByteArray(), UnknownFieldBytes(message.Descriptor, random)));
            case FuzzClass.InvalidUtf8 when Pick(s => s.Field.FieldType == FieldType.String) is { } text:
                return (fuzzClass, text.Path, Append(message.ToByteArray(), InvalidUtf8Bytes(text, random)));
        }

        var slot = fuzzClass switch
        {
            FuzzClass.NumberExtremes => Pick(s => IsNumber(s.Field)),
            FuzzClass.HugeList => Pick(s => s.Field.IsRepeated),
            FuzzClass.EnumOutOfRange => Pick(s => s.Field.FieldType == FieldType.Enum),
            FuzzClass.ControlCharacters or FuzzClass.WhitespaceOnly or FuzzClass.LongString => Pick(s => s.Field.FieldType == FieldType.String),
            FuzzClass.BadId => Pick(IsId),
            FuzzClass.InvalidDate => Pick(s => s.Field.FieldType == FieldType.Message && s.Field.MessageType.FullName == "google.type.Date"),
            _ => null,
        };
        if (slot is null)
        {
            fuzzClass = FuzzClass.MutatedField;
            slot = Pick(_ => true);
            if (slot is null)
            {
                return (FuzzClass.Empty, "", []); // a request without fields: nothing to mutate
            }
        }

        if (fuzzClass == FuzzClass.HugeList)
        {
            FillHuge(slot, random);
        }
        else
        {
            var value = fuzzClass switch
            {
                FuzzClass.NumberExtremes => Extreme(slot.Field, random),
                FuzzClass.EnumOutOfRange => ValidRequests.EnumValue(slot.Field, new[] { 999, -1, int.MaxValue }[random.Next(3)]),
                FuzzClass.ControlCharacters => ControlTexts[random.Next(ControlTexts.Length)],
                FuzzClass.WhitespaceOnly => WhitespaceTexts[random.Next(WhitespaceTexts.Length)],
                FuzzClass.LongString => new string(random.Next(2) == 0 ? 'x' : 'é', new[] { 10_000, 100_000, 1_000_000 }[random.Next(3)]),
                FuzzClass.BadId => BadIdValue(slot, message.Descriptor.Name, random),
                FuzzClass.InvalidDate => InvalidDate(slot.Field.MessageType, random),
                _ => RandomValue(slot, message.Descriptor.Name, random),
            };
            Assign(slot, value);
        }
        return (fuzzClass, slot.Path, message.ToByteArray());
    }

    private static IEnumerable<Slot> Slots(IMessage owner, string prefix, IReadOnlyList<FieldDescriptor> outer, int depth)
    {
        foreach (var field in owner.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap)
            {
                continue;
            }
            var path = prefix + field.Name;
            yield return new Slot(owner, field, path, outer);
            if (field.FieldType != FieldType.Message || depth >= 3 || field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal))
            {
                continue;
            }
            var value = field.Accessor.GetValue(owner);
            var inner = field.IsRepeated ? ((IList)value).Cast<IMessage>().FirstOrDefault() : value as IMessage;
            if (inner is not null)
            {
                foreach (var nested in Slots(inner, path + (field.IsRepeated ? "[0]." : "."), [.. outer, field], depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void Assign(Slot slot, object value)
    {
        if (slot.Field.IsRepeated)
        {
            var list = (IList)slot.Field.Accessor.GetValue(slot.Owner);
            list.Clear();
            list.Add(value);
        }
        else
        {
            slot.Field.Accessor.SetValue(slot.Owner, value);
        }
    }

    private void FillHuge(Slot slot, Random random)
    {
        var list = (IList)slot.Field.Accessor.GetValue(slot.Owner);
        var field = slot.Field;
        // Element messages stay small so that 100,000 of them fit in the server's 4 MB message limit.
        var template = list.Count > 0 ? list[0] : valid.Value(field, slot.Owner.Descriptor.Name, random);
        if (template is IMessage m && m.CalculateSize() > 30)
        {
            template = Activator.CreateInstance(m.Descriptor.ClrType)!;
        }
        var element = template is IMessage e ? (e.Descriptor.Parser, e.ToByteArray()) : default;
        list.Clear();
        for (var i = 0; i < HugeListSize; i++)
        {
            list.Add(field.FieldType switch
            {
                FieldType.String => new Guid(IdPool.Bytes(random)).ToString("N"),
                FieldType.Message => element.Parser!.ParseFrom(element.Item2),
                _ => template,
            });
        }
    }

    private static bool IsNumber(FieldDescriptor field) => field.FieldType is FieldType.Int32 or FieldType.Int64 or FieldType.UInt32
        or FieldType.UInt64 or FieldType.SInt32 or FieldType.SInt64 or FieldType.Fixed32 or FieldType.Fixed64 or FieldType.SFixed32 or FieldType.SFixed64;

    private static bool IsId(Slot slot) =>
        (slot.Field.FieldType == FieldType.String || IsNumber(slot.Field)) &&
        (slot.Field.Name is "id" || slot.Field.Name.EndsWith("_id", StringComparison.Ordinal) || slot.Field.Name.EndsWith("_ids", StringComparison.Ordinal));

    private static object Extreme(FieldDescriptor field, Random random)
    {
        long[] values = field.FieldType switch
        {
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => [long.MinValue, long.MaxValue, -1, 0, long.MinValue + 1],
            FieldType.UInt64 or FieldType.Fixed64 => [-1 /* ulong.MaxValue */, 0, long.MaxValue],
            FieldType.UInt32 or FieldType.Fixed32 => [uint.MaxValue, 0, int.MaxValue],
            _ => [int.MinValue, int.MaxValue, -1, 0],
        };
        return ValidRequests.Number(field, values[random.Next(values.Length)]);
    }

    private static readonly string[] ControlTexts = ["\0", "a\0b", "\u0001\u0002\u0003", "\u001b[31mrood", "tab\tin\ttekst", "regel\r\nregel", "\u007f", "\u200b", "\ufeffBOM", "\0\0\0\0"];
    private static readonly string[] WhitespaceTexts = [" ", "   ", "\t", "\r\n", "\u00a0", "\u2003\u3000", " \t \n "];

    private object BadIdValue(Slot slot, string requestName, Random random)
    {
        if (IsNumber(slot.Field))
        {
            return ValidRequests.Number(slot.Field, new long[] { 0, -1, 999, int.MaxValue, int.MinValue }[random.Next(5)]);
        }
        var guid = new Guid(IdPool.Bytes(random));
        var own = ids.For(slot.Field.Name, requestName, random);
        string[] values =
        [
            "not-a-guid", "", guid.ToString(), Guid.Empty.ToString(), "00000000-0000-0000-0000-00000000000g",
            "' OR '1'='1", "../../../etc/passwd", "{" + own + "}", own.ToUpperInvariant(), " " + own + " ", own + "0",
            ids.Foreign(slot.Field.Name, requestName, random), own, "%", guid.ToString("N"),
        ];
        return values[random.Next(values.Length)];
    }

    private static IMessage InvalidDate(MessageDescriptor date, Random random)
    {
        int[][] days = [[2027, 13, 1], [2027, 2, 30], [0, 1, 1], [10000, 1, 1], [2027, 0, 15], [-1, 1, 1], [2027, 4, 31], [1, 1, 1], [9999, 12, 31], [0, 0, 0], [2027, 1, 0]];
        var pick = days[random.Next(days.Length)];
        var message = (IMessage)Activator.CreateInstance(date.ClrType)!;
        date.FindFieldByName("year").Accessor.SetValue(message, pick[0]);
        date.FindFieldByName("month").Accessor.SetValue(message, pick[1]);
        date.FindFieldByName("day").Accessor.SetValue(message, pick[2]);
        return message;
    }

    private object RandomValue(Slot slot, string requestName, Random random)
    {
        var field = slot.Field;
        return field.FieldType switch
        {
            FieldType.String => RandomText(random),
            FieldType.Enum => ValidRequests.EnumValue(field, random.Next(-3, 20)),
            FieldType.Bool => random.Next(2) == 0,
            FieldType.Bytes => ByteString.CopyFrom(RandomBytes(random, random.Next(0, 256))),
            FieldType.Message => Activator.CreateInstance(field.MessageType.ClrType)!, // present but empty
            FieldType.Double => random.NextDouble() * Math.Pow(10, random.Next(-5, 300)) * (random.Next(2) == 0 ? -1 : 1),
            FieldType.Float => (float)(random.NextDouble() * 1e6),
            _ => ValidRequests.Number(field, random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 63)),
        };
    }

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 64)];
        for (var i = 0; i < chars.Length; i++)
        {
            // Mostly Latin with accents, sometimes anything in the BMP outside the surrogates.
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0x20, 0xD7FF) : (char)random.Next(0x20, 0x17F);
        }
        return new string(chars);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static readonly byte[][] InvalidUtf8Sequences = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0x62, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];

    /// <summary>
    /// A string field with invalid UTF-8, appended on the wire (protobuf merges a repeated occurrence of a field,
    /// so the outer messages' tags lead to the string inside the request's own structure).
    /// </summary>
    private static byte[] InvalidUtf8Bytes(Slot slot, Random random)
    {
        var inner = Field(slot.Field.FieldNumber, InvalidUtf8Sequences[random.Next(InvalidUtf8Sequences.Length)]);
        foreach (var outer in slot.Outer.Reverse())
        {
            inner = Field(outer.FieldNumber, inner);
        }
        return inner;
    }

    private static byte[] UnknownFieldBytes(MessageDescriptor descriptor, Random random)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(9_999, WireFormat.WireType.Varint);
        output.WriteUInt64((ulong)random.NextInt64());
        output.WriteTag(536_870_911, WireFormat.WireType.LengthDelimited); // the largest field number
        output.WriteBytes(ByteString.CopyFrom(RandomBytes(random, 8)));
        // A known field with the other wire type than its own.
        if (descriptor.Fields.InFieldNumberOrder().FirstOrDefault() is { } known)
        {
            var lengthDelimited = known.FieldType is FieldType.String or FieldType.Bytes or FieldType.Message || known.IsPacked;
            output.WriteTag(known.FieldNumber, lengthDelimited ? WireFormat.WireType.Varint : WireFormat.WireType.LengthDelimited);
            if (lengthDelimited)
            {
                output.WriteUInt64(12345);
            }
            else
            {
                output.WriteBytes(ByteString.CopyFromUtf8("abc"));
            }
        }
        output.Flush();
        return stream.ToArray();
    }

    private static byte[] Field(int number, byte[] content)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(content));
        output.Flush();
        return stream.ToArray();
    }

    private static byte[] Append(byte[] first, byte[] second) => [.. first, .. second];
}
