using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// The number of rows in every table of the Server's model, read in one SQL statement, so the fuzzer can tell
/// after each call whether anything was stored. The audit trail is counted but allowed to grow on a refusal (a
/// refused cross-tenant look is still a look on record); the settlement jobs' result tables are written by
/// background runs that an earlier, accepted call started, so they cannot be attributed to the call just made.
/// </summary>
public sealed class RowCounts
{
    /// <summary>Tables a refused call may add to: the trail and the head row of its chain partition (the first entry of a day and bucket creates it).</summary>
    public static readonly IReadOnlySet<string> Audit = new HashSet<string>(["AuditEntries", "AuditChainHeads"]);

    /// <summary>Tables written later by background jobs (settlement runs) rather than by the call in flight.</summary>
    public static readonly IReadOnlySet<string> Background = new HashSet<string>(["SettlementResults", "SettlementStatementLines", "SettlementShortageLines"]);

    private readonly IServiceProvider _server;
    private readonly string[] _tables;
    private readonly string _sql;

    private RowCounts(IServiceProvider server, string[] tables)
    {
        _server = server;
        _tables = tables;
        _sql = "SELECT " + string.Join(", ", tables.Select((t, i) => $"(SELECT COUNT(*) FROM \"{t}\") AS c{i}"));
    }

    public static RowCounts For(IServiceProvider server)
    {
        using var scope = server.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        return new RowCounts(server, tables);
    }

    public IReadOnlyList<string> Tables => _tables;

    public async Task<long[]> ReadAsync()
    {
        using var scope = _server.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<GonDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _sql;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var counts = new long[_tables.Length];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            return counts;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Tables whose count changed, with the change ("HourEntries +3").</summary>
    public IReadOnlyList<(string Table, long Delta)> Changes(long[] before, long[] after) =>
        _tables.Select((t, i) => (t, after[i] - before[i])).Where(c => c.Item2 != 0).ToList();
}
