namespace GonPortal.Domain.Hours;

/// <summary>
/// One reason an entry was refused, with the input field it concerns (proto field name, e.g.
/// "quantity", "service_date") and an English explanation. The wire carries the field only with
/// <see cref="HourEntryRejectionReason.InvalidField"/>; <see cref="WireField"/> gives exactly that.
/// </summary>
public sealed record HourEntryRejection(HourEntryRejectionReason Reason, string Field, string Message)
{
    /// <summary>The field as hours.proto HourEntryRejection.field expects it: set only for invalid fields.</summary>
    public string WireField => Reason == HourEntryRejectionReason.InvalidField ? Field : "";
}
