namespace GonPortal.Server.Tenancy;

/// <summary>The gRPC method being served, for the audit trail.</summary>
public sealed class CallInfo
{
    public string Method { get; set; } = "";
}
