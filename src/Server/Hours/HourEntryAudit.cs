namespace GonPortal.Server.Hours;

/// <summary>An hour entry names its client, so reading or changing one is an access to that client's data (audit trail).</summary>
internal static class HourEntryAudit
{
    public const string Resource = "HourEntry";
}
