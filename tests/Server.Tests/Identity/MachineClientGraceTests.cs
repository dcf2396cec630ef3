using GonPortal.HostContracts;
using GonPortal.Identity.Onboarding;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Identity whose previous secret stays valid 2 seconds after a rotation, and whose access tokens live 3 minutes.</summary>
public sealed class ShortGraceIdentity() : IdentityHost(new Dictionary<string, string?>
{
    ["Identity:MachineClients:RotationGraceHours"] = (2.0 / 3600).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Identity:Tokens:AccessTokenMinutes"] = "3",
});

public sealed class MachineClientGraceTests(ShortGraceIdentity identity) : IClassFixture<ShortGraceIdentity>
{
    [Fact]
    public async Task After_the_grace_period_the_previous_secret_fails_and_the_new_one_works()
    {
        var (clientId, oldSecret) = await RegisterAsync();
        var rotated = await WithAdministration(a => a.RotateSecretAsync(DemoData.DeLinde.Id, clientId));
        Assert.True(rotated.Succeeded);

        // A real wait past the real grace: the clock is not faked.
        var wait = rotated.Value!.PreviousSecretValidUntil - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.Equal(Errors.InvalidClient, await TokenEndpoint.ErrorAsync(identity.Url, clientId, oldSecret));
        await TokenEndpoint.AccessTokenAsync(identity.Url, clientId, rotated.Value.ClientSecret);
    }

    [Fact]
    public async Task The_access_token_lifetime_follows_the_configuration()
    {
        var (clientId, secret) = await RegisterAsync();

        var token = await TokenEndpoint.AccessTokenAsync(identity.Url, clientId, secret);

        Assert.Equal(180, TokenEndpoint.LifetimeSeconds(token));
    }

    private async Task<(string ClientId, string Secret)> RegisterAsync()
    {
        var result = await WithAdministration(a => a.RegisterAsync(
            new MachineClientOrganisation(DemoData.DeLinde.Id, DemoData.DeLinde.Name, DemoData.DeLinde.Role), "Korte gratie"));
        Assert.True(result.Succeeded);
        return (result.Value!.ClientId, result.Value.ClientSecret);
    }

    private async Task<T> WithAdministration<T>(Func<MachineClientAdministration, Task<T>> action)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MachineClientAdministration>());
    }
}
