namespace GonPortal.Server.Tenancy;

/// <summary>A write of another tenant's data reached SaveChanges: a programming error, never a user error.</summary>
public sealed class TenantMismatchException(string message) : Exception(message);
