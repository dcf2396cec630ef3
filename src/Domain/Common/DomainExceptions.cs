namespace GonPortal.Domain.Common;

/// <summary>One rule a request field broke, named by its proto field path (snake_case).</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: the request is rejected as a whole and nothing is stored.</summary>
public sealed class DomainValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("Request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>
/// The action does not fit the current state of the thing it acts on. <see cref="Reason"/> is the
/// machine-readable code (<see cref="ErrorReasons"/>) and <see cref="Metadata"/> the values a sentence
/// about it needs, so a client can say it in its own language instead of showing <see cref="Exception.Message"/>.
/// </summary>
public sealed class InvalidStateException(string message, string reason = ErrorReasons.WrongState, IReadOnlyDictionary<string, string>? metadata = null)
    : Exception(message)
{
    public string Reason { get; } = reason;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}
