using GonPortal.Identity.Pruning;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Expired and redeemed tokens leave the database (the scheduled service calls the same pruner).</summary>
public abstract class TokenPruningTests(GonHosts hosts)
{
    [Fact]
    public async Task Pruning_removes_an_expired_token_and_keeps_a_valid_one()
    {
        hosts.RequireAvailable();
        var now = DateTimeOffset.UtcNow;
        string expiredId, validId;
        await using (var scope = hosts.IdentityServices.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            expiredId = (await tokens.GetIdAsync(await tokens.CreateAsync(Token(now.AddDays(-30), now.AddDays(-29)))))!;
            validId = (await tokens.GetIdAsync(await tokens.CreateAsync(Token(now.AddDays(-30), now.AddDays(1)))))!;
        }

        var (pruned, _) = await hosts.IdentityServices.GetRequiredService<TokenPruner>().PruneAsync(CancellationToken.None);

        Assert.True(pruned >= 1);
        await using (var scope = hosts.IdentityServices.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            Assert.Null(await tokens.FindByIdAsync(expiredId));
            Assert.NotNull(await tokens.FindByIdAsync(validId));
        }
    }

    private static OpenIddictTokenDescriptor Token(DateTimeOffset created, DateTimeOffset expires) => new()
    {
        CreationDate = created,
        ExpirationDate = expires,
        Status = Statuses.Valid,
        Subject = "pruning-test",
        Type = TokenTypeHints.AccessToken,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTokenPruningTests(SqliteHosts hosts) : TokenPruningTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTokenPruningTests(PostgresHosts hosts) : TokenPruningTests(hosts);
