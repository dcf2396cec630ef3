using System.Collections.Concurrent;
using System.Diagnostics;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GonPortal.Portal.Tests.Observability;

/// <summary>
/// The whole system with telemetry on ("Telemetry:Enabled", no OTLP endpoint) and each host's tracer provider
/// exporting into its own in-memory list: what a host exports is what its own wiring (AddGonTelemetry) collects.
/// </summary>
public sealed class TracedPortalHosts : PortalHosts
{
    public const string Identity = "identity";
    public const string Server = "server";
    public const string Portal = "portal";

    private readonly ConcurrentDictionary<string, LockedList> _exported = new();

    protected override IReadOnlyDictionary<string, string?> CommonSettings { get; } = new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" };

    /// <summary>The spans a host exported so far (a copy).</summary>
    public IReadOnlyList<Activity> Exported(string host)
    {
        return _exported.GetOrAdd(host, _ => new LockedList()).Snapshot();
    }

    protected override void ConfigureTestServices(string host, IServiceCollection services)
    {
        var list = _exported.GetOrAdd(host, _ => new LockedList());
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(list));
    }

    /// <summary>The in-memory exporter's collection, safe to read while the hosts keep ending spans.</summary>
    private sealed class LockedList : System.Collections.ObjectModel.Collection<Activity>
    {
        private readonly Lock _gate = new();

        public IReadOnlyList<Activity> Snapshot()
        {
            lock (_gate)
            {
                return this.ToList();
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }

        protected override void ClearItems()
        {
            lock (_gate)
            {
                base.ClearItems();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TracedPortalCollection : ICollectionFixture<TracedPortalHosts>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "traced-portal";
}
