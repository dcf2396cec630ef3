using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace GonPortal.ImportBench;

/// <summary>
/// What the bench does straight in PostgreSQL, around the import it measures: the history the table
/// holds before the import, and the reference — a raw binary COPY of the rows the import stored.
/// Enum columns of HourEntries hold the enum numbers (Unit Hour 1; Status Approved 2).
/// </summary>
internal static class PostgresSide
{
    /// <summary>
    /// Fills the table with <paramref name="count"/> approved entries before the import (generate_series,
    /// one statement, the table's indexes in place): the demo's hour arrangements of every hoofdaanbieder,
    /// reported by the hoofdaanbieder itself, dated 2017–2026 so they do not count toward the 24-hour
    /// rule of the 2027 entries the import sends, but do fill every index the import writes to.
    /// </summary>
    public static async Task PreloadAsync(NpgsqlDataSource db, long count)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO "HourEntries" ("Id", "EntryKey", "ArrangementId", "ClientId", "AreaId", "TenantId", "ServiceDate",
                "Product", "Unit", "Quantity", "ActivityNote", "ReportedByProviderId", "SubcontractId", "ReversesEntryId",
                "Status", "SubmittedAt", "SubmittedBy", "ReviewedAt", "ReviewedBy", "ReviewNote")
            SELECT gen_random_uuid(), 'history-' || g, a."Id", a."ClientId", a."AreaId", a."TenantId",
                make_date(2017, 1, 1) + (g % 3650)::int,
                CASE a."Product" WHEN 'Begeleiding' THEN 1 WHEN 'Dagbesteding' THEN 2 ELSE 3 END,
                1, 15 + (g % 4)::int * 15, '', a."TenantId", NULL, NULL,
                2, now(), 'bench', now(), 'bench', NULL
            FROM generate_series(1::bigint, $1::bigint) AS g
            JOIN (SELECT row_number() OVER (ORDER BY "Id") - 1 AS idx, "Id", "ClientId", "AreaId", "TenantId", "Product"
                  FROM "Arrangements" WHERE "Unit" = 'Hour' AND "StartDate" IS NOT NULL) AS a
              ON a.idx = g % (SELECT count(*) FROM "Arrangements" WHERE "Unit" = 'Hour' AND "StartDate" IS NOT NULL)
            """);
        command.Parameters.Add(new() { Value = count });
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await using var analyze = db.CreateCommand("""VACUUM ANALYZE "HourEntries" """);
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""SELECT count(*) FROM "HourEntries" """);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// The reference: the rows the import stored for <paramref name="reporterId"/> with keys starting
    /// "bench-", read into memory first (not timed), then written again by one binary COPY into the same
    /// table (same indexes, same millions of rows) under new ids and keys. Returns rows, seconds and the CPU the COPY cost.
    /// </summary>
    public static async Task<(int Rows, double Seconds, CpuMeter.Sample? Cpu)> RawCopyAsync(NpgsqlDataSource db, Guid reporterId, CpuMeter? cpu)
    {
        const string Columns = """
            "Id", "EntryKey", "ArrangementId", "ClientId", "AreaId", "TenantId", "ServiceDate", "Product", "Unit", "Quantity",
            "ActivityNote", "ReportedByProviderId", "SubcontractId", "ReversesEntryId", "Status", "SubmittedAt", "SubmittedBy",
            "ReviewedAt", "ReviewedBy", "ReviewNote"
            """;
        var rows = new List<object?[]>();
        await using (var read = db.CreateCommand($"""SELECT {Columns} FROM "HourEntries" WHERE "ReportedByProviderId" = $1 AND "EntryKey" LIKE 'bench-%'"""))
        {
            read.Parameters.Add(new() { Value = reporterId });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                row[0] = Guid.NewGuid();
                row[1] = "copy-" + row[1];
                rows.Add(row);
            }
        }
        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Uuid,
            NpgsqlDbType.Date, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Uuid,
            NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar,
            NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        ];
        await using var connection = await db.OpenConnectionAsync();
        var cpuBefore = cpu?.Read();
        var watch = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"HourEntries\" ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        await importer.WriteNullAsync();
                    }
                    else
                    {
                        await importer.WriteAsync(row[i], types[i]);
                    }
                }
            }
            await importer.CompleteAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        return (rows.Count, seconds, cpu is null ? null : cpu.Read() - cpuBefore!);
    }
}
