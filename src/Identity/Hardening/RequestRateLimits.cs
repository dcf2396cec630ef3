using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace GonPortal.Identity.Hardening;

/// <summary>
/// One global limiter for the doors that take secrets: the token endpoint (per client_id and address)
/// and the POSTs of the login form and its code steps (per address). Everything else passes unlimited.
/// </summary>
internal static class RequestRateLimits
{
    public const string TokenPath = "/connect/token";
    public const string LoginPath = "/Account/Login";

    /// <summary>
    /// The forms that take a password or a code before a sign-in completes. They share one per-address budget, so a
    /// second step cannot be used to get around the first one's limit.
    /// </summary>
    public static readonly IReadOnlyList<string> SignInPaths = [LoginPath, "/Account/LoginCode", "/Account/EnrolAuthenticator"];

    public static PartitionedRateLimiter<HttpContext> Create(RateLimitSettings settings) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var address = RemoteAddress(http);
            if (http.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
            {
                return FixedWindow($"token|{ClientId(http)}|{address}", settings.Token);
            }

            return IsSignInForm(http.Request.Path)
                ? FixedWindow($"login|{address}", settings.Login)
                : RateLimitPartition.GetNoLimiter("");
        });

    public static bool IsSignInForm(PathString path) =>
        SignInPaths.Any(signInPath => path.Equals(signInPath, StringComparison.OrdinalIgnoreCase));

    public static string RemoteAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Partitioners are synchronous, so the token request's form must already have been read
    /// (<see cref="BufferTokenFormAsync"/>); OpenIddict reads the same cached form afterwards.
    /// </summary>
    private static string ClientId(HttpContext http)
    {
        if (http.Request.HasFormContentType && http.Request.Form.TryGetValue("client_id", out var fromForm) && !string.IsNullOrEmpty(fromForm))
        {
            return fromForm.ToString();
        }

        return BasicAuthenticationUser(http.Request.Headers[HeaderNames.Authorization].ToString()) ?? "";
    }

    private static string? BasicAuthenticationUser(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return Uri.UnescapeDataString(colon < 0 ? decoded : decoded[..colon]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static async Task BufferTokenFormAsync(HttpContext http, Func<Task> next)
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            && http.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }

        await next();
    }

    private static RateLimitPartition<string> FixedWindow(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
}
