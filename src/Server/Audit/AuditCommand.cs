using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Audit;

/// <summary>
/// <c>dotnet run --project src/Server -- audit verify</c>: checks the configured database's audit trail without
/// starting the server (same configuration: Database:Provider, ConnectionStrings:Gon). Exit code 0 intact, 1 broken.
/// </summary>
public static class AuditCommand
{
    public static bool Matches(string[] args) => args is ["audit", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["audit", "verify", ..])
        {
            await Console.Error.WriteLineAsync("usage: audit verify [--ConnectionStrings:Gon=...] [--Database:Provider=...]");
            return 2;
        }
        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.AddGonData();
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<AuditChainVerifier>();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        Console.WriteLine(Describe(result));
        return result.Intact ? 0 : 1;
    }

    public static string Describe(AuditVerification result) => result.FirstBreak is { } b
        ? $"broken: partition {b.Partition}, position {b.Position}, entry {(b.EntryId?.ToString() ?? "(missing)")}: {b.Reason} ({result.EntriesChecked} entries verified before it)"
        : $"intact: {result.EntriesChecked} entries in {result.PartitionsChecked} partitions verified; {result.LegacyEntries} legacy entries from before the chain (counted, not hashed)";
}
