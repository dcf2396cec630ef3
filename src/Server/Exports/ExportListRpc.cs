using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.Exports;

/// <summary>
/// The list RPC a table export reads through (a gRPC service type and the name of its list method). Both what the export
/// allows and what it is described as come from it: the roles from the method's <c>[Authorize]</c>
/// (<see cref="ExportRoles"/>) and the documented filters from its request message (the OpenAPI document lists
/// <see cref="ExportRequestMapping.Filters"/> of it; <see cref="ExportRequestMapping"/> reads the query string into the
/// same message type, which <c>tests/Server.Tests/Rest/ExportOpenApiTests</c> checks against the real endpoint).
/// </summary>
internal sealed record ExportListRpc(Type Service, string Method)
{
    /// <summary>Who may export: who may call the list RPC.</summary>
    public IReadOnlySet<string> Roles { get; } = ExportRoles.Of(Service, Method);

    /// <summary>The list RPC's request message, whose fields (paging aside) are the export's filters.</summary>
    public MessageDescriptor Request { get; } = RequestOf(Service, Method);

    private static MessageDescriptor RequestOf(Type service, string method)
    {
        var parameter = service.GetMethod(method)?.GetParameters().FirstOrDefault()?.ParameterType;
        if (parameter is null || !typeof(IMessage).IsAssignableFrom(parameter)
            || parameter.GetProperty(nameof(IMessage.Descriptor), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not MessageDescriptor descriptor)
        {
            throw new InvalidOperationException($"{service.Name}.{method} is not a gRPC method taking a request message.");
        }
        return descriptor;
    }
}
