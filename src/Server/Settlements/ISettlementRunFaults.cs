namespace GonPortal.Server.Settlements;

/// <summary>
/// Test seam for the "killed halfway" guarantees (settlement-rules.md §5): a test host replaces it to
/// block a run mid-way or to fail inside the final transaction. Production uses
/// <see cref="NoSettlementRunFaults"/>. Not a mock: the run itself executes for real around it.
/// </summary>
public interface ISettlementRunFaults
{
    /// <summary>Called before each item (subcontract, or stage of a PGB or reconciliation run) is computed.</summary>
    Task BeforeItemAsync(Guid runId, int itemIndex, CancellationToken ct);

    /// <summary>Called inside the final transaction after each result revision was written (not yet committed).</summary>
    Task AfterResultWrittenAsync(Guid runId, int written, CancellationToken ct);
}

/// <summary>Production: no faults.</summary>
public sealed class NoSettlementRunFaults : ISettlementRunFaults
{
    public Task BeforeItemAsync(Guid runId, int itemIndex, CancellationToken ct) => Task.CompletedTask;

    public Task AfterResultWrittenAsync(Guid runId, int written, CancellationToken ct) => Task.CompletedTask;
}
