namespace GonPortal.Server.Audit;

/// <summary>
/// The last link of one partition's chain. Appending locks this row (so writers of one partition take turns and
/// writers of other partitions do not wait), and verification compares it with the last entry, so a deleted
/// tail is found too. The row <see cref="AuditPartitions.Legacy"/> holds the number of entries from before the chain.
/// </summary>
public sealed class AuditChainHead
{
    public string Partition { get; set; } = "";
    /// <summary>The partition's day (UTC); retention drops whole days.</summary>
    public DateOnly Day { get; set; }
    public long Sequence { get; set; }
    public string LastHash { get; set; } = "";
}
