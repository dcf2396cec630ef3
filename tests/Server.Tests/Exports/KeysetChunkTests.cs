using GonPortal.Server.Exports;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// The export's keyset chunks (<see cref="ExportChunks"/> over <c>Paging/KeysetOrder</c>) on a real SQLite and
/// PostgreSQL database: read in chunks of 7, a table in any order — text keys in any case and with accents, dates,
/// numbers, mixed directions, many equal keys — is exactly the unchunked query's result, row for row. A row removed
/// between two chunks does not end or repeat the export.
/// </summary>
public abstract class KeysetChunkTests : IAsyncLifetime
{
    internal sealed class Person
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string? Nickname { get; set; }
        public DateOnly Born { get; set; }
        public int Score { get; set; }
        public DateTimeOffset Seen { get; set; }
    }

    internal sealed class PeopleDb(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Person> People => Set<Person>();

        protected override void ConfigureConventions(ModelConfigurationBuilder b)
        {
            // as the Server's SQLite context does: DateTimeOffset as ticks, so it can be ordered and compared
            if (Database.IsSqlite())
            {
                b.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
            }
        }
    }

    private const int Chunk = 7;
    private static readonly string[] Names = ["de Vries", "De Vries", "Bakker", "bakker", "Émile", "émile", "Zwart", "Ångström", "Ölmez", "Jansen", ""];

    protected abstract DbContextOptions Options();

    protected virtual Task DropAsync() => Task.CompletedTask;

    private PeopleDb _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = new PeopleDb(Options());
        await _db.Database.EnsureCreatedAsync();
        var start = new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 100; i++)
        {
            _db.People.Add(new Person
            {
                Id = Guid.NewGuid(),
                Name = Names[i % Names.Length],
                Nickname = i % 3 == 0 ? null : $"N{i % 5}",
                Born = new DateOnly(1950, 1, 1).AddDays(i % 4),
                Score = i % 6,
                Seen = start.AddMinutes(i % 9),
            });
        }
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.Database.EnsureDeletedAsync();
        await _db.DisposeAsync();
        await DropAsync();
    }

    private async Task AssertChunksEqualWhole(IQueryable<Person> ordered)
    {
        var whole = (await ordered.ToListAsync()).Select(p => p.Id).ToList();
        var chunks = new List<List<Person>>();
        await foreach (var chunk in ExportChunks.ReadAsync(ordered, Chunk, CancellationToken.None))
        {
            chunks.Add(chunk);
        }
        Assert.Equal(100, whole.Count);
        Assert.Equal(whole, chunks.SelectMany(c => c).Select(p => p.Id).ToList());
        Assert.Equal(15, chunks.Count); // 14 full chunks and one of 2
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(Chunk, c.Count));
    }

    [Fact]
    public Task Text_keys_lower_cased_with_equal_names_and_accents() =>
        AssertChunksEqualWhole(_db.People.AsNoTracking().OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id));

    [Fact]
    public Task Two_text_keys_descending_with_a_coalesced_one() =>
        AssertChunksEqualWhole(_db.People.AsNoTracking().OrderByDescending(p => p.Name.ToLower()).ThenByDescending(p => (p.Nickname ?? "").ToLower())
            .ThenByDescending(p => p.Id));

    [Fact]
    public Task A_date_descending_then_the_id_ascending() =>
        AssertChunksEqualWhole(_db.People.AsNoTracking().OrderByDescending(p => p.Born).ThenBy(p => p.Id));

    [Fact]
    public Task A_number_then_a_moment_in_opposite_directions() =>
        AssertChunksEqualWhole(_db.People.AsNoTracking().Where(p => p.Score >= 0).OrderBy(p => p.Score).ThenByDescending(p => p.Seen).ThenBy(p => p.Id));

    [Fact]
    public Task The_id_alone() => AssertChunksEqualWhole(_db.People.AsNoTracking().OrderBy(p => p.Id));

    [Fact]
    public async Task A_row_removed_between_chunks_is_neither_repeated_nor_the_end()
    {
        var ordered = _db.People.AsNoTracking().OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id);
        var whole = (await ordered.ToListAsync()).Select(p => p.Id).ToList();
        var seen = new List<Guid>();
        await foreach (var chunk in ExportChunks.ReadAsync(ordered, Chunk, CancellationToken.None))
        {
            seen.AddRange(chunk.Select(p => p.Id));
            if (seen.Count == Chunk)
            {
                // the last row sent, the cursor's own row, goes before the next chunk is read
                var cursor = chunk[^1].Id;
                await _db.People.Where(p => p.Id == cursor).ExecuteDeleteAsync();
            }
        }
        Assert.Equal(whole, seen);
    }

    [Fact]
    public async Task A_query_without_an_order_ending_on_the_id_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in ExportChunks.ReadAsync(_db.People.AsNoTracking().OrderBy(p => p.Name), Chunk, CancellationToken.None))
            {
            }
        });
    }
}

public sealed class SqliteKeysetChunkTests : KeysetChunkTests
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected override DbContextOptions Options()
    {
        _connection.Open();
        return new DbContextOptionsBuilder<PeopleDb>().UseSqlite(_connection).Options;
    }

    protected override async Task DropAsync() => await _connection.DisposeAsync();
}

public sealed class PostgresKeysetChunkTests : KeysetChunkTests
{
    protected override DbContextOptions Options()
    {
        TestEnvironment.RequirePostgres();
        return new DbContextOptionsBuilder<PeopleDb>()
            .UseNpgsql($"{TestEnvironment.PostgresConnection};Database=gon_keyset_{Guid.NewGuid():N}").Options;
    }
}
