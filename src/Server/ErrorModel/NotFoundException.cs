using System.Text.RegularExpressions;
using GonPortal.Domain.Common;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// What the caller may not see, or what does not exist: both answer NOT_FOUND so nothing is revealed.
/// <paramref name="resource"/> is the kind of thing in English words ("Hour entry"); the reason is
/// derived from it (<c>HOUR_ENTRY_NOT_FOUND</c>) so every not-found carries a stable code.
/// </summary>
public sealed partial class NotFoundException(string resource, string? message = null) : Exception(message ?? $"{resource} not found.")
{
    public string Resource { get; } = resource;

    public string Reason => NonLetters().Replace(Resource.Trim(), "_").ToUpperInvariant() + ErrorReasons.NotFoundSuffix;

    [GeneratedRegex("[^A-Za-z]+")]
    private static partial Regex NonLetters();
}
