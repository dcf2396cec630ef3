using System.Data.Common;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// Real ids from the test database (a few per entity with a GUID key, every tenant's), so a generated request can
/// name things that exist — the caller's own, or another tenant's, which it must not be able to see or touch.
/// </summary>
public sealed class IdPool
{
    private readonly Dictionary<string, List<string>> _byEntity;
    private readonly List<string> _all;

    private IdPool(Dictionary<string, List<string>> byEntity)
    {
        _byEntity = byEntity;
        _all = byEntity.Values.SelectMany(v => v).ToList();
    }

    /// <summary>A pool of given ids per entity name, for tests of the generators without a database.</summary>
    public static IdPool Of(Dictionary<string, List<string>> byEntity) => new(byEntity);

    /// <summary>An id of the entity a field names (client_id: a client), or of any entity when none matches.</summary>
    public string For(string fieldName, string requestName, Random random)
    {
        var entity = EntityFor(fieldName, requestName);
        var ids = entity is not null && _byEntity.TryGetValue(entity, out var list) && list.Count > 0 ? list : _all;
        return ids.Count == 0 ? new Guid(Bytes(random)).ToString() : ids[random.Next(ids.Count)];
    }

    /// <summary>An id of some entity of another kind than the field names: valid, existing, and wrong.</summary>
    public string Foreign(string fieldName, string requestName, Random random)
    {
        var entity = EntityFor(fieldName, requestName);
        var others = _byEntity.Where(e => e.Key != entity).SelectMany(e => e.Value).ToList();
        return others.Count == 0 ? For(fieldName, requestName, random) : others[random.Next(others.Count)];
    }

    private string? EntityFor(string fieldName, string requestName)
    {
        var stem = fieldName is "id" ? requestName.Replace("Request", "", StringComparison.Ordinal) : Pascal(fieldName);
        if (Aliases.FirstOrDefault(a => stem.EndsWith(a.Key, StringComparison.Ordinal)) is { Key: not null } alias)
        {
            return alias.Value;
        }
        // The longest entity name the field or request ends with: "hour_entry_id" → HourEntry, "GetClientRequest" → Client.
        return _byEntity.Keys.Where(e => stem.EndsWith(e, StringComparison.Ordinal)).OrderByDescending(e => e.Length).FirstOrDefault();
    }

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["Hoofdaanbieder"] = "Provider",
        ["Onderaannemer"] = "Provider",
        ["Organisation"] = "Provider",
        ["Statement"] = "SettlementResult",
        ["Settlement"] = "SettlementResult",
        ["Reconciliation"] = "SettlementResult",
        ["Result"] = "SettlementResult",
        ["Entry"] = "HourEntry",
        ["Adjustment"] = "BudgetAdjustment",
    };

    private static string Pascal(string field) =>
        string.Concat(field.Replace("_ids", "", StringComparison.Ordinal).Replace("_id", "", StringComparison.Ordinal)
            .Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    internal static byte[] Bytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    public static async Task<IdPool> LoadAsync(IServiceProvider server)
    {
        using var scope = server.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var byEntity = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            foreach (var type in db.Model.GetEntityTypes())
            {
                var key = type.FindPrimaryKey();
                var table = type.GetTableName();
                if (table is null || type.IsOwned() || key is not { Properties: [var id] } || id.ClrType != typeof(Guid)
                    || id.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema())) is not { } column)
                {
                    continue;
                }
                await using var command = connection.CreateCommand();
                // Ordered so that a seed draws the same rows from a database seeded the same way.
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" ORDER BY 1 LIMIT 25";
                var ids = new List<string>();
                await using (DbDataReader reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        ids.Add(Guid.Parse(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!).ToString());
                    }
                }
                byEntity[type.ClrType.Name] = ids;
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        return new IdPool(byEntity);
    }
}
