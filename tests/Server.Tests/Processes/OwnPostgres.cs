using System.Diagnostics;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// A throw-away PostgreSQL server of this test alone, so that it may be restarted without disturbing
/// anything else: initdb into a temporary folder, pg_ctl start on a free loopback port. Binaries from
/// GON_TEST_PG_BIN, else the newest /usr/lib/postgresql/*/bin (what CI installs); run as the postgres
/// user when the tests run as root (initdb refuses root). Missing binaries skip the test (fail in CI).
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data = Path.Combine("/tmp", $"gon-own-pg-{Guid.NewGuid():N}");

    private OwnPostgres(string bin, int port)
    {
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    public static async Task<OwnPostgres> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("GON_TEST_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order().LastOrDefault()
                : null;
        if (bin is null || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            const string how = "Set GON_TEST_PG_BIN to PostgreSQL's bin folder (initdb, pg_ctl) to run the restart test.";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail(how);
            }
            Assert.Skip(how);
        }
        var pg = new OwnPostgres(bin, ProcessCluster.FreePort());
        Directory.CreateDirectory(pg._data);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", pg._data);
        }
        await pg.PgAsync("initdb", "-D", pg._data, "-A", "trust", "-U", "postgres");
        await pg.CtlAsync("start");
        return pg;
    }

    /// <summary>Stops the server abruptly (every connection is cut, as in a crash) and starts it again.</summary>
    public async Task RestartAsync()
    {
        await PgAsync("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        await CtlAsync("start");
    }

    private Task CtlAsync(string action) => PgAsync("pg_ctl", "-D", _data, "-l", Path.Combine(_data, "log"), "-w",
        "-o", $"-p {Port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100", action);

    private Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", _data, "-m", "immediate", "stop");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // already stopped
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
