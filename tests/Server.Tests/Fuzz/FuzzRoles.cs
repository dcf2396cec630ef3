using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// The callers the fuzzer speaks as: a person of each role (administrators, so the administration RPCs reach
/// their own checks) signed in through Identity's real login, and an organisation's machine client (client
/// credentials, as an ECD calls). The gemeente sends a purpose, as its portal pages do, so its cross-tenant
/// reads get past the purpose check.
/// </summary>
public sealed class FuzzRoles(GonHosts hosts, GrpcChannel channel)
{
    public const string Gemeente = "gemeente";
    public const string Hoofdaanbieder = "hoofdaanbieder";
    public const string Onderaannemer = "onderaannemer";
    public const string Wij = "wij";
    public const string MachineClient = "machine-client";

    public static readonly IReadOnlyList<string> All = [Gemeente, Hoofdaanbieder, Onderaannemer, Wij, MachineClient];

    private static readonly IReadOnlyDictionary<string, string> People = new Dictionary<string, string>
    {
        [Gemeente] = "beheer@gemeente.demo",
        [Hoofdaanbieder] = "coordinator@stadsezorg.demo",
        [Onderaannemer] = "planner@delinde.demo",
        [Wij] = "consulent@wij.demo",
    };

    /// <summary>The machine client is another hoofdaanbieder's than the person's, so two tenants probe each other's ids.</summary>
    private const string MachineClientCaller = Callers.HaOost;

    // A person's access token lives 10 minutes; a long run signs in again well before that.
    private static readonly TimeSpan PersonTokenAge = TimeSpan.FromMinutes(6);
    private readonly Dictionary<string, (string Token, DateTimeOffset At)> _people = [];

    public async Task<CallInvoker> InvokerAsync(string role)
    {
        var token = role == MachineClient ? await hosts.TokenFor(MachineClientCaller) : await PersonTokenAsync(role);
        var purpose = role == Gemeente ? "Fuzztest van foutafhandeling" : null;
        return channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            if (purpose is not null)
            {
                metadata.Add("gon-purpose", purpose);
            }
            return metadata;
        });
    }

    private async Task<string> PersonTokenAsync(string role)
    {
        if (_people.TryGetValue(role, out var cached) && DateTimeOffset.UtcNow - cached.At < PersonTokenAge)
        {
            return cached.Token;
        }
        var tokens = await PersonSignIn.TrySignInAsync(hosts, People[role], HostContracts.DemoData.Password);
        // A person the fuzz itself locked out (an organisation deactivated by a mutated request) keeps the old token:
        // its calls then answer UNAUTHENTICATED, which is a clean refusal and counted like any other.
        var token = tokens?.AccessToken ?? cached.Token ?? throw new InvalidOperationException($"{People[role]} could not sign in.");
        _people[role] = (token, DateTimeOffset.UtcNow);
        return token;
    }
}
