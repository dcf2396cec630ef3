using System.Security.Claims;
using GonPortal.Server.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GonPortal.Server.Tests.Auth;

/// <summary>
/// The bearer handler's events with the cache attached, driven as the handler drives them: a validated token is a
/// hit by its exact text until it expires, and nothing else is.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly AuthenticationScheme Scheme = new(JwtBearerDefaults.AuthenticationScheme, null, typeof(JwtBearerHandler));
    private readonly JwtBearerOptions _options = new();

    public ValidatedTokenCacheTests() => new ValidatedTokenCache().Attach(_options.Events);

    [Fact]
    public async Task A_validated_token_authenticates_its_next_call_without_validation()
    {
        var token = Token(DateTime.UtcNow.AddMinutes(10));
        var principal = await ValidatedAsync(token);

        var next = await ReceivedAsync($"Bearer {token}");
        Assert.True(next.Result?.Succeeded);
        Assert.Same(principal, next.Result!.Principal);
    }

    [Fact]
    public async Task Another_text_is_no_hit_even_when_it_differs_by_one_character()
    {
        var token = Token(DateTime.UtcNow.AddMinutes(10));
        await ValidatedAsync(token);
        var forged = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.Null((await ReceivedAsync($"Bearer {forged}")).Result);
        Assert.Null((await ReceivedAsync(token)).Result); // without the scheme the handler reads no token either
        Assert.Null((await ReceivedAsync("")).Result);
    }

    [Fact]
    public async Task An_expired_token_is_not_remembered()
    {
        var token = Token(DateTime.UtcNow.AddSeconds(-5)); // inside the handler's clock skew, so it was accepted
        await ValidatedAsync(token);

        Assert.Null((await ReceivedAsync($"Bearer {token}")).Result);
    }

    [Fact]
    public async Task A_token_the_handler_rejected_is_not_remembered()
    {
        var token = Token(DateTime.UtcNow.AddMinutes(10));
        var context = ValidatedContext(token);
        context.Fail("refused by an earlier check");
        await _options.Events.TokenValidated(context);

        Assert.Null((await ReceivedAsync($"Bearer {token}")).Result);
    }

    private async Task<ClaimsPrincipal> ValidatedAsync(string token)
    {
        var context = ValidatedContext(token);
        await _options.Events.TokenValidated(context);
        return context.Principal!;
    }

    private TokenValidatedContext ValidatedContext(string token)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = $"Bearer {token}";
        return new TokenValidatedContext(http, Scheme, _options)
        {
            Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "tester")], "Bearer")),
            SecurityToken = new JsonWebToken(token),
        };
    }

    private async Task<MessageReceivedContext> ReceivedAsync(string authorization)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = authorization;
        var context = new MessageReceivedContext(http, Scheme, _options);
        await _options.Events.MessageReceived(context);
        return context;
    }

    private static string Token(DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "tester"), new Claim("jti", Guid.NewGuid().ToString())]),
        IssuedAt = expires.AddMinutes(-20),
        NotBefore = expires.AddMinutes(-20),
        Expires = expires,
    });
}
