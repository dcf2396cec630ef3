namespace GonPortal.Server.Grpc;

/// <summary>
/// Marks a client-streaming RPC whose messages are judged each on its own (an import): an unreadable message
/// then does not end the call but reaches the service as an empty stand-in that
/// <see cref="ErrorModel.MalformedMessages.Of"/> recognises, so the service rejects it by position and reads on.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JudgedPerMessageAttribute : Attribute;
