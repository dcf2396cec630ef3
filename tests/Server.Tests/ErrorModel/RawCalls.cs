using Google.Protobuf;
using Grpc.Core;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>
/// Calls with bodies no generated client would send: a pass-through marshaller on the real channel sends the
/// bytes as they are, so the Server's own deserialization meets garbage, truncated messages and invalid UTF-8.
/// </summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> PassThrough = Marshallers.Create(b => b, b => b);

    public static Method<byte[], byte[]> Method(MethodType type, string service, string name) => new(type, service, name, PassThrough, PassThrough);

    public static Task<byte[]> Unary(CallInvoker invoker, string service, string name, byte[] body) =>
        invoker.AsyncUnaryCall(Method(MethodType.Unary, service, name), null, new CallOptions(), body).ResponseAsync;

    /// <summary>A length-delimited field (string, bytes or message) with raw content.</summary>
    public static byte[] Field(int number, byte[] content)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteLength(content.Length);
        output.Flush();
        stream.Write(content);
        return stream.ToArray();
    }

    /// <summary>Bytes that are not UTF-8 ("\xC3\x28": a lead byte without its continuation).</summary>
    public static readonly byte[] InvalidUtf8 = [0x47, 0xC3, 0x28, 0x6E];

    /// <summary>Twenty 0xFF bytes: a varint that never ends, so no message starts here.</summary>
    public static readonly byte[] Garbage = Enumerable.Repeat((byte)0xFF, 20).ToArray();
}
