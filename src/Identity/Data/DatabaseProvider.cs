namespace GonPortal.Identity.Data;

/// <summary>The database engines Identity ships migrations for (config <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
