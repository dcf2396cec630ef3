namespace GonPortal.Portal.ServerApi;

/// <summary>The answer of one call to the Server: a value, or a failure with a Dutch message for the person.</summary>
public sealed record ServerResult<T>(T? Value, ApiFailure? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>The Dutch message of the failure; null on success.</summary>
    public string? Error => Failure?.Message;

    public static ServerResult<T> Ok(T value) => new(value, null);

    public static ServerResult<T> Failed(ApiFailure failure) => new(default, failure);

    /// <summary>The same failure for a result of another type (when one call of several failed).</summary>
    public ServerResult<TOther> Cast<TOther>() => new(default, Failure);
}
