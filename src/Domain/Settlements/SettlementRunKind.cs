namespace GonPortal.Domain.Settlements;

/// <summary>Whether a run is provisional (may use partial inputs) or final (settlement-rules.md §2, §5).</summary>
public enum SettlementRunKind
{
    Provisional = 1,
    Final = 2,
}
