using Npgsql;

namespace GonPortal.ReconciliationBench;

/// <summary>
/// Fills the hour-entry table straight in PostgreSQL (generate_series), because millions of entries
/// through the API would take hours and the import is not what is measured here. Rows are approved
/// hour entries of the hoofdaanbieder's own staff on its hour arrangements of the area, spread over
/// the year, 15 to 60 minutes each, so the reconciliation counts every one of them.
/// Enum columns of HourEntries hold the enum numbers (Product Begeleiding 1, Dagbesteding 2,
/// KortdurendVerblijf 3; Unit Hour 1; Status Approved 2); Arrangements hold the names.
/// </summary>
internal static class EntryGenerator
{
    /// <summary>The arrangements the reconciliation takes for U: hour unit, started, active or ended, active in the year ($1 tenant, $2 area, $3 year).</summary>
    private const string HourArrangementsOfTheYear = """
        "TenantId" = $1 AND "AreaId" = $2 AND "Unit" = 'Hour' AND "State" IN ('Active', 'Ended')
        AND "StartDate" <= make_date($3, 12, 31) AND ("EndDate" IS NULL OR "EndDate" >= make_date($3, 1, 1))
        """;

    public static async Task<int> HourArrangementCountAsync(NpgsqlDataSource db, Guid hoofdaanbiederId, int areaId, int year)
    {
        await using var command = db.CreateCommand("""
            SELECT count(*) FROM "Arrangements" WHERE {HourArrangementsOfTheYear}
            """);
        command.CommandText = command.CommandText.Replace("{HourArrangementsOfTheYear}", HourArrangementsOfTheYear, StringComparison.Ordinal);
        command.Parameters.Add(new() { Value = hoofdaanbiederId });
        command.Parameters.Add(new() { Value = areaId });
        command.Parameters.Add(new() { Value = year });
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    /// <summary>Adds <paramref name="count"/> entries numbered from <paramref name="first"/> (keys stay unique across calls).</summary>
    public static async Task AddAsync(NpgsqlDataSource db, Guid hoofdaanbiederId, int areaId, int year, long first, long count)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO "HourEntries" ("Id", "EntryKey", "ArrangementId", "ClientId", "AreaId", "TenantId", "ServiceDate",
                "Product", "Unit", "Quantity", "ActivityNote", "ReportedByProviderId", "SubcontractId", "ReversesEntryId",
                "Status", "SubmittedAt", "SubmittedBy", "ReviewedAt", "ReviewedBy", "ReviewNote")
            SELECT gen_random_uuid(), 'bench-' || g, a."Id", a."ClientId", a."AreaId", a."TenantId",
                make_date($3, 1, 1) + (g % 365)::int,
                CASE a."Product" WHEN 'Begeleiding' THEN 1 WHEN 'Dagbesteding' THEN 2 ELSE 3 END,
                1, 15 + (g % 4)::int * 15, '', a."TenantId", NULL, NULL,
                2, now(), 'bench', now(), 'bench', NULL
            FROM generate_series($4::bigint, $5::bigint) AS g
            JOIN (SELECT row_number() OVER (ORDER BY "Id") - 1 AS idx, "Id", "ClientId", "AreaId", "TenantId", "Product"
                  FROM "Arrangements" WHERE {HourArrangementsOfTheYear}) AS a
              ON a.idx = g % $6
            """.Replace("{HourArrangementsOfTheYear}", HourArrangementsOfTheYear, StringComparison.Ordinal));
        var arrangements = await HourArrangementCountAsync(db, hoofdaanbiederId, areaId, year);
        command.Parameters.Add(new() { Value = hoofdaanbiederId });
        command.Parameters.Add(new() { Value = areaId });
        command.Parameters.Add(new() { Value = year });
        command.Parameters.Add(new() { Value = first });
        command.Parameters.Add(new() { Value = first + count - 1 });
        command.Parameters.Add(new() { Value = (long)arrangements });
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await using var analyze = db.CreateCommand("""ANALYZE "HourEntries" """);
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The reference: one hand-written aggregate that yields the same delivered minutes per arrangement
    /// the reconciliation needs for U. Returns the number of groups and the total, to check both agree.
    /// </summary>
    public static async Task<(int Groups, long Minutes)> HandWrittenAggregateAsync(NpgsqlDataSource db, Guid hoofdaanbiederId, int areaId, int year)
    {
        await using var command = db.CreateCommand("""
            SELECT "ArrangementId", sum("Quantity") AS minutes
            FROM "HourEntries"
            WHERE "TenantId" = $1 AND "AreaId" = $2 AND "Unit" = 1 AND "Status" = 2
              AND "ServiceDate" >= make_date($3, 1, 1) AND "ServiceDate" <= make_date($3, 12, 31)
            GROUP BY "ArrangementId"
            """);
        command.Parameters.Add(new() { Value = hoofdaanbiederId });
        command.Parameters.Add(new() { Value = areaId });
        command.Parameters.Add(new() { Value = year });
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        var groups = 0;
        long minutes = 0;
        while (await reader.ReadAsync())
        {
            groups++;
            minutes += reader.GetInt64(1);
        }
        return (groups, minutes);
    }
}
