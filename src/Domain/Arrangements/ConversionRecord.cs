using GonPortal.Domain.Common;

namespace GonPortal.Domain.Arrangements;

/// <summary>
/// The gemeente's record that a line of a conversion file was converted: its source reference
/// (bronkenmerk, unique per gemeente) and where it landed. Owned by the gemeente, so a re-sent file
/// is recognised without reading the hoofdaanbieders' records.
/// </summary>
public sealed class ConversionRecord : ITenantOwned
{
    private ConversionRecord() { }

    public Guid Id { get; private set; }

    /// <summary>The gemeente that converted.</summary>
    public Guid TenantId { get; private set; }

    public string SourceReference { get; private set; } = "";
    public Guid HoofdaanbiederId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public DateTimeOffset ConvertedAt { get; private set; }
    public string ConvertedBy { get; private set; } = "";

    public static ConversionRecord For(Guid gemeenteId, Arrangement arrangement, string sourceReference, string by, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = gemeenteId,
        SourceReference = sourceReference.Trim(),
        HoofdaanbiederId = arrangement.TenantId,
        ClientId = arrangement.ClientId,
        ArrangementId = arrangement.Id,
        ConvertedAt = now,
        ConvertedBy = by,
    };
}
