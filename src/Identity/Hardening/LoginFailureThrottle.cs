using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Hardening;

/// <summary>
/// Counts failed logins per remote address and account. Once the budget is spent, the login page answers 429
/// without checking the password, so the account's own failure counter (and with it the lockout) does not move.
/// Successful logins cost nothing, so people who sign in often from one office address are never throttled.
/// </summary>
public sealed class LoginFailureThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public LoginFailureThrottle(IOptions<RateLimitSettings> settings)
    {
        var limit = settings.Value.LoginFailures;
        _failures = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>True when this address has used up its failures for this account; the retry delay comes with it.</summary>
    public bool IsThrottled(string address, string email, out TimeSpan? retryAfter)
    {
        // Zero permits only asks whether any are left.
        using var lease = _failures.AttemptAcquire(Key(address, email), 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : null;
        return !lease.IsAcquired;
    }

    public void RecordFailure(string address, string email)
    {
        // Fixed-window permits are not returned on dispose: the failure stays counted until the window ends.
        using var _ = _failures.AttemptAcquire(Key(address, email));
    }

    private static string Key(string address, string email) => $"{address}|{email.Trim().ToUpperInvariant()}";

    public void Dispose() => _failures.Dispose();
}
