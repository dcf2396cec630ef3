namespace GonPortal.Server.ErrorModel;

/// <summary>The caller's role may not perform this action (PERMISSION_DENIED).</summary>
public sealed class PermissionDeniedException(string message) : Exception(message);
