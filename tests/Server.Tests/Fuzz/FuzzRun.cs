using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// One fuzz run against real hosts: a schedule over every RPC × class × role drawn from the seed, each request
/// sent on its own (so rows stored can be attributed to it) and judged by <see cref="FuzzReport"/>.
/// </summary>
public sealed class FuzzRun(GonHosts hosts, FuzzSettings settings)
{
    public async Task<FuzzReport> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        using var channel = GrpcChannel.ForAddress(hosts.ServerUrl, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        var roles = new FuzzRoles(hosts, channel);
        var ids = await IdPool.LoadAsync(hosts.ServerServices);
        var bad = new BadRequests(new ValidRequests(ids), ids);
        var counts = RowCounts.For(hosts.ServerServices);
        var rpcs = RpcCatalog.All;
        var report = new FuzzReport(hosts.Database.ToString(), settings.Seed, FuzzSettings.Bound) 
        {
            RpcCount = rpcs.Count,
            Log = Environment.GetEnvironmentVariable("GON_FUZZ_VERBOSE") == "1" ? TestContext.Current.TestOutputHelper!.WriteLine : null,
        };
        var total = settings.RequestsFor(hosts.Database);
        var index = 0;
        var before = await counts.ReadAsync();

        async Task SendAsync(FuzzRpc rpc, FuzzClass fuzzClass, string role, Action<FuzzOutcome>? seen = null)
        {
            var i = index++;
            if (settings.RpcFilter is { } filter && !rpc.Key.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            // Each request has its own generator, so a request replays the same whether or not the others run.
            var random = new Random(HashCode.Combine(settings.Seed, i));
            var request = bad.Generate(rpc, fuzzClass, random);
            var invoker = await roles.InvokerAsync(role);
            var outcome = await RawCall.SendAsync(invoker, rpc, request.Messages, FuzzSettings.Bound);
            var after = await counts.ReadAsync();
            report.Add(i, rpc, role, request, outcome, counts.Changes(before, after));
            before = after;
            seen?.Invoke(outcome);
        }

        // Probe: a valid-looking request per RPC and role shows which roles the RPC refuses outright; most of the
        // bad requests then go to the roles that get past that check, where the handler's own code runs.
        var allowed = rpcs.ToDictionary(r => r, _ => new List<string>());
        var probe = total >= 2 * rpcs.Count * FuzzRoles.All.Count;
        if (probe)
        {
            foreach (var rpc in rpcs)
            {
                foreach (var role in FuzzRoles.All)
                {
                    await SendAsync(rpc, FuzzClass.Valid, role, outcome =>
                    {
                        if (outcome.Code is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated))
                        {
                            allowed[rpc].Add(role);
                        }
                    });
                }
            }
        }
        foreach (var (rpc, fuzzClass, role) in Schedule(rpcs, total - index, settings.Seed, probe ? allowed : null))
        {
            await SendAsync(rpc, fuzzClass, role);
        }
        report.Elapsed = DateTimeOffset.UtcNow - started;
        return report;
    }

    /// <summary>
    /// After the probe, request i goes to RPC i mod R; each RPC draws its classes from its own shuffled deck (every class once
    /// before any twice) and cycles through the roles that passed the probe, so a few thousand requests cover every RPC with most
    /// classes and every role.
    /// </summary>
    private static List<(FuzzRpc Rpc, FuzzClass Class, string Role)> Schedule(
        IReadOnlyList<FuzzRpc> rpcs, int requests, int seed, IReadOnlyDictionary<FuzzRpc, List<string>>? allowed)
    {
        var random = new Random(seed);
        var classes = Enum.GetValues<FuzzClass>();
        var decks = rpcs.Select(_ => new Queue<FuzzClass>()).ToArray();
        var roleOffsets = rpcs.Select(_ => random.Next(FuzzRoles.All.Count)).ToArray();
        var schedule = new List<(FuzzRpc, FuzzClass, string)>(requests);
        for (var i = 0; i < requests; i++)
        {
            var r = i % rpcs.Count;
            var round = i / rpcs.Count;
            if (decks[r].Count == 0)
            {
                foreach (var c in classes.OrderBy(_ => random.Next()))
                {
                    decks[r].Enqueue(c);
                }
            }
            // One request in eight still goes to any role: a refused role must refuse bad bytes cleanly too.
            var anyRole = random.Next(8) == 0;
            var roles = !anyRole && allowed is not null && allowed[rpcs[r]].Count > 0 ? allowed[rpcs[r]] : FuzzRoles.All;
            schedule.Add((rpcs[r], decks[r].Dequeue(), roles[(round + roleOffsets[r]) % roles.Count]));
        }
        return schedule;
    }
}
