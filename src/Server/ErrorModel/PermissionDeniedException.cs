using GonPortal.Domain.Common;

namespace GonPortal.Server.ErrorModel;

/// <summary>The caller's role may not perform this action (PERMISSION_DENIED), with a reason code and its values.</summary>
public sealed class PermissionDeniedException(string message, string reason = ErrorReasons.RoleNotAllowed, IReadOnlyDictionary<string, string>? metadata = null)
    : Exception(message)
{
    public string Reason { get; } = reason;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}
