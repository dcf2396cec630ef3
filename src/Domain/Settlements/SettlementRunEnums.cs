namespace GonPortal.Domain.Settlements;

/// <summary>What a settlement run computes (settlements.proto SettlementRunKind); also the kind of the results it stores.</summary>
public enum SettlementKind
{
    SubcontractorStatements = 1,
    PgbProvisional = 2,
    PgbFinal = 3,
    Reconciliation = 4,
}

/// <summary>Lifecycle of a run: Queued → Running → Succeeded | Failed (Running → Queued when an attempt failed and will be retried).</summary>
public enum SettlementRunState
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}

/// <summary>What started a run.</summary>
public enum SettlementTrigger
{
    Schedule = 1,
    Api = 2,
}
