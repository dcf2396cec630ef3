namespace GonPortal.Portal;

/// <summary>Marker type for the portal assembly (used by tests, e.g. <c>WebApplicationFactory&lt;PortalAssembly&gt;</c>).</summary>
public sealed class PortalAssembly;
