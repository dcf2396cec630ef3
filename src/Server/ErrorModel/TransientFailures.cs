using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// Recognises a database failure that a later attempt may not meet: the database restarting or shut down by its
/// administrator (PostgreSQL 57P01-57P03), a connection refused or broken, too many connections, a serialization
/// failure or deadlock, SQLite busy or locked, or anything the provider itself calls transient
/// (<see cref="DbException.IsTransient"/>). Such a call stored nothing (each write is one transaction), so the
/// caller may safely retry it; the error model answers UNAVAILABLE with retry advice instead of INTERNAL.
/// </summary>
public static class TransientFailures
{
    /// <summary>How long the answer asks a client to wait before its retry.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    // Class 08 connection exception, 53 insufficient resources, 57P0x operator intervention, 40001/40P01 retryable conflicts.
    private static readonly string[] SqlStatePrefixes = ["08", "53", "57P01", "57P02", "57P03", "40001", "40P01"];

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current switch
            {
                PostgresException p => SqlStatePrefixes.Any(s => p.SqlState.StartsWith(s, StringComparison.Ordinal)),
                SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
                NpgsqlException n => n.IsTransient,
                DbException d => d.IsTransient,
                SocketException => true,
                _ => false,
            })
            {
                return true;
            }
        }
        return false;
    }
}
