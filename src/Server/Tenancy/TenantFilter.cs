namespace GonPortal.Server.Tenancy;

/// <summary>Name of the EF Core query filter that isolates tenants, so it can be ignored alone.</summary>
public static class TenantFilter
{
    public const string Name = "Tenant";
}
