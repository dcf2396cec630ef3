namespace GonPortal.Identity.Onboarding;

/// <summary>The organisation a machine client is registered for: the tenant and role its tokens carry.</summary>
public sealed record MachineClientOrganisation(Guid Id, string Name, string Role);

/// <summary>
/// A new registration. The secret is shown here once; Identity keeps only its hash. Empty when the registration id
/// had been registered before (a retry): the secret is never shown twice.
/// </summary>
public sealed record RegisteredMachineClient(string ClientId, string ClientSecret);

/// <summary>A new secret. The previous one keeps working until <see cref="PreviousSecretValidUntil"/>.</summary>
public sealed record RotatedMachineClientSecret(string ClientId, string ClientSecret, DateTimeOffset PreviousSecretValidUntil);

public enum MachineClientStatus
{
    Active,
    Revoked,
}

/// <summary>
/// A machine client as its organisation's administrator sees it; never a secret. <see cref="CreatedAt"/> is
/// null only for clients registered before registration times were kept.
/// </summary>
public sealed record MachineClientSummary(
    string ClientId,
    string DisplayName,
    DateTimeOffset? CreatedAt,
    MachineClientStatus Status,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset? RevokedAt,
    Guid? RegistrationId = null);

/// <summary>Why an operation did nothing; the caller maps it (NotFound to NOT_FOUND, Revoked to FAILED_PRECONDITION, Invalid to INVALID_ARGUMENT).</summary>
public enum MachineClientError
{
    /// <summary>No such client in this organisation, whether or not another organisation has it.</summary>
    NotFound,

    /// <summary>The client is revoked; a revoked client cannot get a new secret.</summary>
    Revoked,

    /// <summary>The input was wrong; see <see cref="MachineClientResult{T}.Violations"/>.</summary>
    Invalid,
}

/// <summary>One wrong input field, in the shape of a <c>google.rpc.BadRequest</c> field violation.</summary>
public sealed record MachineClientViolation(string Field, string Description);

/// <summary>The outcome of an administration operation: a value, or an error and nothing stored.</summary>
public sealed record MachineClientResult<T> where T : class
{
    private MachineClientResult(T? value, MachineClientError? error, IReadOnlyList<MachineClientViolation> violations)
    {
        Value = value;
        Error = error;
        Violations = violations;
    }

    public T? Value { get; }

    public MachineClientError? Error { get; }

    public IReadOnlyList<MachineClientViolation> Violations { get; }

    public bool Succeeded => Error is null;

    public static MachineClientResult<T> Success(T value) => new(value, null, []);

    public static MachineClientResult<T> Failure(MachineClientError error) => new(null, error, []);

    public static MachineClientResult<T> Invalid(IReadOnlyList<MachineClientViolation> violations) => new(null, MachineClientError.Invalid, violations);
}
