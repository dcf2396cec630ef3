using Npgsql;

namespace GonPortal.ImportBench;

/// <summary>
/// CPU seconds used by the Server process, by the PostgreSQL instance and by the bench itself (the client),
/// read from /proc. On a machine shared with other work, wall time says as much about the neighbours as
/// about the import; the CPU a phase costs does not, so both are reported. PostgreSQL's share is the
/// postmaster with every backend: live backends count their own time, ended ones have been added to the
/// postmaster's children's time (cutime/cstime) when it reaped them. The instance must be this bench's
/// alone for the figure to mean anything.
/// </summary>
internal sealed class CpuMeter(int serverPid, int postmasterPid)
{
    public sealed record Sample(double Server, double Postgres, double Client)
    {
        public double Total => Server + Postgres + Client;

        public static Sample operator -(Sample a, Sample b) => new(a.Server - b.Server, a.Postgres - b.Postgres, a.Client - b.Client);
    }

    private static readonly double Tick = 100.0; // USER_HZ on Linux

    public static async Task<CpuMeter?> ForAsync(int serverPid, NpgsqlDataSource? db)
    {
        if (db is null || !OperatingSystem.IsLinux())
        {
            return null;
        }
        await using var command = db.CreateCommand("SELECT pg_backend_pid()");
        var backend = Convert.ToInt32(await command.ExecuteScalarAsync());
        var parent = ParentOf(backend);
        return parent is { } p ? new CpuMeter(serverPid, p) : null;
    }

    public Sample Read()
    {
        var server = Own(serverPid);
        var postgres = Own(postmasterPid) + Children(postmasterPid)
            + Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
                .Where(pid => pid > 0 && ParentOf(pid) == postmasterPid).Sum(Own);
        return new Sample(server, postgres, Environment.CpuUsage.TotalTime.TotalSeconds);
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; the fields after its closing parenthesis are fixed.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended between listing and reading
        }
    }

    private static int? ParentOf(int pid) => Fields(pid) is { } f ? int.Parse(f[1]) : null;

    // After ")": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    private static double Own(int pid) => Fields(pid) is { } f ? (long.Parse(f[11]) + long.Parse(f[12])) / Tick : 0;

    private static double Children(int pid) => Fields(pid) is { } f ? (long.Parse(f[13]) + long.Parse(f[14])) / Tick : 0;
}
