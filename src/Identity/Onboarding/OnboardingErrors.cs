namespace GonPortal.Identity.Onboarding;

/// <summary>Bad input; field names are the Server's proto field names, so it can pass them on unchanged.</summary>
public sealed class OnboardingValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors => errors;
}

/// <summary>The organisation or person does not exist (404).</summary>
public sealed class OnboardingNotFoundException(string what) : Exception($"{what} not found.");

/// <summary>The request conflicts with what is stored (409): a wrong state, or something that already exists.</summary>
public sealed class OnboardingConflictException(string message, bool alreadyExists = false) : Exception(message)
{
    /// <summary>True: the thing exists already (ALREADY_EXISTS); false: a wrong state (FAILED_PRECONDITION).</summary>
    public bool AlreadyExists => alreadyExists;
}

/// <summary>Collects field errors and throws them all at once, so the caller sees every broken field.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public FieldErrors Check(bool broken, string field, string message)
    {
        if (broken)
        {
            (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);
        }
        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new OnboardingValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
