namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>What the test run may use, from the environment.</summary>
public static class TestEnvironment
{
    /// <summary>Connection string of a PostgreSQL server for the integration suite (a database per fixture is created on it).</summary>
    public static string? PostgresConnection => Environment.GetEnvironmentVariable("GON_TEST_POSTGRES");

    /// <summary>In CI every test is required: a missing dependency fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void RequirePostgres()
    {
        if (!string.IsNullOrEmpty(PostgresConnection))
        {
            return;
        }
        const string how = "Set GON_TEST_POSTGRES to a PostgreSQL connection string, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\" (.ci/run starts one).";
        if (IsCi)
        {
            Assert.Fail("PostgreSQL is required in CI. " + how);
        }
        Assert.Skip("PostgreSQL tests skipped. " + how);
    }
}
