using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>One RPC of a gon.v1 service as the fuzzer sees it: its path, its request type and its streaming shape.</summary>
public sealed record FuzzRpc(string Service, string Name, MessageDescriptor Input, bool ClientStreaming, bool ServerStreaming)
{
    /// <summary>"HourService/ImportHourEntries", the form the access matrix and the reports use.</summary>
    public string Key => $"{Service}/{Name}";

    /// <summary>The RPC with raw bytes both ways, so any byte sequence reaches the server unchanged.</summary>
    public Method<byte[], byte[]> RawMethod { get; } = new(
        (ClientStreaming, ServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        },
        "gon.v1." + Service, Name, PassThrough, PassThrough);

    private static readonly Marshaller<byte[]> PassThrough = Marshallers.Create(bytes => bytes, bytes => bytes);
}

/// <summary>
/// Every RPC of every gon.v1 service, read by reflection from the file descriptors compiled into the Contracts
/// assembly, so an RPC added to a proto is fuzzed without a line here.
/// </summary>
public static class RpcCatalog
{
    public static IReadOnlyList<FuzzRpc> All { get; } = Load();

    private static List<FuzzRpc> Load()
    {
        var assembly = typeof(GonPortal.Contracts.V1.HourService).Assembly;
        var files = assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "gon.v1");
        return files
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods.Select(m => new FuzzRpc(s.Name, m.Name, m.InputType, m.IsClientStreaming, m.IsServerStreaming)))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }
}
