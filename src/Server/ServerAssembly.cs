namespace GonPortal.Server;

/// <summary>Marker for WebApplicationFactory in tests; the host itself is in Program.cs.</summary>
public sealed class ServerAssembly;
