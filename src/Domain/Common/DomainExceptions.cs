namespace GonPortal.Domain.Common;

/// <summary>One rule a request field broke, named by its proto field path (snake_case).</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: the request is rejected as a whole and nothing is stored.</summary>
public sealed class DomainValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("Request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>The action does not fit the current state of the thing it acts on.</summary>
public sealed class InvalidStateException(string message) : Exception(message);
