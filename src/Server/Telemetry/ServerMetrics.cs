using System.Diagnostics;
using System.Diagnostics.Metrics;
using GonPortal.Domain.Hours;
using Grpc.Core;

namespace GonPortal.Server.Telemetry;

/// <summary>
/// The Server's own instruments on the Meter "GonPortal.Server" (exported with the host's metrics, see
/// <see cref="TelemetryExtensions"/>). Static, like the runtime's own meters, so that a handler records with one
/// line and no new constructor parameter; tags never carry personal data (no BSN, no names, no ids).
/// The job queue gauge needs the host's Hangfire storage and lives in <see cref="JobQueueMetrics"/>.
/// </summary>
public static class ServerMetrics
{
    public const string MeterName = "GonPortal.Server";
    public const string RpcCallsName = "gon.server.rpc.calls";
    public const string RpcDurationName = "gon.server.rpc.duration";
    public const string ImportEntriesName = "gon.server.import.entries";
    public const string SettlementRunDurationName = "gon.server.settlement.run.duration";
    public const string JobQueueLengthName = "gon.server.jobs.queue.length";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RpcCalls = Meter.CreateCounter<long>(RpcCallsName, "{call}",
        "gRPC calls handled, by method (rpc.method) and status code (rpc.grpc.status_code).");

    private static readonly Histogram<double> RpcDuration = Meter.CreateHistogram<double>(RpcDurationName, "s",
        "Duration of gRPC calls, by method and status code.");

    private static readonly Counter<long> ImportEntries = Meter.CreateCounter<long>(ImportEntriesName, "{entry}",
        "Hour entries judged by the streaming import, by outcome (created, existing, rejected); its rate is entries/s.");

    private static readonly Histogram<double> SettlementRunDuration = Meter.CreateHistogram<double>(SettlementRunDurationName, "s",
        "Duration of one settlement run attempt, by kind and outcome.");

    public static void RpcCall(string method, StatusCode status, TimeSpan elapsed)
    {
        var tags = new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", status.ToString() } };
        RpcCalls.Add(1, tags);
        RpcDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts a judged import chunk by outcome.</summary>
    public static void Imported(IReadOnlyList<HourEntryOutcome> outcomes)
    {
        long created = 0, existing = 0, rejected = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Kind)
            {
                case HourEntryOutcomeKind.Created: created++; break;
                case HourEntryOutcomeKind.Existing: existing++; break;
                default: rejected++; break;
            }
        }
        Add(created, "created");
        Add(existing, "existing");
        Add(rejected, "rejected");

        static void Add(long count, string outcome)
        {
            if (count > 0)
            {
                ImportEntries.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    /// <summary>Outcomes: succeeded, failed (preconditions, or given up), lost_lease, error (retried).</summary>
    public static void SettlementRun(string kind, string outcome, TimeSpan elapsed) =>
        SettlementRunDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
