using System.Globalization;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// The run's knobs from the environment: GON_FUZZ_SEED replays a run (printed in every summary),
/// GON_FUZZ_REQUESTS sets the number of requests on SQLite (PostgreSQL gets a quarter), GON_FUZZ_RPC limits the
/// run to RPCs whose "Service/Rpc" contains the text (same requests as in the full run, the others skipped).
/// </summary>
public sealed record FuzzSettings(int Seed, int SqliteRequests, string? RpcFilter)
{
    /// <summary>The CI share: enough for every RPC to see most classes and every role, in well under two minutes.</summary>
    public const int DefaultSqliteRequests = 2000;

    /// <summary>A call slower than this is a hang, whatever it answers.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public int RequestsFor(HostContracts.DatabaseProvider database) =>
        database == HostContracts.DatabaseProvider.Sqlite ? SqliteRequests : Math.Max(1, SqliteRequests / 4);

    public static FuzzSettings FromEnvironment()
    {
        var seedText = Environment.GetEnvironmentVariable("GON_FUZZ_SEED");
        var seed = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var requestsText = Environment.GetEnvironmentVariable("GON_FUZZ_REQUESTS");
        var requests = int.TryParse(requestsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : DefaultSqliteRequests;
        var filter = Environment.GetEnvironmentVariable("GON_FUZZ_RPC");
        return new FuzzSettings(seed, requests, string.IsNullOrWhiteSpace(filter) ? null : filter.Trim());
    }
}
