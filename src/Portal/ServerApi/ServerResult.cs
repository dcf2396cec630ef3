namespace GonPortal.Portal.ServerApi;

/// <summary>The answer of one call to the Server: a value, or a Dutch message for the person.</summary>
public sealed record ServerResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static ServerResult<T> Ok(T value) => new(value, null);

    public static ServerResult<T> Failed(string error) => new(default, error);
}
