using System.Buffers;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// Finds where an unreadable message breaks, so the refusal can name the field (e.g. <c>entry.activity_note</c>,
/// <c>entries[3].entry_key</c>): walks the wire format against the message's descriptor and stops at the first
/// field whose value is truncated, is a string that is not UTF-8, or is a message that breaks inside. Null when
/// the break lies outside any known field (garbage before the first tag, a bad tag).
/// </summary>
public static class MalformedMessageLocator
{
    private const int MaxDepth = 32;

    public static string? Locate(MessageDescriptor descriptor, ReadOnlySequence<byte> payload) => Locate(descriptor, payload.ToArray(), 0);

    private static string? Locate(MessageDescriptor descriptor, byte[] bytes, int depth)
    {
        var input = new CodedInputStream(bytes);
        var counts = new Dictionary<int, int>();
        FieldDescriptor? field = null;
        string? path = null;
        try
        {
            while (true)
            {
                field = null;
                var tag = input.ReadTag();
                if (tag == 0)
                {
                    return null;
                }
                var number = WireFormat.GetTagFieldNumber(tag);
                field = descriptor.FindFieldByNumber(number);
                if (field is null)
                {
                    input.SkipLastField();
                    continue;
                }
                var index = counts.GetValueOrDefault(number);
                counts[number] = index + 1;
                path = field.IsRepeated && !field.IsMap ? $"{field.Name}[{index}]" : field.Name;
                if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
                {
                    input.SkipLastField();
                    continue;
                }
                var value = input.ReadBytes().ToByteArray();
                if (field.FieldType == FieldType.String && !Utf8.IsValid(value))
                {
                    return path;
                }
                if (field.FieldType == FieldType.Message && depth < MaxDepth && Locate(field.MessageType, value, depth + 1) is { } inner)
                {
                    return $"{path}.{inner}";
                }
                if (field.FieldType == FieldType.Message && !Parses(field.MessageType, value))
                {
                    return path;
                }
            }
        }
        catch (InvalidProtocolBufferException)
        {
            return field is null ? null : path;
        }
    }

    private static bool Parses(MessageDescriptor descriptor, byte[] value)
    {
        try
        {
            descriptor.Parser.ParseFrom(value);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
