using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Settlements;

/// <summary>
/// One settlement run (settlement-rules.md §5) and its state machine:
/// Queued → Running → Succeeded | Failed, and Running → Queued when an attempt failed transiently and
/// will be retried. A run holds a lease while running; a worker that stops renewing it (a crash, a
/// killed process) loses the run to the next claimant once it expires. <see cref="AttemptCount"/>
/// grows with every claim and fences a stale worker out (the server stores it as concurrency token).
/// <see cref="ActiveKey"/> is set while the run is queued or running and cleared when it finishes;
/// the database holds it unique, so two runs of one identity never exist at once, across instances.
/// </summary>
public sealed class SettlementRun
{
    /// <summary>Claims per run before it is given up as failed (1 + the retries).</summary>
    public const int MaxAttempts = 4;

    private SettlementRun() { }

    public Guid Id { get; private set; }
    public SettlementKind Kind { get; private set; }

    /// <summary>1-4; 0 for subcontractor statements (one statement covers every area of a subcontract).</summary>
    public int AreaId { get; private set; }

    public int Year { get; private set; }

    /// <summary>1-12 for subcontractor statements; 0 otherwise.</summary>
    public int Month { get; private set; }

    public SettlementRunState State { get; private set; }
    public SettlementTrigger Trigger { get; private set; }

    /// <summary>Subject that started it; empty for the schedule.</summary>
    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int ProgressPercent { get; private set; }
    public string ProgressStage { get; private set; } = "";
    public int ItemsDone { get; private set; }
    public int ItemsTotal { get; private set; }
    public string RulesVersion { get; private set; } = SettlementRules.RulesVersion;
    public int NewRevisionCount { get; private set; }
    public int UnchangedCount { get; private set; }

    /// <summary>For PGB and reconciliation runs: the revision stored or confirmed; 0 otherwise.</summary>
    public int Revision { get; private set; }

    public string ErrorCode { get; private set; } = "";
    public string ErrorMessage { get; private set; } = "";
    public int AttemptCount { get; private set; }

    /// <summary>
    /// Running: the moment the run is considered abandoned unless renewed. Queued: the moment a job
    /// should have picked it up; after that the recovery enqueues it again.
    /// </summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>"kind:area:year:month" while queued or running; null once finished.</summary>
    public string? ActiveKey { get; private set; }

    public bool IsFinished => State is SettlementRunState.Succeeded or SettlementRunState.Failed;

    /// <summary>The identity of a run, as stored in <see cref="ActiveKey"/>.</summary>
    public static string KeyOf(SettlementKind kind, int areaId, int year, int month) => $"{(int)kind}:{areaId}:{year}:{month}";

    /// <summary>Validates the identity (proto field names) and queues a run.</summary>
    public static SettlementRun Queue(Guid id, SettlementKind? kind, int areaId, int year, int month, SettlementTrigger trigger,
        string? requestedBy, DateTimeOffset now, TimeSpan pickUpWithin)
    {
        Validate(kind, areaId, year, month);
        return new SettlementRun
        {
            Id = id, Kind = kind!.Value, AreaId = areaId, Year = year, Month = month, State = SettlementRunState.Queued,
            Trigger = trigger, RequestedBy = requestedBy ?? "", CreatedAt = now, ProgressStage = "queued",
            ActiveKey = KeyOf(kind.Value, areaId, year, month), LeaseExpiresAt = now + pickUpWithin,
        };
    }

    /// <summary>Throws <see cref="DomainValidationException"/> for an impossible identity.</summary>
    public static void Validate(SettlementKind? kind, int areaId, int year, int month)
    {
        var v = new Violations();
        v.Check(kind is null, "kind", "must be a SettlementRunKind other than UNSPECIFIED");
        v.Check(year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        if (kind == SettlementKind.SubcontractorStatements)
        {
            v.Check(areaId != 0, "area_id", "must be 0 for SUBCONTRACTOR_STATEMENTS (a statement covers every area of a subcontract)");
            v.Check(month is < 1 or > 12, "month", "must be 1-12 for SUBCONTRACTOR_STATEMENTS");
        }
        else if (kind is not null)
        {
            AreaIdRules.Required(v, areaId);
            v.Check(month != 0, "month", "must be 0 for PGB and reconciliation runs");
        }
        v.ThrowIfAny();
    }

    /// <summary>Queued, or running under a lease that has expired (its worker is gone).</summary>
    public bool CanClaim(DateTimeOffset now) =>
        State == SettlementRunState.Queued || (State == SettlementRunState.Running && LeaseExpiresAt is { } l && l <= now);

    /// <summary>A worker takes the run for one attempt.</summary>
    public void Claim(DateTimeOffset now, TimeSpan lease)
    {
        if (!CanClaim(now))
        {
            throw new InvalidStateException($"Settlement run {Id} is {State} and cannot be claimed now.");
        }
        State = SettlementRunState.Running;
        StartedAt ??= now;
        AttemptCount++;
        LeaseExpiresAt = now + lease;
        ProgressPercent = 0;
        ProgressStage = "starting";
        ItemsDone = 0;
        ItemsTotal = 0;
    }

    /// <summary>Progress of the running attempt; renews the lease.</summary>
    public void Report(string stage, int itemsDone, int itemsTotal, DateTimeOffset now, TimeSpan lease)
    {
        RequireRunning("report progress on");
        ArgumentOutOfRangeException.ThrowIfNegative(itemsDone);
        ArgumentOutOfRangeException.ThrowIfNegative(itemsTotal);
        ProgressStage = stage;
        ItemsDone = itemsDone;
        ItemsTotal = itemsTotal;
        // Reading is most of the work; the last 10 % is the final write.
        ProgressPercent = itemsTotal == 0 ? ProgressPercent : Math.Min(90, (int)(90L * Math.Min(itemsDone, itemsTotal) / itemsTotal));
        LeaseExpiresAt = now + lease;
    }

    /// <summary>Results stored (or confirmed) in the same transaction as this change.</summary>
    public void Succeed(int newRevisionCount, int unchangedCount, int revision, DateTimeOffset now)
    {
        RequireRunning("complete");
        ArgumentOutOfRangeException.ThrowIfNegative(newRevisionCount);
        ArgumentOutOfRangeException.ThrowIfNegative(unchangedCount);
        State = SettlementRunState.Succeeded;
        NewRevisionCount = newRevisionCount;
        UnchangedCount = unchangedCount;
        Revision = revision;
        Finish(now);
    }

    /// <summary>Ends the run without result (a precondition, or retries exhausted). Nothing was stored.</summary>
    public void Fail(string errorCode, string errorMessage, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new InvalidStateException($"Settlement run {Id} has already finished ({State}).", ErrorReasons.SettlementRunFinished);
        }
        State = SettlementRunState.Failed;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage.Length > 2000 ? errorMessage[..2000] : errorMessage;
        Finish(now);
    }

    /// <summary>An attempt failed transiently: back to the queue for the retry, which must pick it up before <paramref name="pickUpWithin"/>.</summary>
    public void Requeue(string reason, DateTimeOffset now, TimeSpan pickUpWithin)
    {
        RequireRunning("requeue");
        State = SettlementRunState.Queued;
        ProgressStage = $"retrying after: {(reason.Length > 150 ? reason[..150] : reason)}";
        LeaseExpiresAt = now + pickUpWithin;
    }

    /// <summary>The recovery enqueued the run again; its new job must pick it up before <paramref name="pickUpWithin"/>.</summary>
    public void Reenqueued(DateTimeOffset now, TimeSpan pickUpWithin)
    {
        if (IsFinished)
        {
            throw new InvalidStateException($"Settlement run {Id} has already finished ({State}).", ErrorReasons.SettlementRunFinished);
        }
        if (State == SettlementRunState.Queued)
        {
            LeaseExpiresAt = now + pickUpWithin;
        }
    }

    private void Finish(DateTimeOffset now)
    {
        FinishedAt = now;
        ProgressPercent = 100;
        ProgressStage = "";
        LeaseExpiresAt = null;
        ActiveKey = null;
    }

    private void RequireRunning(string action)
    {
        if (State != SettlementRunState.Running)
        {
            throw new InvalidStateException($"Settlement run {Id} is {State}; only a running run can {action}.");
        }
    }
}
