namespace GonPortal.HostContracts;

/// <summary>
/// The database engines the Server and Identity ship migrations for, read from configuration
/// <c>Database:Provider</c>; one enum so the AppHost and tests name a provider the same way for both hosts.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
