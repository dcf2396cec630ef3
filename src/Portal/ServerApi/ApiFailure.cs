using Grpc.Core;

namespace GonPortal.Portal.ServerApi;

/// <summary>What kind of failure a call ended in; the page decides how to show it.</summary>
public enum FailureKind
{
    /// <summary>The Server did not accept the access token: the person has to sign in again.</summary>
    SignInRequired,
    /// <summary>The thing does not exist or the person may not see it: the ordinary not-found page.</summary>
    NotFound,
    /// <summary>The person's role may not do this.</summary>
    PermissionDenied,
    /// <summary>One or more fields are wrong; see <see cref="ApiFailure.FieldErrors"/>.</summary>
    Invalid,
    /// <summary>The thing is in a state that does not allow this step.</summary>
    WrongState,
    /// <summary>The Server could not be reached or answered too late.</summary>
    Unavailable,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// A failed call, ready for a person: a Dutch message, and for validation errors a Dutch sentence per
/// violated field keyed by the request's field name (e.g. <c>valid_from</c>, <c>rates[0].rate_cents</c>),
/// both made from the Server's reasons (<see cref="ErrorSentences"/>).
/// </summary>
public sealed record ApiFailure(FailureKind Kind, StatusCode Status, string Message, IReadOnlyDictionary<string, string> FieldErrors)
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>The Server's own (English) detail, for logs only; never shown to a person.</summary>
    public string? Detail { get; init; }

    /// <summary>The Server's reason code (google.rpc.ErrorInfo.reason), e.g. <c>REFERRAL_NOT_OPEN</c>; null when it sent none.</summary>
    public string? Reason { get; init; }

    /// <summary>The values that came with the reason (e.g. <c>state</c>, <c>area_id</c>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoFields;

    /// <summary>The class of each violated field (google.rpc.BadRequest.FieldViolation.reason), e.g. <c>REQUIRED</c>.</summary>
    public IReadOnlyDictionary<string, string> FieldReasons { get; init; } = NoFields;

    public static ApiFailure Of(FailureKind kind, StatusCode status, string message, IReadOnlyDictionary<string, string>? fields = null) =>
        new(kind, status, message, fields ?? NoFields);

    /// <summary>The Dutch sentence for a field, or null when the field is fine.</summary>
    public string? For(string field) => FieldErrors.TryGetValue(field, out var text) ? text : null;

    /// <summary>The Dutch sentences of a field and its parts (e.g. <c>area_ids</c> and <c>area_ids[1]</c>), or null.</summary>
    public string? ForAll(string field)
    {
        var texts = FieldErrors
            .Where(f => f.Key == field || f.Key.StartsWith(field + "[", StringComparison.Ordinal))
            .Select(f => f.Value)
            .Distinct()
            .ToList();
        return texts.Count == 0 ? null : string.Join(" ", texts);
    }
}
