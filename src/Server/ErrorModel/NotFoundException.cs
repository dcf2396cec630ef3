namespace GonPortal.Server.ErrorModel;

/// <summary>What the caller may not see, or what does not exist: both answer NOT_FOUND so nothing is revealed.</summary>
public sealed class NotFoundException(string resource) : Exception($"{resource} not found.");
