namespace GonPortal.Identity.Hardening;

/// <summary>
/// The <c>Identity:RateLimits</c> section. Each limit is a fixed window: at most <see cref="WindowLimit.PermitLimit"/>
/// requests per <see cref="WindowLimit.WindowSeconds"/>, then 429 until the window ends.
/// </summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "Identity:RateLimits";

    /// <summary>
    /// POST /connect/token per client_id and remote address. High, because the portal exchanges codes and
    /// refreshes tokens for all its users from one address; it caps guessing a client secret and flooding.
    /// </summary>
    public WindowLimit Token { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>
    /// POST /Account/Login per remote address, over all accounts (password spraying, floods). Not lower,
    /// because an office behind one NAT address signs in many people at the start of the day.
    /// </summary>
    public WindowLimit Login { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>
    /// Failed logins per remote address and account. Must stay below the account lockout's
    /// <c>MaxFailedAccessAttempts</c>, so that one address cannot lock someone else's account in a burst.
    /// </summary>
    public WindowLimit LoginFailures { get; set; } = new() { PermitLimit = 3, WindowSeconds = 900 };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
