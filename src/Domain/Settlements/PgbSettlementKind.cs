namespace GonPortal.Domain.Settlements;

/// <summary>
/// Whether a PGB settlement is provisional (may use partial inputs) or final (settlement-rules.md §2, §5).
/// Not the kind of a run: that is <see cref="SettlementKind"/>.
/// </summary>
public enum PgbSettlementKind
{
    Provisional = 1,
    Final = 2,
}
