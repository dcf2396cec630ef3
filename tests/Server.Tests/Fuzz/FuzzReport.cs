using System.Globalization;
using System.Text;
using Grpc.Core;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>What makes a call a failure of the suite.</summary>
public enum FindingKind
{
    /// <summary>INTERNAL or UNKNOWN: the server did not decide what was wrong.</summary>
    InternalOrUnknown,
    /// <summary>The call took longer than the bound (a hang, not a speed measurement).</summary>
    Slow,
    /// <summary>The call was refused but rows were stored.</summary>
    RowsWrittenByRefusal,
    /// <summary>
    /// The client could not read the answer at all (the status the client library makes up when, for example, the
    /// server's trailers exceed its 64 KB header limit): whatever the server meant, the caller cannot know.
    /// </summary>
    UnreadableAnswer,
}

public sealed record FuzzFinding(FindingKind Kind, int Index, string Rpc, string Role, FuzzClass Class, string Field, FuzzOutcome Outcome, string Rows);

/// <summary>Counts every call's status and keeps every finding, grouped for a report that names RPC, class, field and role.</summary>
public sealed class FuzzReport(string database, int seed, TimeSpan bound)
{
    private readonly Dictionary<StatusCode, int> _codes = [];
    private readonly List<FuzzFinding> _findings = [];
    private int _requests;
    private long _auditRowsOnRefusals;
    private long _refusedRows;

    public IReadOnlyList<FuzzFinding> Findings => _findings;
    public int Requests => _requests;
    public TimeSpan Elapsed { get; set; }
    public int RpcCount { get; set; }

    /// <summary>With GON_FUZZ_VERBOSE=1 every call is written to the test output, for replaying one RPC.</summary>
    public Action<string>? Log { get; init; }

    public void Add(int index, FuzzRpc rpc, string role, FuzzRequest request, FuzzOutcome outcome, IReadOnlyList<(string Table, long Delta)> changes)
    {
        _requests++;
        Log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"#{index} {rpc.Key} {role} {request.Class} {request.Field} {request.Messages.Sum(m => m.Length)} bytes -> {Name(outcome.Code)} {outcome.Elapsed.TotalMilliseconds:F0} ms {Trim(outcome.Detail)} {string.Join(",", changes.Select(c => $"{c.Table}{c.Delta:+#;-#}"))}"));
        _codes[outcome.Code] = _codes.GetValueOrDefault(outcome.Code) + 1;
        FuzzFinding Finding(FindingKind kind, string rows = "") => new(kind, index, rpc.Key, role, request.Class, request.Field, outcome, rows);
        if (outcome.Code is StatusCode.Internal or StatusCode.Unknown)
        {
            _findings.Add(Finding(FindingKind.InternalOrUnknown));
        }
        if (outcome.Elapsed > bound || outcome.Code == StatusCode.DeadlineExceeded)
        {
            _findings.Add(Finding(FindingKind.Slow));
        }
        if (outcome.Code != StatusCode.OK && IsClientSideFailure(outcome.Detail))
        {
            _findings.Add(Finding(FindingKind.UnreadableAnswer));
        }
        if (outcome.Code == StatusCode.OK)
        {
            return;
        }
        _auditRowsOnRefusals += changes.Where(c => RowCounts.Audit.Contains(c.Table)).Sum(c => c.Delta);
        var stored = changes.Where(c => !RowCounts.Audit.Contains(c.Table) && !RowCounts.Background.Contains(c.Table)).ToList();
        if (stored.Count > 0)
        {
            _refusedRows += stored.Sum(c => Math.Abs(c.Delta));
            _findings.Add(Finding(FindingKind.RowsWrittenByRefusal, string.Join(", ", stored.Select(c => $"{c.Table} {c.Delta:+#;-#}"))));
        }
    }

    /// <summary>The one line CI shows: requests, count per status code, the failures that must be zero.</summary>
    public string Summary()
    {
        var codes = string.Join(" ", _codes.OrderByDescending(c => c.Value).Select(c => $"{Name(c.Key)}={c.Value}"));
        var internalOrUnknown = _codes.GetValueOrDefault(StatusCode.Internal) + _codes.GetValueOrDefault(StatusCode.Unknown);
        var slow = _findings.Count(f => f.Kind == FindingKind.Slow);
        var unreadable = _findings.Count(f => f.Kind == FindingKind.UnreadableAnswer);
        return string.Create(CultureInfo.InvariantCulture,
            $"fuzz {database}: seed {seed}, {_requests} requests over {RpcCount} RPCs x {FuzzRoles.All.Count} roles in {Elapsed.TotalSeconds:F0} s; " +
            $"codes {codes}; INTERNAL/UNKNOWN {internalOrUnknown}; slower than {bound.TotalSeconds:F0} s {slow}; unreadable answers {unreadable}; " +
            $"rows from refused requests {_refusedRows} (audit rows on refusals {_auditRowsOnRefusals}, allowed)");
    }

    /// <summary>Every failure, one line per (kind, RPC, class, field) with the roles that hit it and a request to replay.</summary>
    public string Details()
    {
        var text = new StringBuilder();
        foreach (var group in _findings.GroupBy(f => (f.Kind, f.Rpc, f.Class, f.Field)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Rpc, StringComparer.Ordinal))
        {
            var first = group.First();
            var roles = string.Join(",", group.Select(f => f.Role).Distinct());
            var what = group.Key.Kind switch
            {
                FindingKind.InternalOrUnknown => $"{Name(first.Outcome.Code)}: {Trim(first.Outcome.Detail)}",
                FindingKind.Slow => $"{first.Outcome.Elapsed.TotalSeconds:F1} s, {Name(first.Outcome.Code)}",
                FindingKind.UnreadableAnswer => $"{Name(first.Outcome.Code)}: {Trim(first.Outcome.Detail)}",
                _ => $"{Name(first.Outcome.Code)} but stored {first.Rows}",
            };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {group.Key.Kind} {group.Key.Rpc} class={group.Key.Class} field={(group.Key.Field.Length == 0 ? "-" : group.Key.Field)} roles={roles} x{group.Count()} (first #{first.Index}): {what}");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  replay: GON_FUZZ_SEED={seed} GON_FUZZ_RPC=<Service/Rpc> dotnet test tests/Server.Tests --filter \"FullyQualifiedName~Fuzz\"");
        return text.ToString();
    }

    /// <summary>Grpc.Net.Client's own wording when the HTTP/2 exchange failed before a status arrived.</summary>
    private static bool IsClientSideFailure(string detail) =>
        detail.StartsWith("Error starting gRPC call", StringComparison.Ordinal) || detail.StartsWith("Error reading next message", StringComparison.Ordinal);

    private static string Trim(string detail) => detail.Length <= 160 ? detail : detail[..160] + "…";

    /// <summary>Status codes as the gRPC spec spells them (INVALID_ARGUMENT), as in the issue and the README.</summary>
    public static string Name(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };
}
