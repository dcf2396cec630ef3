using GonPortal.Domain.Hours;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace GonPortal.Server.Hours;

/// <summary>
/// Stores a judged chunk of new hour entries. On PostgreSQL one binary COPY straight into the table:
/// the change tracker and per-row INSERTs were most of an import's cost. COPY is one statement, so a
/// chunk is stored whole or not at all, and a key a concurrent import stored first fails it on the
/// unique index (reporter, key) exactly as an INSERT would — the writer then judges the chunk again
/// (<see cref="IsKeyRace"/>). Every row passes the same tenant check as SaveChanges
/// (<see cref="GonDbContext.EnsureMayAdd"/>). Other databases keep the EF path. Whatever else the context tracks (the
/// client access log's entries for this chunk) is saved in the same transaction as the COPY, so the audit trail
/// holds exactly the chunks that were stored.
/// Columns come from the EF model, so a new HourEntry column is copied without a change here.
/// </summary>
public sealed class HourEntryBulkStore(GonDbContext db)
{
    private static readonly object ColumnsLock = new();
    private static (IModel Model, string Sql, Column[] Columns)? _copy;

    public async Task AddAsync(IReadOnlyList<HourEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries)
        {
            db.EnsureMayAdd(entry);
        }
        if (!db.Database.IsNpgsql())
        {
            db.HourEntries.AddRange(entries);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        var (sql, columns) = CopyCommand();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await using (var importer = await connection.BeginBinaryImportAsync(sql, ct))
                {
                    foreach (var entry in entries)
                    {
                        await importer.StartRowAsync(ct);
                        foreach (var column in columns)
                        {
                            await column.WriteAsync(importer, entry, ct);
                        }
                    }
                    await importer.CompleteAsync(ct);
                }
                await db.SaveChangesAsync(ct);
                if (own is not null)
                {
                    await own.CommitAsync(ct);
                }
                db.ChangeTracker.Clear();
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A unique-index violation: another call stored one of these keys first.</summary>
    public static bool IsKeyRace(Exception e) => e is DbUpdateException || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private (string Sql, Column[] Columns) CopyCommand()
    {
        var model = db.Model;
        if (_copy is { } cached && ReferenceEquals(cached.Model, model))
        {
            return (cached.Sql, cached.Columns);
        }
        lock (ColumnsLock)
        {
            var type = model.FindEntityType(typeof(HourEntry))!;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().Select(p => Column.For(p, p.GetColumnName(table)!)).ToArray();
            var name = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
            var sql = $"COPY {name} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
            _copy = (model, sql, columns);
            return (sql, columns);
        }
    }

    /// <summary>One column: the property's value as EF would store it (value converters applied), written with its PostgreSQL type.</summary>
    private sealed record Column(string Name, Func<HourEntry, object?> Value, NpgsqlDbType Type)
    {
        public static Column For(IProperty property, string name)
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            var storeType = converter?.ProviderClrType ?? property.ClrType;
            storeType = Nullable.GetUnderlyingType(storeType) ?? storeType;
            Func<HourEntry, object?> value = converter is null
                ? e => getter.GetClrValue(e)
                : e => getter.GetClrValue(e) is { } v ? converter.ConvertToProvider(v) : null;
            return new Column(name, value, TypeOf(storeType, property));
        }

        public Task WriteAsync(NpgsqlBinaryImporter importer, HourEntry entry, CancellationToken ct) => Value(entry) switch
        {
            null => importer.WriteNullAsync(ct),
            Guid g => importer.WriteAsync(g, Type, ct),
            string s => importer.WriteAsync(s, Type, ct),
            int i => importer.WriteAsync(i, Type, ct),
            long l => importer.WriteAsync(l, Type, ct),
            bool b => importer.WriteAsync(b, Type, ct),
            decimal d => importer.WriteAsync(d, Type, ct),
            DateOnly d => importer.WriteAsync(d, Type, ct),
            DateTimeOffset t => importer.WriteAsync(t, Type, ct),
            Enum e => importer.WriteAsync(Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture), Type, ct),
            var other => throw new NotSupportedException($"HourEntry.{Name}: no COPY mapping for {other.GetType().Name}."),
        };

        private static NpgsqlDbType TypeOf(Type type, IProperty property) =>
            type == typeof(Guid) ? NpgsqlDbType.Uuid
            : type == typeof(string) ? NpgsqlDbType.Varchar
            : type == typeof(int) || type.IsEnum ? NpgsqlDbType.Integer
            : type == typeof(long) ? NpgsqlDbType.Bigint
            : type == typeof(bool) ? NpgsqlDbType.Boolean
            : type == typeof(decimal) ? NpgsqlDbType.Numeric
            : type == typeof(DateOnly) ? NpgsqlDbType.Date
            : type == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
            : throw new NotSupportedException($"HourEntry.{property.Name}: no COPY mapping for {type.Name}.");
    }
}
