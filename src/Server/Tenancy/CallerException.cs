namespace GonPortal.Server.Tenancy;

/// <summary>What the caller may not see, or what does not exist: both answer NOT_FOUND so nothing is revealed.</summary>
public sealed class NotFoundException(string resource) : Exception($"{resource} not found.");

/// <summary>The caller's role may not perform this action.</summary>
public sealed class PermissionDeniedException(string message) : Exception(message);
